// The reference backend, in the benchmark's own process so that the time of every emit is taken
// on the spot: createServer on a bare http.Server, listening on 127.0.0.1, port 0.
import { createServer as createHttpServer } from 'node:http'
import { createServer, type ServerHandle } from '../../electron/server/create-server'
import { listen } from '../../electron/server/listen'

/** The token of the built-in WATCHER, which a kitchen display connects with. */
export const WATCHER_TOKEN = 'demo-watcher'

/** A running reference server. */
export interface Reference {
  url: string
  handle: ServerHandle
  close(): Promise<void>
}

/** Starts a silent reference server on a free loopback port. */
export async function startReference(): Promise<Reference> {
  const http = createHttpServer()
  // Large enough that a step of the throughput run never evicts an order it still moves; with
  // recovery on, as demo mode has it, so the soak's network blips are recovered sessions.
  const handle = createServer(http, { storeCapacity: 100_000, recoverySeconds: 120 })
  const { port } = await listen(http, 0, '127.0.0.1')
  return { url: `http://127.0.0.1:${port}`, handle, close: () => handle.close() }
}

/** Drops every display's connection so that it may recover (a network blip: "transport close"). */
export function dropTransports(reference: Reference): void {
  for (const socket of reference.handle.io.sockets.sockets.values()) socket.conn.close()
}

/**
 * Disconnects every display so that it cannot recover its session, as after a server restart:
 * the kept sessions are forgotten first (Socket.IO's adapter keeps a restored session until it
 * expires, so an earlier blip would still let it recover), then the server says goodbye
 * ("io server disconnect"; `disconnectSockets(true)` would close the transport, recoverably).
 */
export function disconnectAll(reference: Reference): void {
  const sessions: unknown = Reflect.get(reference.handle.io.of('/').adapter, 'sessions')
  if (sessions instanceof Map) sessions.clear()
  reference.handle.io.disconnectSockets(false)
}
