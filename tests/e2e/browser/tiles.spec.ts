// The tiled kitchen board with a rush on it (24 orders of one to four products): how many tickets
// are entirely on screen at each size, from their bounding boxes; nothing wider than the screen;
// type sizes; pages by button and by key; screenshots of each size in both themes.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import type { ReferenceServer } from '../helpers/reference-server'
import { DEMO_MENU } from '../../../electron/server/menu'
import { SCREENS } from '../helpers/screens'

const connection = (page: Page) => page.locator('[data-testid="connection-status"]')
const tickets = (page: Page) => page.locator('[data-testid="order-card"]')

/** Tickets whose whole box is inside the tiled area (a cut one's box goes past it). */
async function wholeTickets(page: Page): Promise<number> {
  const area = await page.getByTestId('tiles').boundingBox()
  if (area === null) return 0
  const boxes = await tickets(page).evaluateAll((cards) =>
    cards.map((card) => {
      const box = card.getBoundingClientRect()
      return { top: box.top, bottom: box.bottom, left: box.left, right: box.right }
    }),
  )
  const viewport = page.viewportSize() ?? { width: 0, height: 0 }
  return boxes.filter(
    (box) =>
      box.top >= area.y - 0.5 &&
      box.bottom <= area.y + area.height + 0.5 &&
      box.left >= 0 &&
      box.right <= viewport.width + 0.5 &&
      box.bottom <= viewport.height + 0.5,
  ).length
}

/** The orders with any piece on the page shown (a ticket cut at a column's end counts once). */
async function idsOnPage(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid="order-card"], [data-testid="order-card-continued"]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-order-id') ?? ''))
  return [...new Set(ids)]
}

/** «+N» off screen and what is drawn: N + the tickets on the page, to be all of them once settled. */
async function accounted(page: Page): Promise<number> {
  const off = Number(await page.getByTestId('offscreen-count').getAttribute('data-count'))
  return off + (await idsOnPage(page)).length
}

async function fontPx(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
}

const TOTAL = 24
const NOTES = ['Без лука', 'Домофон не работает, позвоните по телефону', 'Соус отдельно']

/**
 * The rush, the same every run: order `i` has 1 to 4 lines (in turn) of products around the menu,
 * every other one a pickup, every third a note. Random orders would make the figures a lottery.
 */
function rushOrder(i: number): Record<string, unknown> {
  const products = Array.from({ length: 1 + (i % 4) }, (_, line) => {
    const item = DEMO_MENU[(i * 3 + line * 5) % DEMO_MENU.length]
    if (item === undefined) throw new Error('the demo menu is empty')
    const variant = item.variants[(i + line) % Math.max(1, item.variants.length)]
    return {
      productId: item.product._id,
      number: 1 + ((i + line) % 3),
      ...(variant === undefined ? {} : { variantId: variant._id }),
    }
  })
  return {
    isTestOrder: false,
    time: null,
    delivery: i % 2 === 0,
    additionalInformation: i % 3 === 0 ? (NOTES[i % NOTES.length] ?? null) : null,
    products,
  }
}

async function makeRush(reference: ReferenceServer): Promise<void> {
  for (let i = 0; i < TOTAL; i += 1) await reference.createOrder(rushOrder(i))
}
/** Tickets are measured once drawn and the pages re-packed: on a busy machine that takes a while. */
const SETTLE_MS = 20_000
const MIN_WHOLE: Record<string, number> = { '1920x1080': 12, '1280x800': 6, '800x1280': 4 }

