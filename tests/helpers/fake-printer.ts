// A fake ESC/POS network printer for tests: a TCP server on 127.0.0.1 that keeps every byte it
// is sent, one job per connection, and answers the status request (GS r 1) as a printer does.
// It can go down and come back on the same port, or misbehave: accept and never read.
import { createServer, type Server, type Socket } from 'node:net'

const STATUS_REQUEST = Buffer.from([0x1d, 0x72, 0x31])

export type FakePrinterMode =
  /** Reads and answers the status request. */
  | 'ok'
  /** Accepts connections and never reads from them. */
  | 'stuck'
  /** Reads everything, never answers. */
  | 'mute'

export class FakePrinter {
  /** What each connection sent, in order; a job that never finished holds what came. */
  readonly jobs: Buffer[] = []
  mode: FakePrinterMode = 'ok'
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  private waiters: (() => void)[] = []

  private constructor(public port: number) {}

  /** Listens on 127.0.0.1 at `port` (0: a free one). */
  static async start(port = 0): Promise<FakePrinter> {
    const printer = new FakePrinter(port)
    await printer.up()
    return printer
  }

  /** Jobs whose status request arrived: what a real printer would have printed. */
  get printed(): Buffer[] {
    return this.jobs.filter((job) => job.includes(STATUS_REQUEST))
  }

  /** Starts listening again on the same port. */
  async up(): Promise<void> {
    if (this.server !== null) return
    const server = createServer((socket) => this.accept(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    const address = server.address()
    if (address !== null && typeof address === 'object') this.port = address.port
    this.server = server
  }

  /** Stops listening and drops every connection: the printer is switched off. */
  async down(): Promise<void> {
    const server = this.server
    this.server = null
    for (const socket of this.sockets) socket.destroy()
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Resolves once `count` jobs have been printed (checked on every byte received). */
  async waitForPrinted(count: number): Promise<Buffer[]> {
    while (this.printed.length < count) {
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
    return this.printed
  }

  async close(): Promise<void> {
    await this.down()
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    if (this.mode === 'stuck') {
      socket.pause()
      return
    }
    const index = this.jobs.push(Buffer.alloc(0)) - 1
    socket.on('data', (chunk: Buffer) => {
      const job = Buffer.concat([this.jobs[index] ?? Buffer.alloc(0), chunk])
      this.jobs[index] = job
      if (this.mode === 'ok' && job.includes(STATUS_REQUEST)) socket.write(Buffer.from([0x00]))
      const waiters = this.waiters
      this.waiters = []
      for (const wake of waiters) wake()
    })
  }
}
