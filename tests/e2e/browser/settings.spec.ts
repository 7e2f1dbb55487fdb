// The settings screen as a person uses it: a light theme, English and a larger type size chosen
// there stay chosen across a reload (the web shell keeps settings in its data directory), and the
// screen follows them. Screenshots of each state are kept with the test's artifacts, to look at.
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'

const connection = (page: Page) => page.getByTestId('connection-status')
const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)
const html = (page: Page) => page.locator('html')

/** Opens the board and waits until it is live. */
async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
}

/** Keeps a screenshot of the whole window with the test's artifacts. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** Picks `label` in the settings' choice group `name`. */
async function choose(page: Page, name: string, label: string): Promise<void> {
  await page.getByTestId(`choice-${name}`).locator('label', { hasText: label }).click()
}

test('a light theme, English and larger type chosen in the settings stay across a reload', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const ids = [await reference.createOrder(), await reference.createOrder()]
  await reference.setCondition(ids[1] ?? '', 'COOKING')
  for (const id of ids) await expect(card(page, id)).toBeVisible()
  await expect(html(page)).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByTestId('clock')).toHaveText(/^\d\d:\d\d$/)
  await keepScreenshot(page, testInfo, 'board-dark')

  await page.getByTestId('open-settings').click()
  const panel = page.getByTestId('settings-panel')
  await expect(panel).toBeVisible()
  await keepScreenshot(page, testInfo, 'settings-dark')
  await panel.evaluate((drawer) => drawer.scrollBy(0, 640))
  await keepScreenshot(page, testInfo, 'settings-dark-kitchen')
  await choose(page, 'theme', 'Светлая')
  await choose(page, 'language', 'English')
  await choose(page, 'fontScale', '150 %')
  await page.getByTestId('settings-save').click()
  await expect(panel).toHaveCount(0)

  await expect(html(page)).toHaveAttribute('data-theme', 'light')
  await expect(html(page)).toHaveAttribute('lang', 'en')
  await expect(html(page)).toHaveCSS('font-size', '24px')
  await expect(connection(page)).toHaveText('Connected')
  await keepScreenshot(page, testInfo, 'board-light-150')

  // The web shell saved them: a reload (a restarted kiosk browser) comes back the same.
  await page.reload()
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(html(page)).toHaveAttribute('data-theme', 'light')
  await expect(html(page)).toHaveAttribute('lang', 'en')
  await expect(html(page)).toHaveCSS('font-size', '24px')
  for (const id of ids) await expect(card(page, id)).toBeVisible()

  await page.getByTestId('open-settings').click()
  await expect(panel.getByRole('radio', { name: 'Light' })).toBeChecked()
  await expect(panel.getByRole('radio', { name: 'English' })).toBeChecked()
  await expect(panel.getByRole('radio', { name: '150 %' })).toBeChecked()
  await choose(page, 'fontScale', '100 %')
  await page.getByTestId('settings-save').click()
  await expect(html(page)).toHaveCSS('font-size', '16px')
  await page.getByTestId('open-settings').click()
  await keepScreenshot(page, testInfo, 'settings-light')
  await page.getByTestId('settings-close').click()
  await expect(panel).toHaveCount(0)
  await keepScreenshot(page, testInfo, 'board-light')
})

test('the full screen switch uses the browser’s Fullscreen API', async ({ page, shell }) => {
  await openBoard(page, shell.url)
  await page.getByTestId('open-settings').click()
  const toggle = page.getByTestId('fullscreen-toggle')
  await expect(toggle).toHaveText('Во весь экран')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(
    true,
  )
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
})

// The web shell has no managed configuration, so no PIN: to look at the pad, this test makes the
// page believe the settings are locked by rewriting the settings it receives. The core (without
// a PIN) then unlocks at any PIN, and the rewrite locks again: the pad stays, as after a wrong PIN.
test('the PIN pad, as a managed PIN shows it', async ({ page, shell }, testInfo) => {
  await page.addInitScript(() => {
    const Native = window.WebSocket
    window.WebSocket = class extends Native {
      override addEventListener(
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ): void {
        if (type !== 'message' || typeof listener !== 'function') {
          super.addEventListener(type, listener, options)
          return
        }
        super.addEventListener(
          type,
          (event) => {
            const data = (event as MessageEvent<unknown>).data
            const locked =
              typeof data === 'string' ? data.replaceAll('"locked":false', '"locked":true') : data
            listener.call(this, new MessageEvent('message', { data: locked }))
          },
          options,
        )
      }
    }
  })
  await openBoard(page, shell.url)
  await page.getByTestId('open-settings').click()
  const pad = page.getByTestId('pin-pad')
  await expect(pad).toBeVisible()
  await expect(page.locator('input[name="serverUrl"]')).toHaveCount(0)
  await pad.locator('[data-testid="pin-key"][data-key="4"]').click()
  await page.keyboard.type('27')
  await expect(pad.getByTestId('pin-dots')).toHaveAttribute('data-count', '3')
  await keepScreenshot(page, testInfo, 'pin-pad')
})