test('a rush of 24 orders tiles the screen at every size, in pages', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  test.setTimeout(120_000)
  await shell.untilConnected()
  await makeRush(reference)
  await page.goto(shell.url)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(page.getByTestId('offscreen-count')).toHaveAttribute('data-count', /\d+/)

  const figures: string[] = []
  for (const theme of ['dark', 'light'] as const) {
    await page.evaluate((name) => (document.documentElement.dataset.theme = name), theme)
    for (const [width, height] of SCREENS) {
      const size = `${width}x${height}`
      await page.setViewportSize({ width, height })
      // The pages follow the measured tickets: wait until the count is settled.
      await expect
        .poll(() => wholeTickets(page), { message: `whole tickets at ${size}`, timeout: SETTLE_MS })
        .toBeGreaterThanOrEqual(MIN_WHOLE[size] ?? 0)
      await expect
        .poll(() => accounted(page), { message: `offscreen at ${size}`, timeout: SETTLE_MS })
        .toBe(TOTAL)
      const whole = await wholeTickets(page)
      const off = Number(await page.getByTestId('offscreen-count').getAttribute('data-count'))
      figures.push(`${theme} ${size}: ${whole} whole tickets, ${off} off screen`)

      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        widest: Math.max(
          ...[...document.querySelectorAll('body *')].map(
            (element) => element.getBoundingClientRect().right,
          ),
        ),
      }))
      expect(overflow.page, `horizontal scroll at ${size} ${theme}`).toBe(0)
      expect(overflow.widest, `something past the right edge at ${size}`).toBeLessThanOrEqual(
        width + 0.5,
      )
      expect(
        await fontPx(page.getByTestId('order-number').first().locator('span')),
      ).toBeGreaterThanOrEqual(40)
      expect(await fontPx(page.getByTestId('order-item').first())).toBeGreaterThanOrEqual(22)
      // The row's essentials on screen (DEMO is not: this board has a real backend).
      const bar = await page.locator('header.bar').boundingBox()
      expect(bar?.height ?? 0, `the top row at ${size}`).toBeLessThanOrEqual(80)
      for (const id of ['connection-status', 'clock', 'page-next', 'page-prev', 'bar-menu']) {
        await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 })
        const box = await page.getByTestId(id).boundingBox()
        if (id.startsWith('page-')) expect(box?.height ?? 0).toBeGreaterThanOrEqual(48)
      }
      const path = testInfo.outputPath(`tiles-${theme}-${size}.png`)
      await page.screenshot({ path })
      await testInfo.attach(`tiles-${theme}-${size}`, { path, contentType: 'image/png' })
    }
  }
  await testInfo.attach('figures', { body: figures.join('\n'), contentType: 'text/plain' })
  console.log(figures.join('\n'))
})

test('pages turn by button and by key; the digits select on the page shown; news from page 2', async ({
  page,
  reference,
  shell,
}) => {
  await shell.untilConnected()
  await makeRush(reference)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(shell.url)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect.poll(() => accounted(page), { timeout: SETTLE_MS }).toBe(TOTAL)
  const label = page.getByTestId('page-label')
  await expect(label).toHaveText(/^стр\. 1 из \d+$/)
  await expect(page.getByTestId('page-prev')).toBeDisabled()
  const first = await idsOnPage(page)

  await page.getByTestId('page-next').click()
  await expect(label).toHaveText(/^стр\. 2 из \d+$/)
  await expect.poll(() => accounted(page), { timeout: SETTLE_MS }).toBe(TOTAL)
  const second = await idsOnPage(page)
  expect(second.length).toBeGreaterThan(0)
  // A ticket cut at page 1's end may go on at page 2's top; none other is on both.
  expect(second.filter((id) => first.includes(id)).length).toBeLessThanOrEqual(1)
  expect(Number(await page.getByTestId('offscreen-count').getAttribute('data-count'))).toBe(
    TOTAL - second.length,
  )

  // Digit 1 is the first ticket of this page, not of the board.
  await page.keyboard.press('1')
  const selected = page.locator('[data-testid="order-card"][data-selected="true"]')
  await expect(selected).toHaveCount(1)
  expect(second).toContain(await selected.getAttribute('data-order-id'))
  await page.keyboard.press('Escape')

  await page.keyboard.press('PageUp')
  await expect(label).toHaveText(/^стр\. 1 из/)
  expect(await idsOnPage(page)).toEqual(first)
  await page.keyboard.press('PageDown')
  await expect(label).toHaveText(/^стр\. 2 из/)
  await page.keyboard.press('ArrowLeft')
  await expect(label).toHaveText(/^стр\. 1 из/)

  // The newest order starts last: on a later page, so page 1 says where it is.
  const made = await reference.createOrder({ isTestOrder: false, time: null })
  await expect(page.getByTestId('new-order-announce')).toHaveText(
    /^Новый заказ № \d+ на стр\. \d+$/,
  )
  await expect(page.locator(`[data-order-id="${made}"]`)).toHaveCount(0)
})
