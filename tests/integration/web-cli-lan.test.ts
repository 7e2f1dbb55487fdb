// The browser shell as the hub of a kitchen, as a person starts it: `--lan` (kept on loopback by
// --host here, as tests listen on 127.0.0.1), the managed configuration from KDS_CONFIG_FILE, the
// pairing code printed on stdout whenever it changes, and a paired screen on the bridge.
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLOSE_UNPAIRED } from '../../electron/common/hub'
import { SettingsViewSchema } from '../../electron/common/settings'
import { HealthSchema } from '../../electron/common/status'
import { rendererProblem } from '../../electron/web/static-files'
import { waitFor } from '../helpers/wait'
import { startServer } from './server-harness'
import { cleanUp, Page, tempDir } from './web-harness'

afterEach(cleanUp)

const RENDERER_BUILT = rendererProblem(join(process.cwd(), 'out', 'renderer')) === null
if (!RENDERER_BUILT) console.warn('web-cli-lan: skipped, out/renderer is not built (npm run build)')
const STATIONS = [{ id: 'hot', name: 'Горячий цех', match: ['суп'] }]

describe('npm run serve -- --lan', () => {
  it.runIf(RENDERER_BUILT)(
    'prints each pairing code, admits only paired screens, and reads the managed configuration',
    async () => {
      const server = await startServer()
      const dataDir = tempDir('kds-cli-lan-')
      const config = join(dataDir, 'managed.json')
      const tokenFile = join(dataDir, 'token')
      writeFileSync(tokenFile, 'demo-watcher\n')
      writeFileSync(config, JSON.stringify({ stations: STATIONS, view: 'expo', tokenFile }))
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'electron/web/cli.ts',
          '--port',
          '0',
          '--data-dir',
          dataDir,
          '--lan',
          '--host',
          '127.0.0.1',
        ],
        {
          env: {
            ...process.env,
            KDS_TOKEN: '',
            KDS_SERVER_URL: server.url,
            KDS_CONFIG_FILE: config,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)))
      child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)))
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      try {
        const codes = () => [...stdout.matchAll(/^Pairing code: (\d{6})$/gm)].map((m) => m[1] ?? '')
        await waitFor(() => codes().length > 0, 'the first pairing code', 20_000)
        const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[1])
        const origin = `http://127.0.0.1:${port}`
        expect(stdout).toMatch(/^ {2}Network {2}/m)

        // Unpaired, even on this machine, the bridge says so and sends nothing.
        const stranger = new WebSocket(`ws://127.0.0.1:${port}/kds`, { origin })
        const strangerCode = await new Promise<number>((resolve) => stranger.once('close', resolve))
        expect(strangerCode).toBe(CLOSE_UNPAIRED)

        const code = codes()[0] ?? ''
        const response = await fetch(`${origin}/pair`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ code, name: 'Экспо' }),
        })
        expect(response.status).toBe(200)
        const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
        await waitFor(() => codes().length > 1, 'a new code once it is used')
        expect(codes()[1]).not.toBe(code)

        const ws = new WebSocket(`ws://127.0.0.1:${port}/kds`, { origin, headers: { cookie } })
        const page = new Page(ws)
        await new Promise((resolve) => ws.once('open', resolve))
        const answer = await page.request('settings')
        const settings = SettingsViewSchema.parse(answer.ok ? answer.result : null)
        expect(settings).toMatchObject({ stations: STATIONS, view: 'expo', lan: true })
        expect(settings.managed).toContain('stations')
        ws.close()
        // The token came from the managed token file: the hub is signed in to the backend.
        const deadline = Date.now() + 10_000
        let health = HealthSchema.parse(await (await fetch(`${origin}/health`)).json())
        while (health.state !== 'connected' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100))
          health = HealthSchema.parse(await (await fetch(`${origin}/health`)).json())
        }
        expect(health.state).toBe('connected')
        // The code is told on stdout only, never in the log.
        expect(stderr).not.toContain(code)
      } finally {
        child.kill('SIGTERM')
      }
      expect(await exited).toBe(0)
    },
    60_000,
  )
})
