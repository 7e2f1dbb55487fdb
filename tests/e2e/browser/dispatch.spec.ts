// The dispatcher's view in a real browser: orders made and advanced through the admin API appear
// in the timeline, newest first; the CSV export holds the day's orders, Cyrillic intact.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { atEachScreen } from '../helpers/screens'

const entries = (page: Page) => page.locator('[data-testid="timeline-entry"]')
const connection = (page: Page) => page.locator('[data-testid="connection-status"]')

/** Opens the dispatcher's view and waits until the board is live. */
async function openDispatch(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/dispatch`)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(page.locator('[data-testid="dispatch-view"]')).toBeVisible()
}

/** The timeline's entries as [order id, condition], top to bottom. */
async function timeline(page: Page): Promise<[string | null, string | null][]> {
  return entries(page).evaluateAll((nodes) =>
    nodes.map((node) => [node.getAttribute('data-order-id'), node.getAttribute('data-condition')]),
  ) as Promise<[string | null, string | null][]>
}

/** Keeps a screenshot with the test's artifacts (and at `path` when given). */
async function keep(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`)
  await page.screenshot({ path })
  await test.info().attach(name, { path, contentType: 'image/png' })
}

test('condition changes appear in the timeline, newest first', async ({
  page,
  reference,
  shell,
}) => {
  await openDispatch(page, shell.url)
  const first = await reference.createOrder()
  const second = await reference.createOrder()
  await expect(entries(page)).toHaveCount(2)
  await reference.setCondition(first, 'ACCEPTED')
  await reference.setCondition(second, 'ACCEPTED')
  await reference.setCondition(first, 'COOKING')
  await expect(entries(page)).toHaveCount(5)
  expect(await timeline(page)).toEqual([
    [first, 'COOKING'],
    [second, 'ACCEPTED'],
    [first, 'ACCEPTED'],
    [second, 'NEW'],
    [first, 'NEW'],
  ])

  // An entry opens its order's history, the current condition ticking.
  await entries(page).nth(2).click()
  const history = page.locator('[data-testid="order-history"]')
  await expect(history).toHaveAttribute('data-order-id', first)
  await expect(history.locator('[data-testid="history-entry"]')).toHaveCount(3)
  await expect(history.locator('[data-testid="history-current"]')).toBeVisible()
  await expect(page.locator('[data-testid="speed-orders"]')).toHaveAttribute('data-value', '2')
  await keep(page, 'dispatch-view')

  // The switcher goes back to the kitchen board, with the status bar still on top.
  await page.locator('[data-testid="view-kitchen"]').click()
  await expect(page.locator('[data-testid="board"]')).toBeVisible()
  await expect(connection(page)).toBeVisible()
})

test('?view=dispatch opens the dispatcher; the button opens the kitchen in a new tab', async ({
  page,
  reference,
  shell,
}) => {
  await page.goto(`${shell.url}?view=dispatch`)
  await expect(page.locator('[data-testid="dispatch-view"]')).toBeVisible({ timeout: 15_000 })
  const id = await reference.createOrder()
  await expect(entries(page)).toHaveCount(1)
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('[data-testid="open-window"]').click(),
  ])
  await expect(tab.locator(`[data-testid="order-card"][data-order-id="${id}"]`)).toBeVisible({
    timeout: 15_000,
  })
  await tab.close()
})

test("the CSV export holds the day's orders, with a BOM and Cyrillic intact", async ({
  page,
  reference,
  shell,
}) => {
  await openDispatch(page, shell.url)
  const ids = [await reference.createOrder(), await reference.createOrder()]
  const third = await reference.createOrder()
  ids.push(third)
  await reference.setCondition(third, 'DELIVERING')
  await expect(entries(page)).toHaveCount(4)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-orders"]').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = await readFile(await download.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  const [header, ...rows] = text.split('\r\n').filter((line) => line !== '')
  expect(header).toMatch(/^Номер,id,Создан \(сервер\),Клиент,Телефон,Способ,Адрес,Сумма,Статус,/)
  expect(header).toContain('Новый,Принят,Готовится,Собран,В пути,Доставлен')
  // One row per order (addresses may break a row in two inside quotes: count by id instead).
  for (const id of ids) expect(text.split(id)).toHaveLength(2)
  expect(rows.length).toBeGreaterThanOrEqual(3)
  expect(text).toMatch(/[А-Яа-яЁё]{3,}/)
  expect(text).toContain('В пути')
  expect(text).not.toContain('\uFFFD')

  const [changes] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-changes"]').click(),
  ])
  expect(changes.suggestedFilename()).toMatch(/^changes-\d{4}-\d{2}-\d{2}\.csv$/)
  const changeText = (await readFile(await changes.path())).toString('utf8')
  expect(changeText.startsWith('\uFEFFВремя,Номер,id,Статус,Клиент,Тестовый\r\n')).toBe(true)
  expect(changeText.split(third)).toHaveLength(3)
})

test('test orders stay out of the figures and are marked in the CSV', async ({
  page,
  reference,
  shell,
}) => {
  await openDispatch(page, shell.url)
  const real = await reference.createOrder()
  const tests = [
    await reference.createOrder({ isTestOrder: true }),
    await reference.createOrder({ isTestOrder: true }),
  ]
  await reference.setCondition(tests[0] ?? '', 'ACCEPTED')
  await expect(entries(page)).toHaveCount(4)
  await expect(page.locator('[data-testid="speed-orders"]')).toHaveAttribute('data-value', '1')
  await expect(page.locator('[data-testid="speed-last-hour"]')).toHaveAttribute('data-value', '1')
  await expect(page.locator('[data-testid="speed-table"]')).toHaveCount(0)
  await expect(page.locator('[data-testid="speed-test-orders"]')).toHaveText(
    'Тестовые заказы не считаются: 2',
  )
  await atEachScreen(page, (size) => keep(page, `dispatch-test-orders-${size}`))

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-orders"]').click(),
  ])
  const text = (await readFile(await download.path())).toString('utf8')
  const header = text.slice(1).split('\r\n')[0] ?? ''
  const column = header.split(',').indexOf('Тестовый')
  expect(column).toBeGreaterThan(0)
  // Every order is in the file; the two test ones marked (an address may break a row inside
  // quotes, but never between the condition and the mark after it).
  for (const id of [real, ...tests]) expect(text.split(id)).toHaveLength(2)
  expect(text.split('\r\n').filter((row) => /,тест,/.test(row))).toHaveLength(2)
})
