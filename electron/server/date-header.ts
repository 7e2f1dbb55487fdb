// Every answer of the reference server carries a Date header from the server's own clock, the
// WebSocket handshake included (as a backend behind nginx does): the display reads the backend's
// clock from it. With a test's clock (ServerDeps.now), the header follows that clock, not the host's.
import type { Server as HttpServer } from 'node:http'
import type { KdsIoServer } from './socket-gateway'

/** Stamps `now` as the Date of every HTTP answer and handshake of `httpServer` and `io`. */
export function stampDates(httpServer: HttpServer, io: KdsIoServer, now: () => number): void {
  const date = () => new Date(now()).toUTCString()
  // First in line, before the API writes its head; Node keeps a Date that is already set.
  httpServer.prependListener('request', (_req, res) => res.setHeader('date', date()))
  io.engine.on('headers', (headers: Record<string, string>) => {
    headers['Date'] = date()
  })
}
