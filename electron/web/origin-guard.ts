// Who may talk to the shell. A page elsewhere on the web can make the browser open a WebSocket to
// 127.0.0.1 (and DNS rebinding can make it send plain requests there too), so every request must
// name this shell as its Host, and every WebSocket must come from a page this shell served.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

/** The names a browser on this machine may use for the shell. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const

/** The Host header values that mean this shell, on `port`. */
export const ownHosts = (port: number): ReadonlySet<string> =>
  new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`))

/** The origins of the pages this shell serves, on `port`. */
export const ownOrigins = (port: number): ReadonlySet<string> =>
  new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`))

/** Whether a request is addressed to this shell (its Host header names it). */
export const isOwnHost = (req: IncomingMessage, port: number): boolean =>
  ownHosts(port).has((req.headers.host ?? '').toLowerCase())

/** Whether a WebSocket upgrade comes from a page of this shell; a missing Origin is foreign. */
export const isOwnOrigin = (req: IncomingMessage, port: number): boolean =>
  ownOrigins(port).has((req.headers.origin ?? '').toLowerCase())

/** Answers an upgrade request with a plain HTTP error and hangs up. */
export function refuseUpgrade(socket: Duplex, status: 403 | 404 | 421, reason: string): void {
  const text = { 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' }[status]
  const body = `${reason}\n`
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
