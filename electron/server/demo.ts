// Demo mode of the display: the reference server started in-process on a free loopback port,
// simulating orders, with the token a kitchen display would use (a WATCHER's). It turns Socket.IO's
// connection state recovery on (the display handles both): a demo shows sessions recovered
// without loss, at the cost of an offset argument on every event that the spec does not have.
import { createServer as createHttpServer } from 'node:http'
import { createServer, type ServerHandle } from './create-server'
import { listen } from './listen'
import type { Logger } from './logger'
import { DEMO_USERS } from './users'

/** The WATCHER token a demo display connects with. */
export const DEMO_DISPLAY_TOKEN = 'demo-watcher'

/** How long a demo display may be gone and still have its session recovered. */
export const DEMO_RECOVERY_SECONDS = 120

export interface DemoServerOptions {
  /** New orders a minute (0: none). */
  simulatePerMinute: number
  /** Multiplies every simulated pause (default 1). */
  timeScale?: number
  logger?: Logger
}

/** A running demo server: where it is, the token to use, and how to stop it. */
export interface RunningDemoServer {
  url: string
  token: string
  handle: ServerHandle
  close(): Promise<void>
}

/** Starts the reference server on 127.0.0.1 and a free port. */
export async function startDemoServer(options: DemoServerOptions): Promise<RunningDemoServer> {
  const http = createHttpServer()
  const handle = createServer(http, {
    logger: options.logger,
    recoverySeconds: DEMO_RECOVERY_SECONDS,
    // The demo display bumps through the condition action (issue 17): its WATCHER may PATCH a
    // condition, and only that; the seed's roles stay as they are.
    conditionWriters: DEMO_USERS.filter((user) => user.token === DEMO_DISPLAY_TOKEN).map(
      (user) => user.id,
    ),
    simulator:
      options.simulatePerMinute > 0
        ? { ordersPerMinute: options.simulatePerMinute, timeScale: options.timeScale }
        : undefined,
  })
  let port: number
  try {
    ;({ port } = await listen(http, 0, '127.0.0.1'))
  } catch (error) {
    await handle.close()
    throw error
  }
  options.logger?.info('demo server: connection state recovery on', {
    seconds: DEMO_RECOVERY_SECONDS,
    note: 'every event carries the packet offset as one more argument than the spec',
  })
  return {
    url: `http://127.0.0.1:${port}`,
    token: DEMO_DISPLAY_TOKEN,
    handle,
    close: () => handle.close(),
  }
}
