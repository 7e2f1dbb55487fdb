// Helpers of the kitchen-of-screens e2e spec: a hub with --lan and its printed pairing codes,
// devices (browser contexts) paired with it, and what the spec looks at and measures on a page.
import { writeFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test'
import { expect } from './fixtures'
import { WATCHER_TOKEN } from './reference-server'
import type { WebShellOptions, WebShellProcess } from './web-shell'

/** The demo menu's product ids (electron/server/menu.ts). */
const product = (n: number) => `665f1c2ab7e4d1c0${n.toString(16).padStart(8, '0')}`
export const BORSCH = product(9)
export const TOM_YAM = product(10)
export const PHILADELPHIA = product(5)
export const CALIFORNIA = product(6)
export const WATER = product(16)

/** Hot passes its tickets on to the packer; cold also takes what no station matches. */
export const STATIONS = [
  { id: 'hot', name: 'Горячий цех', match: ['суп', BORSCH, 'том ям'], next: 'pack' },
  { id: 'cold', name: 'Холодный цех', match: ['филадельфия', 'калифорния'] },
  { id: 'pack', name: 'Упаковка', match: [] },
]
export const VIEWPORT = { width: 1280, height: 800 }

type StartShell = (
  token?: string,
  extra?: Pick<WebShellOptions, 'args' | 'env'>,
) => Promise<WebShellProcess>

export const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)
export const items = (page: Page, id: string) => card(page, id).getByTestId('order-item')
export const connected = (page: Page) =>
  expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', {
    timeout: 15_000,
  })

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** A figure measured, printed and kept with the test's artifacts (never asserted beyond the spec). */
export async function figure(testInfo: TestInfo, text: string): Promise<void> {
  console.log(text)
  await testInfo.attach('figure', { body: text, contentType: 'text/plain' })
}

/**
 * Starts watching `page` for `selector` (a mutation observer, in the page); the function returned
 * resolves with the page's clock when it first matched. The pages share one browser's clock.
 */
export async function watchFor(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.evaluate((wanted) => {
    const store = window as unknown as { seenAt?: Promise<number> }
    store.seenAt = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(wanted) === null) return
        observer.disconnect()
        resolve(Date.now())
      })
      observer.observe(document.body, { subtree: true, childList: true, attributes: true })
    })
  }, selector)
  return () => page.evaluate(() => (window as unknown as { seenAt: Promise<number> }).seenAt)
}

/** The right edge of the rightmost thing drawn on the tickets. */
export const widest = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('[data-testid="tiles"] *')].map(
        (element) => element.getBoundingClientRect().right,
      ),
    ),
  )

/** A hub on `reference` serving the LAN, its stations from a managed config file. */
export async function startHub(
  startShell: StartShell,
  testInfo: TestInfo,
): Promise<WebShellProcess> {
  const config = testInfo.outputPath('kds-config.json')
  writeFileSync(config, JSON.stringify({ stations: STATIONS, defaultStation: 'cold' }))
  const hub = await startShell(WATCHER_TOKEN, {
    args: ['--lan', '--host', '127.0.0.1'],
    env: { KDS_CONFIG_FILE: config },
  })
  await expect.poll(() => codes(hub).length).toBeGreaterThan(0)
  return hub
}

/** Every pairing code the hub printed, the newest last. */
const codes = (hub: WebShellProcess) =>
  [...hub.output().matchAll(/Pairing code: (\d{6})/g)].map((match) => match[1] ?? '')
export const currentCode = (hub: WebShellProcess) => codes(hub).at(-1) ?? ''
/** A code that is not the hub's current one. */
export const wrongCode = (hub: WebShellProcess) =>
  String((Number(currentCode(hub)) + 1) % 1_000_000).padStart(6, '0')

/** Types the hub's current code and a name into the pairing screen; resolves once paired. */
export async function pairOn(page: Page, hub: WebShellProcess, name: string): Promise<void> {
  await expect(page.getByTestId('pairing')).toBeVisible({ timeout: 15_000 })
  const code = currentCode(hub)
  await page.getByTestId('pairing-code').fill(code)
  await page.getByTestId('pairing-name').fill(name)
  await page.getByTestId('pairing-submit').click()
  await expect(page.getByTestId('pairing')).toHaveCount(0, { timeout: 15_000 })
  await connected(page)
  // The code is used up: the hub prints the next one.
  await expect.poll(() => currentCode(hub)).not.toBe(code)
}

/** A new device (browser context) opening `screen` on the hub and pairing as `name`. */
export async function screenOf(
  browser: Browser,
  hub: WebShellProcess,
  screen: string,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  await page.goto(`${hub.url}?screen=${screen}`)
  await pairOn(page, hub, name)
  return { context, page }
}
