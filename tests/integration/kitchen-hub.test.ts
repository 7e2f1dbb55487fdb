// A kitchen of screens against one hub (issue 15): a hub process on port 0 with pairing, three
// paired screens (two stations and the expo) on its bridge, the reference server as the backend.
// Nothing here asserts wall time: timeouts only end a failure.
import { afterEach, describe, expect, it } from 'vitest'
import type { BoardOrder, BoardSnapshot } from '../../electron/common/board'
import { BoardSnapshotSchema } from '../../electron/common/board'
import {
  CLOSE_UNPAIRED,
  DeviceSchema,
  PairStateSchema,
  StationsInfoSchema,
} from '../../electron/common/hub'
import { HealthSchema } from '../../electron/common/status'
import { atStation, orderReady } from '../../electron/common/station-progress'
import { stationsOfOrder, type Station } from '../../electron/common/stations'
import { waitFor } from '../helpers/wait'
import {
  connectScreen,
  killHub,
  pair,
  startHub,
  stopHubs,
  writeHubSettings,
  type HubProcess,
} from './kitchen-hub-harness'
import { startServer, type TestServer } from './server-harness'
import { cleanUp, fakeRenderer, tempDir, type Page } from './web-harness'

const STATIONS: Station[] = [
  // Маргарита by its product _id, the soups by a part of the title.
  {
    id: 'hot',
    name: 'Горячий цех',
    match: ['суп', 'борщ', '665f1c2ab7e4d1c000000001'],
    next: 'pack',
  },
  { id: 'cold', name: 'Холодный цех', match: ['ролл', 'филадельфия', 'калифорния'], next: 'pack' },
  { id: 'pack', name: 'Упаковка', match: [] },
]
const ROUTING = { stations: STATIONS, defaultStation: 'pack' }

const product = (n: number) => `665f1c2ab7e4d1c0${n.toString(16).padStart(8, '0')}`
const MARGHERITA = { productId: product(1), number: 1, variantId: '665f1c2ab7e4d1c100000101' }
const line = (n: number, number = 1) => ({ productId: product(n), number })
const PHONE = '+7 900 555-12-34'
const ADDRESS = 'ул. Тайная, 7'

/** Orders and where their items must go: by the item's title. */
const TABLE = [
  {
    lines: [line(9), line(5, 2), { ...line(13), variantId: '665f1c2ab7e4d1c100000d01' }],
    want: { hot: ['Борщ'], cold: ['Филадельфия'], pack: ['Морс клюквенный'] },
  },
  { lines: [MARGHERITA], want: { hot: ['Маргарита'] } },
  { lines: [line(6), line(7)], want: { cold: ['Калифорния', 'Ролл с угрём'] } },
  { lines: [line(16)], want: { pack: ['Вода минеральная'] } },
  { lines: [line(12), line(8)], want: { hot: ['Мисо-суп'], pack: ['Запечённый с лососем'] } },
]

afterEach(async () => {
  stopHubs()
  await cleanUp()
})

interface Kitchen {
  server: TestServer
  dataDir: string
  rendererDir: string
  hub: HubProcess
  cookies: { hot: string; cold: string; expo: string }
  ids: string[]
}

async function snapshotOf(page: Page): Promise<BoardSnapshot> {
  const answer = await page.request('snapshot')
  if (!answer.ok) throw new Error(answer.error)
  return BoardSnapshotSchema.parse(answer.result)
}

async function ask(page: Page, name: string, args: unknown[] = []): Promise<unknown> {
  const answer = await page.request(name, args)
  if (!answer.ok) throw new Error(answer.error)
  return answer.result
}

/** Pairs a device with the hub's current code and waits for the code to change (it is used up). */
async function pairDevice(hub: HubProcess, name: string): Promise<string> {
  const before = hub.codes.length
  const code = hub.codes.at(-1) ?? ''
  const paired = await pair(hub, code, name)
  expect(paired.status).toBe(200)
  expect(paired.setCookie).toMatch(/HttpOnly/)
  expect(paired.setCookie).toMatch(/SameSite=Strict/)
  await waitFor(() => hub.codes.length > before, 'a new code after a use')
  expect(hub.codes.at(-1)).not.toBe(code)
  if (paired.cookie === null) throw new Error('no cookie')
  // At least 128 bits of key: base64url of 32 bytes is 43 characters.
  expect(paired.cookie.split('=')[1]?.length).toBeGreaterThanOrEqual(22)
  return paired.cookie
}

/** A hub with three paired devices and the table's orders on its board. */
async function kitchen(): Promise<Kitchen> {
  const server = await startServer()
  const dataDir = tempDir('kds-hub-')
  const rendererDir = fakeRenderer()
  writeHubSettings(dataDir, STATIONS, 'pack')
  const hub = await startHub(server.url, dataDir, rendererDir)
  const cookies = {
    hot: await pairDevice(hub, 'Горячий планшет'),
    cold: await pairDevice(hub, 'Холодный планшет'),
    expo: await pairDevice(hub, 'Экспо'),
  }
  const ids = TABLE.map(({ lines }) => {
    const created = server.handle.createOrder({
      products: lines,
      phone: PHONE,
      address: ADDRESS,
      delivery: true,
    })
    if (!created.ok) throw new Error(created.reason)
    return created.value._id
  })
  return { server, dataDir, rendererDir, hub, cookies, ids }
}

