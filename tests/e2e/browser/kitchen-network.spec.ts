// A kitchen of screens in real browsers: one hub started with --lan (stations from its managed
// configuration), and several browser contexts (each its own device, with its own cookie) paired
// with it as stations and an expo. Screenshots at 1280×800 are kept as test artifacts.
import { expect, test } from '../helpers/fixtures'
import {
  BORSCH,
  CALIFORNIA,
  PHILADELPHIA,
  TOM_YAM,
  VIEWPORT,
  WATER,
  card,
  connected,
  currentCode,
  figure,
  items,
  keepScreenshot,
  pairOn,
  screenOf,
  startHub,
  watchFor,
  widest,
  wrongCode,
} from '../helpers/hub-screens'

test("a station's bump shows on the expo within a second; an assembly line passes it on", async ({
  browser,
  reference,
  startShell,
}, testInfo) => {
  const hub = await startHub(startShell, testInfo)
  const hot = await screenOf(browser, hub, 'station:hot', 'Горячий')
  const pack = await screenOf(browser, hub, 'station:pack', 'Упаковка')
  const expo = await screenOf(browser, hub, 'expo', 'Раздача')

  const id = await reference.createOrder({
    time: null,
    delivery: true,
    address: 'ул. Садовая, 5',
    products: [
      { productId: BORSCH, number: 2 },
      { productId: PHILADELPHIA, number: 1 },
      { productId: WATER, number: 1 },
    ],
  })
  // More tickets, so the screenshots show a station at work.
  await reference.createOrder({ time: null, products: [{ productId: TOM_YAM, number: 1 }] })
  await reference.createOrder({
    time: null,
    products: [
      { productId: CALIFORNIA, number: 2 },
      { productId: BORSCH, number: 1 },
    ],
  })

  // The hot station sees its item only, and the rest of the order as one muted line.
  await expect(items(hot.page, id)).toHaveCount(1)
  await expect(items(hot.page, id)).toHaveAttribute('data-station', 'hot')
  await expect(card(hot.page, id).getByTestId('other-items')).toHaveText('+2 в других цехах')
  await expect(card(pack.page, id)).toHaveCount(0)
  // The expo sees every item with its station, and is not ready.
  await expect(items(expo.page, id)).toHaveCount(3)
  await expect(card(expo.page, id)).toHaveAttribute('data-ready', 'false')
  // No phone or address reaches a station or the expo: the hub cut them out.
  await expect(hot.page.getByText('ул. Садовая')).toHaveCount(0)

  // A touch marks the item done, on the station and on the expo; another touch brings it back.
  await items(hot.page, id).click()
  await expect(items(hot.page, id)).toHaveAttribute('data-state', 'done')
  const borschOnExpo = card(expo.page, id).locator('[data-testid="order-item"][data-station="hot"]')
  await expect(borschOnExpo).toHaveAttribute('data-state', 'done')
  await items(hot.page, id).click()
  await expect(borschOnExpo).toHaveAttribute('data-state', 'open')
  await keepScreenshot(hot.page, testInfo, 'station-hot-1280x800')
  // The same station on a wall TV and on a portrait tablet: nothing runs off the side.
  for (const [width, height] of [
    [1920, 1080],
    [800, 1280],
  ] as const) {
    await hot.page.setViewportSize({ width, height })
    await expect(card(hot.page, id)).toBeVisible()
    expect(await widest(hot.page), `past the right edge at ${width}x${height}`).toBeLessThanOrEqual(
      width + 0.5,
    )
    await keepScreenshot(hot.page, testInfo, `station-hot-${width}x${height}`)
  }
  await hot.page.setViewportSize(VIEWPORT)

  // The station's bump reaches the expo within a second, and sends the ticket to the packer.
  const seen = await watchFor(
    expo.page,
    `[data-testid="order-card"][data-order-id="${id}"] [data-station="hot"][data-state="done"]`,
  )
  const bumpedAt = await hot.page.evaluate(() => Date.now())
  await card(hot.page, id).getByTestId('bump').click()
  await expect(borschOnExpo).toHaveAttribute('data-state', 'done', { timeout: 1_000 })
  await figure(testInfo, `station bump to the expo: ${(await seen()) - bumpedAt} ms`)
  await expect(card(hot.page, id)).toHaveCount(0)
  await expect(card(pack.page, id)).toBeVisible()
  await expect(card(expo.page, id)).toHaveAttribute('data-ready', 'false')
  await keepScreenshot(pack.page, testInfo, 'station-pack-1280x800')

  // The packer's bump and the cold station's: now every station is done, and the expo says READY.
  await card(pack.page, id).getByTestId('bump').click()
  await expect(card(pack.page, id)).toHaveCount(0)
  await pack.page.goto(`${hub.url}?screen=station:cold`)
  await connected(pack.page)
  await expect(items(pack.page, id)).toHaveCount(2)
  await card(pack.page, id).getByTestId('bump').click()
  await expect(card(expo.page, id)).toHaveAttribute('data-ready', 'true', { timeout: 1_000 })
  await expect(card(expo.page, id).getByTestId('ready-badge')).toBeVisible()
  expect(await widest(expo.page), 'the expo past the right edge').toBeLessThanOrEqual(
    VIEWPORT.width + 0.5,
  )
  await keepScreenshot(expo.page, testInfo, 'expo-1280x800')
  await expo.page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
  await keepScreenshot(expo.page, testInfo, 'expo-light-1280x800')
  await expo.page.evaluate(() => (document.documentElement.dataset.theme = 'dark'))

  // Recall on a station brings the ticket back there; the expo's bump finishes the order.
  await pack.page.getByTestId('recall-last').click()
  await expect(card(pack.page, id)).toBeVisible()
  await expect(card(expo.page, id)).toHaveAttribute('data-ready', 'false')
  await card(pack.page, id).getByTestId('bump').click()
  await expect(card(expo.page, id)).toHaveAttribute('data-ready', 'true')
  await card(expo.page, id).getByTestId('bump').click()
  await expect(card(expo.page, id)).toHaveCount(0)
  for (const screen of [hot, pack, expo]) await screen.context.close()
})

