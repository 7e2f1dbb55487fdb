// Who may talk to the shell. A page elsewhere on the web can make the browser open a WebSocket to
// 127.0.0.1 (and DNS rebinding can make it send plain requests there too), so every request must
// name this shell as its Host, and every WebSocket must come from a page this shell served. On
// the LAN the shell's names are its own addresses too (a tablet opens http://192.168.1.20:5173/).
import type { IncomingMessage } from 'node:http'
import { hostname, networkInterfaces } from 'node:os'
import type { Duplex } from 'node:stream'

/** The names a browser on this machine may use for the shell. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const

/** This machine's IPv4 addresses on its networks (not loopback): where tablets reach the hub. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info?.address ?? '')
    .filter((address) => address !== '')
}

/** The names of the shell: loopback, and with `lan` this machine's addresses and host name. */
export function ownNames(lan: boolean): readonly string[] {
  if (!lan) return LOOPBACK_NAMES
  const host = hostname().toLowerCase()
  return [...LOOPBACK_NAMES, ...lanAddresses(), host, `${host}.local`]
}

/** The Host header values that mean this shell, on `port`. */
export const ownHosts = (port: number, lan = false): ReadonlySet<string> =>
  new Set(ownNames(lan).map((name) => `${name}:${port}`))

/** The origins of the pages this shell serves, on `port`. */
export const ownOrigins = (port: number, lan = false): ReadonlySet<string> =>
  new Set(ownNames(lan).map((name) => `http://${name}:${port}`))

/** Whether a request is addressed to this shell (its Host header names it). */
export const isOwnHost = (req: IncomingMessage, port: number, lan = false): boolean =>
  ownHosts(port, lan).has((req.headers.host ?? '').toLowerCase())

/** Whether a WebSocket upgrade comes from a page of this shell; a missing Origin is foreign. */
export const isOwnOrigin = (req: IncomingMessage, port: number, lan = false): boolean =>
  ownOrigins(port, lan).has((req.headers.origin ?? '').toLowerCase())

/** Whether the request comes from this machine. */
export const isLoopback = (req: IncomingMessage): boolean => {
  const address = req.socket.remoteAddress ?? ''
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}

/** Answers an upgrade request with a plain HTTP error and hangs up. */
export function refuseUpgrade(socket: Duplex, status: 403 | 404 | 421, reason: string): void {
  const text = { 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' }[status]
  const body = `${reason}\n`
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
