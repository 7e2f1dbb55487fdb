// The browser shell's CLI as a person runs it: exit codes, the printed address, a clean stop.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HealthSchema } from '../../electron/common/status'
import { rendererProblem } from '../../electron/web/static-files'
import { startServer } from './server-harness'
import { cleanUp } from './web-harness'

afterEach(cleanUp)

const RENDERER_BUILT = rendererProblem(join(process.cwd(), 'out', 'renderer')) === null

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI to its end, or until `whenReady` (given the first stdout) says to stop it. */
function runCli(
  args: string[],
  env: Record<string, string> = {},
  whenReady?: (stdout: string, stop: () => void) => void,
): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', ...args], {
    env: { ...process.env, KDS_TOKEN: '', KDS_SERVER_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const run: Run = { code: null, stdout: '', stderr: '' }
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += String(chunk)
    whenReady?.(run.stdout, () => child.kill('SIGTERM'))
  })
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += String(chunk)))
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      run.code = code
      resolve(run)
    }),
  )
}

describe('npm run serve (electron/web/cli.ts)', () => {
  it.each([
    [['--port', '99999'], /--port: expected an integer from 0 to 65535/],
    [
      ['--host', '0.0.0.0'],
      /--host: the board is served on 127\.0\.0\.1 only; --lan serves paired screens/,
    ],
    [['--server', 'kds.local'], /--server: must be an http, https, ws or wss address/],
    [['--nonsense'], /Unknown option '--nonsense'/],
  ])('exits 2 on %j, naming the flag', async (args, message) => {
    const run = await runCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toContain('Usage: npm run serve')
  })

  it('exits 2 naming a bad variable', async () => {
    const run = await runCli([], { KDS_SERVER_URL: 'ftp://x' })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^error: KDS_SERVER_URL: /)
  })

  it.runIf(RENDERER_BUILT)(
    'prints its address on one line, serves /health, and exits 0 on SIGTERM',
    async () => {
      const server = await startServer()
      const dataDir = mkdtempSync(join(tmpdir(), 'kds-cli-'))
      let health: unknown
      try {
        const run = await runCli(
          ['--port', '0', '--data-dir', dataDir, '--server', server.url],
          { KDS_TOKEN: 'demo-watcher' },
          (stdout, stop) => {
            const url = /^Kitchen Display web shell listening on (http:\/\/127\.0\.0\.1:\d+\/)$/m
              .exec(stdout)
              ?.at(1)
            if (url === undefined || health !== undefined) return
            health = null
            fetch(`${url}health`)
              .then((response) => response.json())
              .then((body: unknown) => (health = body))
              .finally(stop)
          },
        )
        expect(run.code).toBe(0)
        expect(run.stdout).toContain(`${server.url} (token from KDS_TOKEN)`)
        expect(run.stdout + run.stderr).not.toContain('demo-watcher')
        expect(HealthSchema.safeParse(health).success).toBe(true)
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
  )
})
