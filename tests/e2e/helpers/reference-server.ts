// The reference backend for e2e tests: its CLI on 127.0.0.1, and its admin API, which is how a
// test makes orders happen.
import { startCli, type CliProcess } from './processes'

export const ADMIN_TOKEN = 'demo-admin'
export const WATCHER_TOKEN = 'demo-watcher'

const READY = /listening on (http:\/\/127\.0\.0\.1:\d+)/

/** A reference server that can be stopped and started again on the same port. */
export class ReferenceServer {
  private constructor(
    private process: CliProcess | null,
    readonly url: string,
    private readonly logs: string[],
    private readonly args: readonly string[],
  ) {}

  /** Starts the server CLI on `port` (0: a free one), with more flags when given. */
  static async start(port = 0, args: readonly string[] = []): Promise<ReferenceServer> {
    const process = await startCli(
      'electron/server/cli.ts',
      ['--port', String(port), ...args],
      READY,
    )
    return new ReferenceServer(process, process.address, [], args)
  }

  get port(): number {
    return Number(new URL(this.url).port)
  }

  /** Stops the server, as a crash or a deploy would take it away. */
  async stop(): Promise<void> {
    const process = this.process
    this.process = null
    if (process === null) return
    await process.stop()
    this.logs.push(process.output())
  }

  /** Starts it again on the same port. */
  async restart(): Promise<void> {
    await this.stop()
    const args = ['--port', String(this.port), ...this.args]
    this.process = await startCli('electron/server/cli.ts', args, READY)
  }

  /** Everything every run of it printed. */
  output(): string {
    return [...this.logs, this.process?.output() ?? ''].join('\n--- restarted ---\n')
  }

  /**
   * Creates a random order through the admin API (a real one unless `draft` says otherwise: a
   * random test order would be left out of the dispatcher's figures); answers its `_id`.
   */
  async createOrder(draft: Record<string, unknown> = {}): Promise<string> {
    const order = await this.call('POST', '/api/orders', { isTestOrder: false, ...draft })
    if (typeof order !== 'object' || order === null || !('_id' in order)) {
      throw new Error(`POST /api/orders answered ${JSON.stringify(order)}`)
    }
    return String(order._id)
  }

  /** Sets an order's condition through the admin API. */
  async setCondition(id: string, condition: string): Promise<void> {
    await this.call('PATCH', `/api/orders/${id}`, { condition })
  }

  private async call(method: string, path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json: unknown = await response.json()
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
    return json
  }
}