test('pairing: a wrong code, the pause after five, then the right code', async ({
  browser,
  startShell,
}, testInfo) => {
  // The pause is the hub's minute: waited out, not faked.
  test.setTimeout(150_000)
  const hub = await startHub(startShell, testInfo)
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  await page.goto(`${hub.url}?screen=station:hot`)
  await expect(page.getByTestId('pairing')).toBeVisible({ timeout: 15_000 })
  await page.getByTestId('pairing-name').fill('Планшет у плиты')
  await keepScreenshot(page, testInfo, 'pairing-1280x800')

  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await page.getByTestId('pairing-code').fill(wrongCode(hub))
    await page.getByTestId('pairing-submit').click()
    await expect(page.getByTestId('pairing-error')).toContainText('Неверный код')
  }
  await page.getByTestId('pairing-code').fill(wrongCode(hub))
  await page.getByTestId('pairing-submit').click()
  await expect(page.getByTestId('pairing-paused')).toContainText('на паузе')
  await expect(page.getByTestId('pairing-submit')).toBeDisabled()
  await keepScreenshot(page, testInfo, 'pairing-paused-1280x800')
  // A reload does not lift the pause: the hub keeps it.
  await page.reload()
  await expect(page.getByTestId('pairing-paused')).toBeVisible()

  await expect(page.getByTestId('pairing-paused')).toHaveCount(0, { timeout: 70_000 })
  await pairOn(page, hub, 'Планшет у плиты')
  await expect(page.getByTestId('screen-role')).toHaveText('Цех: Горячий цех')
  await context.close()
})

test('revoking a screen closes it at once; it sees the pairing screen again', async ({
  browser,
  startShell,
}, testInfo) => {
  const hub = await startHub(startShell, testInfo)
  const tablet = await screenOf(browser, hub, 'station:cold', 'Планшет холодного цеха')
  const admin = await screenOf(browser, hub, 'kitchen', 'Администратор')

  await admin.page.getByTestId('open-settings').click()
  await admin.page.getByTestId('open-hub').click()
  const row = admin.page.locator('[data-testid="device-row"]', {
    hasText: 'Планшет холодного цеха',
  })
  // The hub's own screen (this machine) is told the code; a paired tablet never is.
  await expect(admin.page.getByTestId('hub-pairing-code')).toHaveText(currentCode(hub))
  await expect(row).toHaveAttribute('data-connected', 'true')
  await expect(row).toContainText('Цех: Холодный цех')
  await row.scrollIntoViewIfNeeded()
  await keepScreenshot(admin.page, testInfo, 'hub-settings-1280x800')
  await row.getByTestId('device-revoke').click()

  await expect(tablet.page.getByTestId('pairing')).toBeVisible({ timeout: 5_000 })
  await expect(row).toHaveCount(0)
  // Its old key is worth nothing now: a reload still asks for pairing.
  await tablet.page.reload()
  await expect(tablet.page.getByTestId('pairing')).toBeVisible({ timeout: 15_000 })
  // The same panel sets this screen's role: the page reopens at that address.
  await admin.page.getByTestId('screen-role-choice').selectOption('expo')
  await expect(admin.page).toHaveURL(/\?screen=expo/)
  await connected(admin.page)
  await expect(admin.page.getByTestId('screen-role')).toHaveText('Раздача')
  for (const screen of [tablet, admin]) await screen.context.close()
})