/** Waits until `page` has `ids` on its board; answers the entries by id. */
async function boardWith(page: Page, ids: string[]): Promise<Map<string, BoardOrder>> {
  let board = new Map<string, BoardOrder>()
  const deadline = Date.now() + 10_000
  for (;;) {
    const snapshot = await snapshotOf(page)
    board = new Map(snapshot.orders.map((entry) => [entry.id, entry]))
    if (ids.every((id) => board.get(id)?.order !== null && board.has(id))) return board
    if (Date.now() > deadline) throw new Error('timed out waiting for the orders on the board')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('a kitchen of screens on one hub', () => {
  it('routes items, cuts the customer out for stations and the expo, and keeps marks across kill -9', async () => {
    const k = await kitchen()
    const hot = connectScreen(k.hub, 'station:hot', k.cookies.hot)
    const cold = connectScreen(k.hub, 'station:cold', k.cookies.cold)
    const expo = connectScreen(k.hub, 'expo', k.cookies.expo)
    for (const screen of [hot, cold, expo]) expect(await screen.opened).toBe(true)
    const board = await boardWith(expo.page, k.ids)

    // The routing rules, on the table of orders.
    TABLE.forEach(({ want }, index) => {
      const entry = board.get(k.ids[index] ?? '')
      if (entry?.order == null) throw new Error('missing order')
      const byStation = stationsOfOrder(entry.order, STATIONS, 'pack')
      const titles = Object.fromEntries(
        [...byStation].map(([station, items]) => [
          station,
          items.map((i) => entry.order?.products[i]?.product.title),
        ]),
      )
      expect(titles).toEqual(want)
    })
    const info = StationsInfoSchema.parse(await ask(expo.page, 'stations'))
    expect(info.stations).toEqual(STATIONS)
    expect(info.products.find((p) => p.title === 'Маргарита')?.station).toBe('hot')
    expect(info.products.find((p) => p.title === 'Вода минеральная')?.station).toBe('pack')

    // The station screens and the expo never receive the phone or the address; dispatch does.
    await boardWith(hot.page, k.ids)
    await boardWith(cold.page, k.ids)
    for (const screen of [hot, cold, expo]) {
      const everything = screen.page.raw.join('\n')
      expect(everything).toContain('Борщ')
      expect(everything).not.toContain('555-12-34')
      expect(everything).not.toContain('Тайная')
    }
    const dispatch = connectScreen(k.hub, 'dispatch', k.cookies.expo)
    expect(await dispatch.opened).toBe(true)
    await boardWith(dispatch.page, k.ids)
    expect(dispatch.page.raw.join('\n')).toContain('555-12-34')
    const health = HealthSchema.parse(await (await fetch(`${k.hub.origin}/health`)).json())
    expect(health.devices).toBe(4)

    // Item and station marks, made on one screen, reach the others.
    const [a = '', b = ''] = k.ids
    await ask(cold.page, 'itemDone', [a, 1, true])
    await ask(hot.page, 'bumpStation', [a, 'hot'])
    await expo.page.waitFor(
      (f) =>
        f.kind === 'message' &&
        f.message.type === 'event' &&
        f.message.event.type === 'station:bump',
      'the hot bump on the expo',
    )
    await ask(hot.page, 'bumpStation', [b, 'hot'])
    let now = await boardWith(expo.page, k.ids)
    const afterHot = now.get(a)
    if (afterHot === undefined) throw new Error('missing')
    expect(afterHot.itemsDone).toEqual([0, 1])
    expect(atStation(afterHot, 'hot', ROUTING)).toBe(false)
    expect(atStation(afterHot, 'cold', ROUTING)).toBe(true)
    expect(atStation(afterHot, 'pack', ROUTING)).toBe(true)
    await ask(cold.page, 'bumpStation', [a, 'cold'])
    expect(orderReady((await boardWith(expo.page, k.ids)).get(a) as BoardOrder, ROUTING)).toBe(
      false,
    )
    await ask(expo.page, 'bumpStation', [a, 'pack'])
    now = await boardWith(expo.page, k.ids)
    expect(orderReady(now.get(a) as BoardOrder, ROUTING)).toBe(true)
    await ask(expo.page, 'bump', [a])
    // A bad station is refused with a reason, and nothing changes.
    const refused = await expo.page.request('bumpStation', [a, 'grill'])
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/no station "grill"/) })

    // kill -9, then a restart on the same data directory: marks and paired devices are back.
    await killHub(k.hub)
    expect(await expo.closed).not.toBe(CLOSE_UNPAIRED)
    const again = await startHub(k.server.url, k.dataDir, k.rendererDir)
    const back = connectScreen(again, 'expo', k.cookies.expo)
    expect(await back.opened).toBe(true)
    const replayed = await boardWith(back.page, k.ids)
    expect(replayed.get(a)).toMatchObject({
      itemsDone: [0, 1, 2],
      stationsDone: ['hot', 'cold', 'pack'],
      bumpedAt: expect.any(Number),
    })
    expect(replayed.get(b)).toMatchObject({ itemsDone: [0], stationsDone: ['hot'] })
    expect(atStation(replayed.get(b) as BoardOrder, 'pack', ROUTING)).toBe(true)
    // The hot station recalls its last bump (b): open there again.
    expect(await ask(back.page, 'recallStation', ['hot', null])).toBe(b)
    expect(
      atStation((await boardWith(back.page, k.ids)).get(b) as BoardOrder, 'hot', ROUTING),
    ).toBe(true)
  }, 60_000)

  it('refuses a revoked device at once and for good, and a screen that never paired', async () => {
    const k = await kitchen()
    const expo = connectScreen(k.hub, 'expo', k.cookies.expo)
    const cold = connectScreen(k.hub, 'station:cold', k.cookies.cold)
    expect(await expo.opened).toBe(true)
    expect(await cold.opened).toBe(true)
    await boardWith(cold.page, [])
    const devices = DeviceSchema.array().parse(await ask(expo.page, 'devices'))
    expect(devices.map((d) => d.name).sort()).toEqual(
      ['Горячий планшет', 'Холодный планшет', 'Экспо'].sort(),
    )
    const coldDevice = devices.find((d) => d.name === 'Холодный планшет')
    expect(coldDevice).toMatchObject({
      role: 'station:cold',
      connected: true,
      address: expect.stringMatching(/127\.0\.0\.1/),
    })
    // The hub's own screen (loopback) sees the pairing code; it never leaves for the network.
    expect(await ask(expo.page, 'hubInfo')).toMatchObject({
      lan: true,
      port: k.hub.port,
      pairingCode: k.hub.codes.at(-1),
    })

    await ask(expo.page, 'revokeDevice', [coldDevice?.id])
    expect(await cold.closed).toBe(CLOSE_UNPAIRED)
    const retry = connectScreen(k.hub, 'station:cold', k.cookies.cold)
    expect(await retry.closed).toBe(CLOSE_UNPAIRED)
    const stranger = connectScreen(k.hub, 'kitchen', null)
    expect(await stranger.closed).toBe(CLOSE_UNPAIRED)
    const forged = connectScreen(
      k.hub,
      'kitchen',
      'kds_device=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    )
    expect(await forged.closed).toBe(CLOSE_UNPAIRED)
    // None of them was sent a thing.
    for (const screen of [retry, stranger, forged]) expect(screen.page.raw).toEqual([])
    const left = DeviceSchema.array().parse(await ask(expo.page, 'devices'))
    expect(left.map((d) => d.name).sort()).toEqual(['Горячий планшет', 'Экспо'].sort())
  }, 60_000)

  it('pauses pairing after five wrong codes, even for the right one; a right code pairs', async () => {
    const server = await startServer()
    const dataDir = tempDir('kds-hub-')
    writeHubSettings(dataDir, STATIONS, 'pack')
    const hub = await startHub(server.url, dataDir, fakeRenderer())
    const state = async (cookie: string | null) =>
      PairStateSchema.parse(
        await (
          await fetch(`${hub.origin}/pair/state`, { headers: cookie === null ? {} : { cookie } })
        ).json(),
      )
    expect(await state(null)).toEqual({ paired: false, pausedUntil: null })

    // The right code pairs, and the cookie it sets opens the bridge.
    const cookie = await pairDevice(hub, 'Планшет')
    expect(await state(cookie)).toEqual({ paired: true, pausedUntil: null })
    const screen = connectScreen(hub, 'expo', cookie)
    expect(await screen.opened).toBe(true)
    expect(BoardSnapshotSchema.safeParse(await ask(screen.page, 'snapshot')).success).toBe(true)

    const right = hub.codes.at(-1) ?? ''
    const wrong = right === '000000' ? '111111' : '000000'
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await pair(hub, wrong, 'Чужой')
      expect(answer).toMatchObject({ status: 401, body: { error: 'wrong-code' }, cookie: null })
    }
    const fifth = await pair(hub, wrong, 'Чужой')
    expect(fifth).toMatchObject({ status: 429, body: { error: 'paused' }, cookie: null })
    const paused = await pair(hub, hub.codes.at(-1) ?? '', 'Чужой')
    expect(paused).toMatchObject({ status: 429, body: { error: 'paused' }, cookie: null })
    expect((await state(null)).pausedUntil).toEqual(expect.any(Number))
    // A bad request says what is wrong.
    const bad = await pair(hub, '12ab', '')
    expect(bad.status).toBe(400)
  }, 60_000)
})
