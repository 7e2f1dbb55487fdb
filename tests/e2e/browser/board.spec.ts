// The whole path in a real browser: reference server → core → web shell (its CLI, as
// `npm run serve` runs it) → renderer → what a person sees. Orders are made through the admin API.
import type { Page } from '@playwright/test'
import { HealthSchema } from '../../../electron/common/status'
import { expect, test } from '../helpers/fixtures'
import { withLayout, type BoardLayout } from '../helpers/layout'

const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)
const cards = (page: Page) => page.locator('[data-testid="order-card"]')
const column = (page: Page, condition: string) =>
  page.locator(`[data-testid="condition-column"][data-condition="${condition}"]`)
const connection = (page: Page) => page.locator('[data-testid="connection-status"]')

/** Opens the board (tiles, unless `layout` says) and waits until it is live. */
async function openBoard(page: Page, url: string, layout: BoardLayout = 'tiles'): Promise<void> {
  await page.goto(withLayout(url, layout))
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
}

/** Fails the test on anything the page reports as broken: script errors, CSP violations. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console: ${message.text()} ${message.location().url}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`)
  })
  return errors
}

test('a new order appears within a second of the POST', async ({ page, reference, shell }) => {
  const errors = watchForErrors(page)
  await openBoard(page, shell.url)

  const posted = Date.now()
  const id = await reference.createOrder()
  const left = Math.max(1_000 - (Date.now() - posted), 1)
  await expect(card(page, id)).toBeVisible({ timeout: left })
  await expect(card(page, id)).toHaveAttribute('data-condition', 'NEW')
  expect(errors).toEqual([])
})

test('a condition change moves the card to its column', async ({ page, reference, shell }) => {
  await openBoard(page, shell.url, 'columns')
  const id = await reference.createOrder()
  await expect(column(page, 'NEW').locator(card(page, id))).toBeVisible()

  await reference.setCondition(id, 'COOKING')
  await expect(card(page, id)).toHaveAttribute('data-condition', 'COOKING')
  await expect(column(page, 'COOKING').locator(card(page, id))).toBeVisible()
  await expect(column(page, 'NEW').locator(card(page, id))).toHaveCount(0)
  await expect(cards(page)).toHaveCount(1)

  await reference.setCondition(id, 'COLLECTED')
  await expect(column(page, 'COLLECTED').locator(card(page, id))).toHaveAttribute(
    'data-condition',
    'COLLECTED',
  )
  await expect(column(page, 'COOKING').locator(card(page, id))).toHaveCount(0)
})

test('in tiles, a condition change stays on its ticket: colour and word', async ({
  page,
  reference,
  shell,
}) => {
  await openBoard(page, shell.url)
  const id = await reference.createOrder()
  await expect(card(page, id).getByTestId('card-condition')).toHaveText('Новый')
  await expect(column(page, 'NEW')).toHaveCount(0)

  await reference.setCondition(id, 'COOKING')
  await expect(card(page, id)).toHaveAttribute('data-condition', 'COOKING')
  await expect(card(page, id).getByTestId('card-condition')).toHaveText('Готовится')
  await expect(cards(page)).toHaveCount(1)
})

test('a wrong token says so', async ({ page, startShell }) => {
  const shell = await startShell('not-a-real-token')
  await page.goto(shell.url)
  await expect(connection(page)).toHaveAttribute('data-state', 'unauthorized', { timeout: 15_000 })
  await expect(page.getByRole('heading', { name: 'Вы не авторизованы' })).toBeVisible()
  const health = HealthSchema.parse(await (await page.request.get(`${shell.url}health`)).json())
  expect(health.state).toBe('unauthorized')
})

test('the server going away shows offline, and its return shows connected', async ({
  page,
  reference,
  shell,
}) => {
  await openBoard(page, shell.url)
  const id = await reference.createOrder()
  await expect(card(page, id)).toBeVisible()

  await reference.stop()
  await expect(connection(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 })
  // The board stays: orders already seen are not forgotten while the server is away.
  await expect(card(page, id)).toBeVisible()

  await reference.restart()
  // The core's capped backoff decides when it retries; 30 s is its longest pause.
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 40_000 })
  const later = await reference.createOrder()
  await expect(card(page, later)).toBeVisible()
})

test('the page rides out a restart of the web shell', async ({ page, reference, shell }) => {
  await openBoard(page, shell.url)
  const id = await reference.createOrder()
  await expect(card(page, id)).toBeVisible()

  const restarting = shell.restart()
  // While the shell is away the page must not keep saying "connected" over a frozen board.
  await expect(connection(page)).toHaveAttribute('data-state', 'offline')
  await restarting
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  // The journal kept the order across the restart, and new orders flow again.
  await expect(card(page, id)).toBeVisible()
  const later = await reference.createOrder()
  await expect(card(page, later)).toBeVisible()
  await expect(cards(page)).toHaveCount(2)
})

test('/health agrees with the screen; the board is kept as a screenshot', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const ids = [
    await reference.createOrder(),
    await reference.createOrder(),
    await reference.createOrder(),
    await reference.createOrder(),
  ]
  const [, second, third, fourth] = ids
  if (second === undefined || third === undefined || fourth === undefined) throw new Error('ids')
  await reference.setCondition(second, 'ACCEPTED')
  await reference.setCondition(third, 'COOKING')
  await reference.setCondition(fourth, 'COOKING')
  await reference.setCondition(fourth, 'COLLECTED')
  await expect(cards(page)).toHaveCount(ids.length)
  await expect(card(page, fourth)).toHaveAttribute('data-condition', 'COLLECTED')

  const response = await page.request.get(`${shell.url}health`)
  expect(response.ok()).toBe(true)
  const health = HealthSchema.parse(await response.json())
  expect(health.orders).toBe(await cards(page).count())
  expect(health.state).toBe(await connection(page).getAttribute('data-state'))
  expect(health.received).toBe(ids.length + 4)
  expect(health.invalid).toBe(0)
  expect(health.lastEventAt).not.toBeNull()

  const path = testInfo.outputPath('board.png')
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach('board', { path, contentType: 'image/png' })
})
