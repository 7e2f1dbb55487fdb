// The tiled kitchen board with a rush on it (24 orders of one to four products): how many tickets
// are entirely on screen at each size, from their bounding boxes; nothing wider than the screen;
// type sizes; pages by button and by key; screenshots of each size in both themes.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
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

async function fontPx(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
}

const MIN_WHOLE: Record<string, number> = { '1920x1080': 12, '1280x800': 6, '800x1280': 4 }

test('a rush of 24 orders tiles the screen at every size, in pages', async ({
  page,
  reference,
  shell,
}, testInfo) => {
  test.setTimeout(120_000)
  for (let i = 0; i < 24; i += 1) await reference.createOrder({ isTestOrder: false })
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
        .poll(() => wholeTickets(page), { message: `whole tickets at ${size}` })
        .toBeGreaterThanOrEqual(MIN_WHOLE[size] ?? 0)
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
      for (const id of ['connection-status', 'clock', 'demo-badge', 'page-next', 'page-prev']) {
        const box = await page.getByTestId(id).boundingBox()
        if (id === 'demo-badge' && box === null) continue
        expect(box, `${id} at ${size}`).not.toBeNull()
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
