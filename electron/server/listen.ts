// Starting to listen is the one step that fails for reasons outside the code (a port in use), so
// it is a promise that rejects instead of an 'error' event that would crash the process.
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Listens on `host:port` (port 0 picks a free one) and resolves with the real address. */
export function listen(server: HttpServer, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}
