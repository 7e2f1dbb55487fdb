// The Electron shell end to end: the built app, a fresh profile, demo mode. Runs where the Electron
// runtime is installed; elsewhere every test reports itself skipped, and the reason is printed.
import { KDS_REQUESTS } from '../../../electron/common/kds-api'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronRuntime } from '../../../electron/start'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const runtime = findElectronRuntime(ROOT)
const SKIP_REASON = runtime.installed
  ? ''
  : `Electron runtime not installed (${runtime.reason}): install it with \`npm install electron\` ` +
    'where its download host is reachable, without ELECTRON_SKIP_BINARY_DOWNLOAD'
if (!runtime.installed) console.log(`[e2e electron] skipped: ${SKIP_REASON}`)
test.skip(!runtime.installed, SKIP_REASON)

const CARD = '[data-testid="order-card"]'

/** Launches the built app on a temporary profile; its output is attached to the test. */
async function launch(): Promise<{ app: ElectronApplication; done: () => Promise<void> }> {
  if (!runtime.installed) throw new Error(SKIP_REASON)
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('the app is not built: run `npm run build` first')
  }
  const userData = mkdtempSync(join(tmpdir(), 'kds-electron-e2e-'))
  // Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer's own
  // `sandbox: true` (no Node, sandboxed preload) is what these tests check, and it stays on.
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  )
  const app = await electron.launch({
    executablePath: runtime.binary,
    args: [ROOT, `--user-data-dir=${userData}`, ...asRoot],
    cwd: ROOT,
    env,
  })
  const output: string[] = []
  app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  return {
    app,
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
