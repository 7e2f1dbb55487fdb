// The kitchen in a real browser: bump and recall by mouse and by the bump bar's keys, and the
// all-day counts against the orders the admin API made. Screenshots of each screen are attached.
import type { Page, TestInfo } from '@playwright/test'
import { z } from 'zod'
import { expect, test } from '../helpers/fixtures'
import { withLayout } from '../helpers/layout'
import { ADMIN_TOKEN, type ReferenceServer } from '../helpers/reference-server'

const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)
const connection = (page: Page) => page.locator('[data-testid="connection-status"]')

/** What the admin API answers for a new order: enough of it to count its products. */
const MadeOrderSchema = z.object({
  _id: z.string(),
  number: z.number(),
  products: z.array(
    z.object({
      number: z.number(),
      product: z.object({ title: z.string() }),
      variant: z.object({ title: z.string() }).nullable(),
    }),
  ),
})
type MadeOrder = z.infer<typeof MadeOrderSchema>

/** Makes an order through the admin API and answers it whole (the fixture answers only its id). */
async function makeOrder(reference: ReferenceServer, draft: object = {}): Promise<MadeOrder> {
  const response = await fetch(`${reference.url}/api/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(draft),
  })
  expect(response.ok).toBe(true)
  return MadeOrderSchema.parse(await response.json())
}

/** Opens the board in the condition columns (what these tests are about) and waits until live. */
async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(withLayout(url, 'columns'))
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
}

/** Opens the top row's «⋯» menu, where the kitchen's filters and panels are, unless it is open. */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('bar-menu')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('bump and recall by mouse, and from the recently cleared list', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const first = await makeOrder(reference)
  const second = await makeOrder(reference)
  await expect(card(page, first._id)).toBeVisible()
  await expect(card(page, second._id)).toBeVisible()

  await card(page, first._id).getByTestId('bump').click()
  await expect(card(page, first._id)).toHaveCount(0)
  await expect(card(page, second._id)).toBeVisible()
  await page.getByTestId('recall-last').click()
  await expect(card(page, first._id)).toBeVisible()

  await card(page, first._id).getByTestId('bump').click()
  await expect(card(page, first._id)).toHaveCount(0)
  await card(page, second._id).getByTestId('bump').click()
  await expect(card(page, second._id)).toHaveCount(0)

  await openMenu(page)
  await page.getByTestId('recent-toggle').click()
  const recent = page.getByTestId('recent-bump')
  await expect(recent).toHaveCount(2)
  await expect(recent.nth(0)).toHaveAttribute('data-order-id', second._id)
  await expect(recent.nth(1)).toHaveAttribute('data-order-id', first._id)
  await expect(recent.nth(0)).toContainText(`№ ${second.number}`)
  await keepScreenshot(page, testInfo, 'recent-bumps')

  await recent.nth(1).getByTestId('restore').click()
  await expect(card(page, first._id)).toBeVisible()
  await expect(card(page, second._id)).toHaveCount(0)
  await expect(page.getByTestId('recent-bump')).toHaveCount(1)

  // Bumps are the core's, journaled: a reload shows the same board.
  await page.reload()
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(card(page, first._id)).toBeVisible()
  await expect(card(page, second._id)).toHaveCount(0)
})

test('bump and recall with the bump bar: digits, arrows, Enter, R', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const orders = [
    await makeOrder(reference),
    await makeOrder(reference),
    await makeOrder(reference),
  ]
  for (const order of orders) await expect(card(page, order._id)).toBeVisible()
  const selected = page.locator('[data-testid="order-card"][data-selected="true"]')

  await page.keyboard.press('1')
  await expect(selected).toHaveCount(1)
  const firstId = await selected.getAttribute('data-order-id')
  await page.keyboard.press('ArrowDown')
  await expect(selected).not.toHaveAttribute('data-order-id', firstId ?? '')
  const chosen = (await selected.getAttribute('data-order-id')) ?? ''
  expect(orders.map((o) => o._id)).toContain(chosen)
  await keepScreenshot(page, testInfo, 'board-selection')

  await page.keyboard.press('Enter')
  await expect(card(page, chosen)).toHaveCount(0)
  await expect(page.locator('[data-testid="order-card"]')).toHaveCount(2)
  // The selection moves on to another card, so Enter again would bump the next.
  await expect(selected).toHaveCount(1)

  await page.keyboard.press('r')
  await expect(card(page, chosen)).toBeVisible()
  await expect(card(page, chosen)).toHaveAttribute('data-selected', 'true')

  await page.keyboard.press('3')
  const third = (await selected.getAttribute('data-order-id')) ?? ''
  await page.keyboard.press('NumpadEnter')
  await expect(card(page, third)).toHaveCount(0)
  await page.keyboard.press('Backspace')
  await expect(card(page, third)).toBeVisible()

  // Typing in the search is typing, not bumping.
  await openMenu(page)
  await page.getByTestId('search').fill('9')
  await page.getByTestId('search').press('Backspace')
  await page.getByTestId('search').press('Enter')
  await expect(page.locator('[data-testid="order-card"]')).toHaveCount(3)
  await page.getByTestId('search').blur()

  await page.keyboard.press('F1')
  await expect(page.getByTestId('keyboard-help')).toBeVisible()
  await keepScreenshot(page, testInfo, 'keyboard-help')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('keyboard-help')).toHaveCount(0)
})

test('the all-day counts are the sums of the orders on the board', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const made: MadeOrder[] = []
  for (let i = 0; i < 5; i += 1) made.push(await makeOrder(reference))
  // The column draws only the cards in view (and two more): count them by its header.
  const newColumn = page.locator('[data-testid="condition-column"][data-condition="NEW"]')
  await expect(newColumn.locator('.column__count')).toHaveText('5')
  // One finished and one cleared: neither is still to cook.
  const [done, bumped, ...cooking] = made
  if (done === undefined || bumped === undefined) throw new Error('orders were not made')
  await reference.setCondition(done._id, 'COMPLETED')
  await reference.setCondition(cooking[0]?._id ?? '', 'COOKING')
  await card(page, bumped._id).getByTestId('bump').click()
  await expect(card(page, bumped._id)).toHaveCount(0)
  // A finished order's column is hidden on the kitchen board unless asked for.
  await expect(card(page, done._id)).toHaveCount(0)

  const expected = new Map<string, number>()
  for (const order of cooking) {
    for (const line of order.products) {
      const key = `${line.product.title}|${line.variant?.title ?? ''}`
      expected.set(key, (expected.get(key) ?? 0) + line.number)
    }
  }

  await openMenu(page)
  await page.getByTestId('all-day-toggle').click()
  const items = page.getByTestId('all-day-item')
  await expect(items).toHaveCount(expected.size)
  const shown = await items.evaluateAll((elements) =>
    elements.map((element) => [
      `${element.getAttribute('data-product') ?? ''}|${element.getAttribute('data-variant') ?? ''}`,
      Number(element.getAttribute('data-count')),
    ]),
  )
  expect(new Map(shown as [string, number][])).toEqual(expected)
  const counts = shown.map(([, count]) => count as number)
  expect(counts).toEqual([...counts].sort((a, b) => b - a))
  await keepScreenshot(page, testInfo, 'all-day')
})

test('scheduled orders count down, late ones rise to the top in red', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await openBoard(page, shell.url)
  const now = Date.now()
  // The admin API schedules some random orders: this one is wanted as soon as possible.
  const plain = await makeOrder(reference, { time: null })
  const scheduled = await makeOrder(reference, { time: now + 40 * 60_000 })
  const late = await makeOrder(reference, { time: now - 3 * 60_000 })
  for (const order of [plain, scheduled, late]) await expect(card(page, order._id)).toBeVisible()

  const newCards = page.locator('[data-condition="NEW"] [data-testid="order-card"]')
  await expect(newCards.first()).toHaveAttribute('data-order-id', late._id)
  await expect(card(page, late._id)).toHaveAttribute('data-late', 'true')
  await expect(card(page, late._id).getByTestId('elapsed')).toHaveAttribute('data-level', 'late')
  await expect(card(page, scheduled._id).getByTestId('elapsed')).toHaveText(/^через \d+:\d\d$/)
  await expect(card(page, scheduled._id).getByTestId('start-at')).toHaveText(/^начать в \d\d:\d\d$/)
  // Wanted in 40 minutes, started in 25: after the order wanted now, so third in reading order
  // (asked through the digit keys, which scroll the virtualized column to the card).
  await page.keyboard.press('3')
  await expect(card(page, scheduled._id)).toHaveAttribute('data-selected', 'true')
  await page.keyboard.press('2')
  await expect(card(page, plain._id)).toHaveAttribute('data-selected', 'true')
  await page.keyboard.press('Escape')
  await keepScreenshot(page, testInfo, 'late-and-scheduled')
})
