// "Never miss an order", as a person at the screen sees it: a connection the server could not
// recover leaves a gap warning until someone dismisses it; a board that is not live says so; the
// diagnostics panel opens and exports. The web shell is given `--server` and no resync address,
// so a gap cannot be filled and must be shown.
import { existsSync, readFileSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { WATCHER_TOKEN } from '../helpers/reference-server'

// The core's capped backoff decides when it retries after the server is back; 30 s is its longest
// pause, and a test here waits for one such return.
const BACK_ONLINE_MS = 40_000

const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)
const connection = (page: Page) => page.locator('[data-testid="connection-status"]')
const gapWarnings = (page: Page) => page.locator('[data-testid="gap-warning"]')
const staleStripe = (page: Page) => page.locator('[data-testid="stale-board"]')

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

test('a server restart leaves a gap warning that a person can dismiss', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  test.setTimeout(120_000)
  await openBoard(page, shell.url)
  const ids = [await reference.createOrder(), await reference.createOrder()]
  for (const id of ids) await expect(card(page, id)).toBeVisible()
  await expect(gapWarnings(page)).toHaveCount(0)
  await expect(staleStripe(page)).toHaveCount(0)

  await reference.stop()
  await expect(connection(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 })
  // Not live: the board says since when, and the cards stay readable under it.
  await expect(staleStripe(page)).toHaveText(/^данные на \d\d:\d\d, нет связи$/)
  for (const id of ids) await expect(card(page, id)).toBeVisible()
  await expect(page.getByTestId('offline-since')).toBeVisible()
  await keepScreenshot(page, testInfo, 'offline-after-live')

  // The restarted server keeps nothing in memory: the session cannot be recovered, and with no
  // resync address the minutes in between may have lost orders.
  await reference.restart()
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', {
    timeout: BACK_ONLINE_MS,
  })
  await expect(staleStripe(page)).toHaveCount(0)
  const warning = gapWarnings(page)
  await expect(warning).toHaveCount(1)
  await expect(warning).toHaveAttribute('data-gap-id', /^\d+$/)
  await expect(warning.getByTestId('gap-text')).toHaveText(
    /^связь прерывалась с \d\d:\d\d по \d\d:\d\d — заказы за это время могли не прийти$/,
  )
  await expect(warning.getByTestId('gap-reason')).toHaveText(
    'причина: адрес досинхронизации не задан в настройках',
  )
  // The warning sits above the board; every card is still there to read, and new orders flow.
  const later = await reference.createOrder()
  await expect(card(page, later)).toBeVisible()
  for (const id of ids) await expect(card(page, id)).toBeVisible()
  await keepScreenshot(page, testInfo, 'gap-warning')

  // It stays until someone dismisses it, also across a reload.
  await page.reload()
  await expect(gapWarnings(page)).toHaveCount(1)
  await gapWarnings(page).getByTestId('dismiss-gap').click()
  await expect(gapWarnings(page)).toHaveCount(0)
  await page.reload()
  await expect(connection(page)).toHaveAttribute('data-state', 'connected')
  await expect(card(page, later)).toBeVisible()
  await expect(gapWarnings(page)).toHaveCount(0)

  // The diagnostics counted the reconnection and the gap, and export to a file without the token.
  await page.getByTestId('open-settings').click()
  await page.getByTestId('open-diagnostics').click()
  const panel = page.getByTestId('diagnostics-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByTestId('diag-reconnects')).toHaveText(/^1, из них без потерь: 0$/)
  await expect(panel.getByTestId('diag-gaps')).toHaveText('1, не скрыто: 0')
  await expect(panel.getByTestId('diag-received')).toHaveText('3')
  await panel.getByTestId('export-diagnostics').click()
  const shown = panel.getByTestId('diagnostics-path')
  await expect(shown).toHaveText(/diagnostics-.*\.json$/)
  await keepScreenshot(page, testInfo, 'diagnostics-panel')
  const path = (await shown.textContent())?.trim() ?? ''
  expect(existsSync(path)).toBe(true)
  expect(readFileSync(path, 'utf8')).not.toContain(WATCHER_TOKEN)
})

test('a board from the journal, with the server away, is marked stale', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const id = await reference.createOrder()
  await expect(card(page, id)).toBeVisible()

  // The server goes, then the display restarts without it: its board comes from the journal.
  await reference.stop()
  await expect(connection(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 })
  await shell.restart()
  await page.reload()
  await expect(connection(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 })
  await expect(card(page, id)).toBeVisible()
  await expect(staleStripe(page)).toHaveText(/^данные на \d\d:\d\d, нет связи$/)
  await keepScreenshot(page, testInfo, 'stale-journal-board')
})
