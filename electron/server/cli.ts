// `npm run server -- --port 4000 [--simulate N] [--recovery S]` (USAGE lists every flag): runs the
// reference backend until SIGINT or SIGTERM, then closes every socket and timer and exits 0.
// Exit codes: 0 done, 1 could not start (port taken...), 2 bad command line or users file.
import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SOCKET_PATH } from '../common/protocol/events'
import { parseCliOptions, USAGE, type CliOptions } from './cli-options'
import { createServer } from './create-server'
import { API_BASE } from './http-api'
import { listen } from './listen'
import { stderrLogger } from './logger'
import { DEMO_USERS, loadUsersFile, type User } from './users'

// If closing ever hangs, a signal still ends the process rather than leaving it half alive.
const FORCED_EXIT_MS = 5_000

function banner(origin: string, options: CliOptions, fileUsers: number): string {
  const wsOrigin = origin.replace(/^http/, 'ws')
  const tokens = DEMO_USERS.map((user) => {
    const id = user.role === 'USER' ? `  (id ${user.id})` : ''
    return `${user.token.padEnd(14)} ${user.role}${id}`
  })
  const lines = [
    `Kitchen Display reference server listening on ${origin}`,
    `  Socket.IO  ${wsOrigin}${SOCKET_PATH}   (path "${SOCKET_PATH}", transports ["websocket"])`,
    `  HTTP API   ${origin}${API_BASE}/orders   (Authorization: Bearer <ADMIN token>)`,
    `  Tokens     ${tokens.join('\n             ')}`,
  ]
  if (options.users !== undefined) lines.push(`             + ${fileUsers} from ${options.users}`)
  if (options.simulate !== undefined) {
    lines.push(
      `  Simulator  ${options.simulate} orders a minute, time scale ${options['time-scale']}`,
    )
  }
  if (options.recovery !== undefined) {
    lines.push(
      `  Recovery   on for ${options.recovery} s: every event carries the packet offset as one more argument (not in the spec)`,
    )
  }
  if (options['condition-writers'] !== undefined) {
    lines.push(`  Writers    ${options['condition-writers'].join(', ')} may PATCH a condition`)
  }
  lines.push('Press Ctrl+C to stop.')
  return lines.join('\n')
}

async function main(argv: readonly string[]): Promise<number | undefined> {
  const parsed = parseCliOptions(argv)
  if (!parsed.ok) {
    console.error(`error: ${parsed.reason}\n\n${USAGE}`)
    return 2
  }
  const options = parsed.value
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  const users: User[] = [...DEMO_USERS]
  if (options.users !== undefined) {
    const loaded = await loadUsersFile(options.users)
    if (!loaded.ok) {
      console.error(`error: --users: ${loaded.reason}`)
      return 2
    }
    users.push(...loaded.value)
  }

  const httpServer = createHttpServer()
  const handle = createServer(httpServer, {
    users,
    logger: stderrLogger,
    recoverySeconds: options.recovery,
    conditionWriters: options['condition-writers'],
    simulator:
      options.simulate === undefined
        ? undefined
        : { ordersPerMinute: options.simulate, timeScale: options['time-scale'] },
  })
  // Handlers go in before the banner: whoever reads it may signal at once, and a signal that
  // arrives before them would kill the process without closing anything.
  let closing = false
  const shutdown = (signal: NodeJS.Signals) => {
    // Ctrl+C reaches every process of the group, so a wrapper (npm, tsx) may relay the same
    // signal a second time: later signals are ignored while closing.
    if (closing) return
    closing = true
    stderrLogger.info('shutting down', { signal })
    setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref()
    handle.close().then(
      () => {
        process.exitCode = 0
      },
      (error: unknown) => {
        stderrLogger.error('close failed', { error: String(error) })
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)

  let address: AddressInfo
  try {
    address = await listen(httpServer, options.port, options.host)
  } catch (error) {
    if (closing) return undefined
    console.error(`error: cannot listen on ${options.host}:${options.port}: ${String(error)}`)
    closing = true
    await handle.close()
    return 1
  }
  if (closing) return undefined
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  console.log(banner(`http://${host}:${address.port}`, options, users.length - DEMO_USERS.length))
  return undefined
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
