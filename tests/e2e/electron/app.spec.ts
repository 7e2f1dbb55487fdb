// The Electron shell end to end: the built app, a fresh profile, demo mode; one instance, a
// renderer that heals, the managed configuration. The 'electron-runtime' setup installs the
// runtime first; only where it could not does every test report itself skipped, with its reason.
import { KDS_REQUESTS } from '../../../electron/common/kds-api'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HUB_CHOICE_FILE } from '../../../electron/main/hub-choice'
import { ADMIN_TOKEN, ReferenceServer } from '../helpers/reference-server'
import { startWebShell } from '../helpers/web-shell'
import { ROOT, runtimeForTests, type RuntimeResult } from './runtime-result'

// Looked up in the worker, after the setup project has run (not when the file is collected).
let runtime: RuntimeResult = { ok: false, reason: 'not looked up yet' }
let SKIP_REASON = ''
test.beforeAll(() => {
  runtime = runtimeForTests()
  if (runtime.ok) return
  SKIP_REASON = `the Electron runtime could not be installed (${runtime.reason}); see the README's Troubleshooting`
  console.log(`[e2e electron] skipped: ${SKIP_REASON}`)
})
test.beforeEach(() => test.skip(!runtime.ok, SKIP_REASON))

const CARD = '[data-testid="order-card"]'

// Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer's own
// `sandbox: true` (no Node, sandboxed preload) is what these tests check, and it stays on.
const AS_ROOT = process.getuid?.() === 0 ? ['--no-sandbox'] : []

interface Launched {
  app: ElectronApplication
  userData: string
  env: Record<string, string>
  done: () => Promise<void>
}

/**
 * Launches the built app on a temporary profile; its output is attached to the test. `managed`
 * is written as its managed config file (KDS_CONFIG_FILE), so the machine's own never applies;
 * `profile` as JSON files in userData (name: content).
 */
async function launch(
  managed: unknown = null,
  profile: Record<string, unknown> = {},
): Promise<Launched> {
  if (!runtime.ok) throw new Error(SKIP_REASON)
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('the app is not built: run `npm run build` first')
  }
  const userData = mkdtempSync(join(tmpdir(), 'kds-electron-e2e-'))
  const configFile = join(userData, 'managed-config.json')
  if (managed !== null) writeFileSync(configFile, JSON.stringify(managed))
  for (const [name, content] of Object.entries(profile)) {
    writeFileSync(join(userData, name), JSON.stringify(content))
  }
  const env = Object.fromEntries(
    Object.entries({ ...process.env, KDS_CONFIG_FILE: configFile }).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  )
  const app = await electron.launch({
    executablePath: runtime.binary,
    args: [ROOT, `--user-data-dir=${userData}`, ...AS_ROOT],
    cwd: ROOT,
    env,
  })
  const output: string[] = []
  app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  return {
    app,
    userData,
    env,
    done: async () => {
      await app.close()
      await test.info().attach('electron-output.log', {
        body: output.join(''),
        contentType: 'text/plain',
      })
      rmSync(userData, { recursive: true, force: true })
    },
  }
}

/** How many order cards the first window shows, asked through main (survives a renderer crash). */
function cardsShown(app: ElectronApplication): Promise<number> {
  return app.evaluate(async ({ BrowserWindow }, selector) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents
    if (contents === undefined || contents.isCrashed() || contents.isLoading()) return 0
    const count: unknown = await contents.executeJavaScript(
      `document.querySelectorAll(${JSON.stringify(selector)}).length`,
    )
    return typeof count === 'number' ? count : 0
  }, CARD)
}

test('a fresh install shows demo orders in a renderer without Node', async () => {
  const { app, done } = await launch()
  try {
    const page = await app.firstWindow()
    await expect(page.locator(CARD).first()).toBeVisible({ timeout: 30_000 })
    expect(await page.evaluate(() => typeof require)).toBe('undefined')
    expect(await page.evaluate(() => typeof process)).toBe('undefined')
    expect(await page.evaluate(() => typeof module)).toBe('undefined')
    expect(await page.evaluate(() => typeof Buffer)).toBe('undefined')
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { kds: object }).kds).sort()),
    ).toEqual([...Object.keys(KDS_REQUESTS), 'subscribe'].sort())
  } finally {
    await done()
  }
})

test('the window cannot navigate away or open windows', async () => {
  const { app, done } = await launch()
  try {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    // A non-http URL: denied and not handed to the system either (no browser pops up in CI).
    expect(await page.evaluate(() => window.open('file:///etc/hosts') === null)).toBe(true)
    const home = page.url()
    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    // Blocked in will-navigate: the page never leaves, so waiting for it to arrive times out.
    await expect(page.waitForURL(/example\.com/, { timeout: 2_000 })).rejects.toThrow()
    expect(page.url()).toBe(home)
  } finally {
    await done()
  }
})

test('a second launch hands over to the first, which keeps its one window', async () => {
  const { app, userData, env, done } = await launch()
  try {
    const page = await app.firstWindow()
    await expect(page.locator(CARD).first()).toBeVisible({ timeout: 30_000 })
    if (!runtime.ok) return
    const second = spawn(runtime.binary, [ROOT, `--user-data-dir=${userData}`, ...AS_ROOT], {
      cwd: ROOT,
      env,
      stdio: 'ignore',
    })
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve))
    expect(code).toBe(0)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  } finally {
    await done()
  }
})

test('a crashed renderer is reloaded and the board comes back', async () => {
  const { app, userData, done } = await launch()
  try {
    const page = await app.firstWindow()
    await expect(page.locator(CARD).first()).toBeVisible({ timeout: 30_000 })
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer()
    })
    await expect.poll(() => cardsShown(app), { timeout: 30_000 }).toBeGreaterThan(0)
    const log = readFileSync(join(userData, 'data', 'logs', 'kds.log'), 'utf8')
    expect(log).toContain('the renderer is gone; reloading it')
  } finally {
    await done()
  }
})

test('the managed configuration opens a kiosk window on the dispatch view', async () => {
  const { app, done } = await launch({ kiosk: true, view: 'dispatch' })
  try {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    expect(new URL(page.url()).searchParams.get('view')).toBe('dispatch')
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isKiosk()),
    ).toBe(true)
  } finally {
    await done()
  }
})

test('a profile set to be a screen of a hub opens the hub’s page, with no bridge of ours', async () => {
  const server = await ReferenceServer.start()
  const hub = await startWebShell({ server: server.url, token: ADMIN_TOKEN })
  try {
    const choice = { hubUrl: hub.url, language: 'ru' }
    const { app, done } = await launch(null, { [HUB_CHOICE_FILE]: choice })
    try {
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
      expect(new URL(page.url()).origin).toBe(new URL(hub.url).origin)
      // The hub's page talks to its hub over the bridge: no preload of ours in a remote page.
      expect(await page.evaluate(() => 'kds' in window)).toBe(false)
    } finally {
      await done()
    }
  } finally {
    await hub.stop()
    await server.stop()
  }
})
