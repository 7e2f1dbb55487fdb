// Printers as a person sets one up in the settings: a fake ESC/POS printer on 127.0.0.1 (a TCP
// server in this process that keeps the bytes) is added, a field that cannot work is named, the
// preview shows the ticket as the printer lays it out, the test page reaches the printer; then the
// printer goes away and every screen says so until it is back and has printed what waited.
import type { Page, TestInfo } from '@playwright/test'
import { FakePrinter } from '../../helpers/fake-printer'
import { expect, test } from '../helpers/fixtures'

const cp866 = (bytes: Uint8Array) => new TextDecoder('ibm866').decode(bytes)

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

let printer: FakePrinter
test.beforeEach(async () => {
  printer = await FakePrinter.start()
})
test.afterEach(async () => {
  await printer.close()
})

test('a printer set up in the settings: a field named, the preview, the test page, the warning', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  await page.goto(shell.url)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', {
    timeout: 15_000,
  })
  const first = await reference.createOrder()
  await expect(page.locator(`[data-testid="order-card"][data-order-id="${first}"]`)).toBeVisible()
  // No printer yet: no print button on the tickets.
  await expect(page.getByTestId('reprint')).toHaveCount(0)

  await page.getByTestId('open-settings').click()
  await page.getByTestId('printer-add').click()
  const editor = page.getByTestId('printer-editor')
  await expect(editor.getByTestId('printer-problem')).toHaveText(/^name: is empty/)
  await editor.locator('input[name="printerName"]').fill('Упаковка')
  await expect(editor.getByTestId('printer-problem')).toHaveText(/^host: is empty/)
  await editor.locator('input[name="printerHost"]').fill('127.0.0.1')
  await editor.locator('input[name="printerPort"]').fill(String(printer.port))
  await expect(editor.getByTestId('printer-problem')).toHaveCount(0)
  const image = editor.getByTestId('printer-preview-image')
  await expect(image).toBeVisible()
  // The preview is the core's SVG of the same document: the latest order's number is on it.
  const src = (await image.getAttribute('src')) ?? ''
  expect(decodeURIComponent(src)).toContain('<svg width="576px"')
  await editor.scrollIntoViewIfNeeded()
  for (const [width, height] of [
    [1920, 1080],
    [1280, 800],
    [800, 1280],
  ] as const) {
    await page.setViewportSize({ width, height })
    await editor.getByTestId('printer-preview').scrollIntoViewIfNeeded()
    await keepScreenshot(page, testInfo, `printer-preview-${width}x${height}`)
  }
  await page.setViewportSize({ width: 1920, height: 1080 })

  await editor.getByTestId('printer-test').click()
  await expect(editor.getByTestId('printer-test-result')).toHaveText('Пробная страница напечатана')
  expect(printer.printed).toHaveLength(1)
  expect(cp866(printer.printed[0] ?? Buffer.alloc(0))).toContain('Пробная страница')

  await editor.getByTestId('printer-save').click()
  await expect(page.getByTestId('printer-row')).toHaveText(/Упаковка/)
  await page.getByTestId('settings-close').click()

  // A new order is printed by itself (print: "new", the default).
  const second = await reference.createOrder()
  await expect.poll(() => printer.printed.length, { timeout: 5_000 }).toBe(2)
  expect(cp866(printer.printed[1] ?? Buffer.alloc(0))).toMatch(/№ \d+/)

  // The printer goes away: the next ticket waits, and the screen says so.
  await printer.down()
  await reference.createOrder()
  const warning = page.getByTestId('printer-warning')
  await expect(warning).toHaveText('принтер „Упаковка“ не отвечает — ждёт 1 чек', {
    timeout: 10_000,
  })
  const health = await (await fetch(new URL('health', shell.url))).json()
  expect(health).toMatchObject({ printQueue: 1 })
  await keepScreenshot(page, testInfo, 'printer-warning')
  await printer.up()
  await expect(warning).toHaveCount(0, { timeout: 40_000 })
  expect(printer.printed).toHaveLength(3)

  // The ticket's print button prints it again, marked as a reprint.
  await page
    .locator(`[data-testid="order-card"][data-order-id="${second}"]`)
    .getByTestId('reprint')
    .click()
  await expect.poll(() => printer.printed.length, { timeout: 5_000 }).toBe(4)
  expect(cp866(printer.printed[3] ?? Buffer.alloc(0))).toContain('ПОВТОРНАЯ ПЕЧАТЬ')
})