test('a tablet pinned to a station on the hub plays the station whatever its address asks', async ({
  browser,
  startShell,
}, testInfo) => {
  const hub = await startHub(startShell, testInfo)
  const tablet = await screenOf(browser, hub, 'dispatch', 'Планшет у плиты')
  await expect(tablet.page.getByTestId('dispatch-view')).toBeVisible()
  const admin = await screenOf(browser, hub, 'kitchen', 'Администратор')

  await admin.page.getByTestId('open-settings').click()
  await admin.page.getByTestId('open-hub').click()
  const row = admin.page.locator('[data-testid="device-row"]', { hasText: 'Планшет у плиты' })
  await expect(row).toHaveAttribute('data-connected', 'true')
  await row.getByTestId('device-role').selectOption('station:hot')

  // At once, on the same page and address: the station, as the hub set it.
  await expect(tablet.page.getByTestId('screen-role')).toHaveAttribute('data-pinned', 'true', {
    timeout: 5_000,
  })
  await expect(tablet.page.getByTestId('screen-role')).toContainText('Цех: Горячий цех')
  await expect(tablet.page.getByTestId('dispatch-view')).toHaveCount(0)
  await expect(tablet.page.getByTestId('board')).toBeVisible()
  expect(tablet.page.url()).toContain('screen=dispatch')
  await connected(tablet.page)
  // A reboot to the bare address comes back as the station too.
  await tablet.page.goto(hub.url)
  await connected(tablet.page)
  await expect(tablet.page.getByTestId('screen-role')).toContainText('Цех: Горячий цех')
  await keepScreenshot(tablet.page, testInfo, 'pinned-station-1280x800')
  await expect(row.getByTestId('device-role')).toHaveValue('station:hot')
  await row.scrollIntoViewIfNeeded()
  await keepScreenshot(admin.page, testInfo, 'hub-device-roles-1280x800')
  for (const screen of [tablet, admin]) await screen.context.close()
})

test('a screen whose hub goes away says so, refuses touches, and catches up when it is back', async ({
  browser,
  reference,
  startShell,
}, testInfo) => {
  const hub = await startHub(startShell, testInfo)
  const hot = await screenOf(browser, hub, 'station:hot', 'Горячий')
  const id = await reference.createOrder({
    time: null,
    products: [{ productId: BORSCH, number: 1 }],
  })
  await expect(items(hot.page, id)).toHaveAttribute('data-state', 'open')

  const haltedAt = Date.now()
  await hub.halt()
  await expect(hot.page.getByTestId('hub-gone')).toBeVisible({ timeout: 5_000 })
  await figure(
    testInfo,
    `hub stopped to the banner: ${Date.now() - haltedAt} ms (the stop included)`,
  )
  const banner = await hot.page.getByTestId('hub-gone').boundingBox()
  expect(banner?.width).toBe(VIEWPORT.width)
  // A touch while the hub is away is refused on screen, not kept for later.
  await items(hot.page, id).click()
  await expect(hot.page.getByTestId('touch-refused')).toContainText('касание не принято')
  await keepScreenshot(hot.page, testInfo, 'hub-gone-1280x800')

  // Meanwhile the order moves on; back, the screen catches up (still paired, after the restart).
  await hub.start()
  await expect(hot.page.getByTestId('hub-gone')).toHaveCount(0, { timeout: 15_000 })
  await connected(hot.page)
  const later = await reference.createOrder({
    time: null,
    products: [{ productId: TOM_YAM, number: 1 }],
  })
  await expect(card(hot.page, later)).toBeVisible()
  // The refused touch never reached the hub.
  await expect(items(hot.page, id)).toHaveAttribute('data-state', 'open')
  await items(hot.page, id).click()
  await expect(items(hot.page, id)).toHaveAttribute('data-state', 'done')

  // Off the Wi-Fi (no close event at all): the probe finds the hub gone within 5 s.
  const droppedAt = Date.now()
  await hot.context.setOffline(true)
  await expect(hot.page.getByTestId('hub-gone')).toBeVisible({ timeout: 5_000 })
  await figure(testInfo, `off the network to the banner: ${Date.now() - droppedAt} ms`)
  await hot.context.setOffline(false)
  await expect(hot.page.getByTestId('hub-gone')).toHaveCount(0, { timeout: 15_000 })
  await expect(items(hot.page, id)).toHaveAttribute('data-state', 'done')
  await hot.context.close()
})
