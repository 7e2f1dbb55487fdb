// The backend's clock, the whole path: a reference server whose clock is 10 minutes ahead of this
// machine's → the web shell's core → the board in Chromium. New orders start at 0:00, the seed's
// order of 2022 ages from its arrival, and the status bar says how far off this computer is.
import { createServer as createHttpServer } from 'node:http'
import type { Page } from '@playwright/test'
import { createServer, type ServerHandle } from '../../../electron/server/create-server'
import { listen } from '../../../electron/server/listen'
import { fixtures } from '../../fixtures/load'
import { ADMIN_TOKEN } from '../helpers/reference-server'
import { expect, test } from '../helpers/fixtures'
import { startWebShell, type WebShellProcess } from '../helpers/web-shell'
import { atEachScreen } from '../helpers/screens'

const MINUTE = 60_000
const SEED_ID = '6263bda571a52b2d541ec5f7'

let handle: ServerHandle
let shell: WebShellProcess

test.beforeEach(async () => {
  const http = createHttpServer()
  handle = createServer(http, { now: () => Date.now() + 10 * MINUTE })
  const { port } = await listen(http, 0, '127.0.0.1')
  shell = await startWebShell({ server: `http://127.0.0.1:${port}`, token: ADMIN_TOKEN })
})

// Playwright reads a hook's fixtures from the destructuring, so it must be there, empty.
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  const code = await shell.stop()
  await testInfo.attach('web-shell.log', { body: `${shell.output()}\n[exit ${String(code)}]` })
  await handle.close()
})

const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)

/** Seconds of an `m:ss` age. */
const seconds = (text: string) => {
  const [m, s] = text.trim().split(':').map(Number)
  return (m ?? 0) * 60 + (s ?? 0)
}

test('a backend 10 minutes ahead: cards start at 0:00, the skew is said', async ({ page }) => {
  await page.goto(shell.url)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', {
    timeout: 15_000,
  })
  // From the handshake's Date header, before any order.
  await expect(page.getByTestId('clock-skew')).toHaveText(
    'Часы этого компьютера отстают от сервера на 10 мин',
  )

  // As soon as possible: a scheduled order (the factory makes one now and then) counts down instead.
  const made = handle.createOrder({ time: null })
  if (!made.ok) throw new Error(made.reason)
  const fresh = card(page, made.value._id)
  await expect(fresh).toBeVisible()
  const elapsed = fresh.getByTestId('elapsed')
  expect(seconds(await elapsed.innerText())).toBeLessThanOrEqual(5)
  await expect(elapsed).toHaveAttribute('data-level', 'normal')

  // The spec's example order, created in 2022: it ages from its arrival, and the card says so.
  handle.io.emit('order:new', fixtures.orderNew() as never)
  const seed = card(page, SEED_ID)
  await expect(seed.getByTestId('arrival-age')).toHaveText('время с прихода')
  expect(seconds(await seed.getByTestId('elapsed').innerText())).toBeLessThanOrEqual(5)
  await expect(seed.getByTestId('elapsed')).toHaveAttribute('data-level', 'normal')
  await expect(page.getByTestId('clock-skew')).toBeVisible()

  // An order for later counts down in its header («через 1:28:05»): read whole, never cut off,
  // even on the narrowest tile.
  const later = handle.createOrder({ time: Date.now() + 10 * 60_000 + 90 * 60_000 })
  if (!later.ok) throw new Error(later.reason)
  const countdown = card(page, later.value._id).getByTestId('elapsed')
  await expect(countdown).toContainText('через')
  await atEachScreen(page, async (size) => {
    // Within its card once the tiles have settled at this size.
    const inside = () =>
      countdown.evaluate((element) => {
        const time = element.getBoundingClientRect()
        const box = (
          element.closest('[data-testid="order-card"]') ?? element
        ).getBoundingClientRect()
        return time.left >= box.left && time.right <= box.right
      })
    await expect.poll(inside, { message: `the countdown whole at ${size}` }).toBe(true)
  })

  await atEachScreen(page, (size) =>
    page.screenshot({ path: test.info().outputPath(`clock-${size}.png`) }),
  )
})
