// The browser shell for e2e tests, run exactly as `npm run serve` runs it (minus the build, which
// the test command does once before), with its own data directory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HealthSchema } from '../../../electron/common/status'
import { startCli, type CliProcess } from './processes'

const READY = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/

export interface WebShellOptions {
  /** The backend; the shell watches it with `token`. */
  server: string
  token: string
  /** More flags, e.g. `--lan`. */
  args?: readonly string[]
  /** More environment, e.g. KDS_CONFIG_FILE. */
  env?: Record<string, string>
}

/** A running web shell and the temporary data directory it owns. */
export interface WebShellProcess {
  /** `http://127.0.0.1:PORT/`, as the CLI printed it. */
  url: string
  /** Everything every run of it printed. */
  output(): string
  /**
   * Resolves once its core is connected to the backend. What the backend sends before that is not
   * the display's to know (the spec has no list of orders to catch up from), so a test that makes
   * orders before opening a page waits for this first.
   */
  untilConnected(timeoutMs?: number): Promise<void>
  /** Stops it (as Ctrl+C would) and starts it again on the same port and data directory. */
  restart(): Promise<void>
  /** Stops it (as Ctrl+C would), keeping its data directory for `start`. */
  halt(): Promise<void>
  /** Starts it again after `halt`, on the same port and data directory. */
  start(): Promise<void>
  /** Stops the shell and removes its data directory; resolves with the last exit code. */
  stop(): Promise<number | null>
}

/** Starts `electron/web/cli.ts --port 0 --data-dir <tmp> --server <url>` with KDS_TOKEN. */
export async function startWebShell(options: WebShellOptions): Promise<WebShellProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kds-e2e-'))
  const run = (port: number) =>
    startCli(
      'electron/web/cli.ts',
      [
        '--port',
        String(port),
        '--data-dir',
        dataDir,
        '--server',
        options.server,
        ...(options.args ?? []),
      ],
      READY,
      { KDS_TOKEN: options.token, ...options.env },
    )
  let process: CliProcess
  try {
    process = await run(0)
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const url = process.address
  const logs: string[] = []
  let halted = false
  return {
    url,
    output: () => [...logs, ...(halted ? [] : [process.output()])].join('\n--- restarted ---\n'),
    async untilConnected(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      let state = 'unknown'
      while (Date.now() < until) {
        const health = HealthSchema.safeParse(await (await fetch(`${url}health`)).json())
        state = health.success ? health.data.state : 'unreadable'
        if (state === 'connected') return
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`the web shell at ${url} is not connected after ${timeoutMs} ms: ${state}`)
    },
    async restart() {
      const code = await process.stop()
      logs.push(`${process.output()}\n[exit code ${String(code)}]`)
      process = await run(Number(new URL(url).port))
    },
    async halt() {
      const code = await process.stop()
      logs.push(`${process.output()}\n[exit code ${String(code)}]`)
      halted = true
    },
    async start() {
      process = await run(Number(new URL(url).port))
      halted = false
    },
    async stop() {
      const code = halted ? null : await process.stop()
      rmSync(dataDir, { recursive: true, force: true })
      return code
    },
  }
}
