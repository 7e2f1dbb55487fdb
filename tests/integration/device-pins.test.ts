// A paired device pinned to a role at the hub (issue 15): whatever its address asks, it is sent
// the pinned role's cut, a station never the customer's phone or address, and a pin made while it
// is connected takes effect at once. A core served with pairing in this process, as the Electron
// app's `lan` setting serves it; nothing here asserts wall time.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { BoardSnapshotSchema } from '../../electron/common/board'
import {
  CLOSE_REPINNED,
  DEVICE_COOKIE,
  DeviceSchema,
  HubInfoSchema,
  PairAnswerSchema,
} from '../../electron/common/hub'
import { KdsCore } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { loadManagedSettings } from '../../electron/core/managed-settings-load'
import { fileSettingsBackend } from '../../electron/core/settings-file'
import { serveHub, type HubHost } from '../../electron/web/hub-host'
import { startServer, type TestServer } from './server-harness'
import { cleanUp, fakeRenderer, Page, tempDir } from './web-harness'

const PHONE = '+7 900 555-12-34'
const ADDRESS = 'ул. Тайная, 7'

const sockets: WebSocket[] = []
const hubs: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  for (const close of hubs.splice(0)) await close()
  await cleanUp()
})

interface Hub {
  server: TestServer
  host: HubHost
  origin: string
  port: number
}

async function startHub(): Promise<Hub> {
  const server = await startServer()
  const dataDir = tempDir('kds-pins-')
  const core = await KdsCore.start({
    dataDir,
    settings: fileSettingsBackend(dataDir, { serverUrl: server.url, token: 'demo-watcher' }),
    startDemo: () => Promise.reject(new Error('no demo')),
    log: silentLogger,
  })
  const managed = loadManagedSettings({
    argv: [],
    env: { KDS_CONFIG_FILE: `${dataDir}/none.json` },
  })
  const host = await serveHub({
    core,
    managed,
    dataDir,
    rendererDir: fakeRenderer(),
    port: 0,
    lan: true,
    lanHost: '127.0.0.1',
    log: silentLogger,
  })
  hubs.push(async () => {
    await host.close()
    await core.close()
  })
  const port = host.shell.port
  return { server, host, origin: `http://127.0.0.1:${port}`, port }
}

/** Pairs a device with the hub's current code; answers its id and cookie. */
async function pairDevice(hub: Hub, name: string): Promise<{ id: string; cookie: string }> {
  const lan = hub.host.lan
  if (lan === null) throw new Error('no LAN hub')
  const response = await fetch(`${hub.origin}/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hub.origin },
    body: JSON.stringify({ code: lan.pairingCode, name }),
  })
  const answer = PairAnswerSchema.parse(await response.json())
  if (!('ok' in answer)) throw new Error(JSON.stringify(answer))
  const key = /^kds_device=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? ''
  return { id: answer.device, cookie: `${DEVICE_COOKIE}=${key}` }
}

/** A screen on the bridge asking for `role`, once open; and its close code, once closed. */
async function connect(hub: Hub, role: string, cookie: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${hub.port}/kds?screen=${encodeURIComponent(role)}`, {
    origin: hub.origin,
    headers: { cookie },
  })
  sockets.push(ws)
  const page = new Page(ws)
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return { page, closed }
}

async function ask(page: Page, name: string, args: unknown[] = []): Promise<unknown> {
  const answer = await page.request(name, args)
  if (!answer.ok) throw new Error(answer.error)
  return answer.result
}

/** Polls `page`'s snapshot until it holds order `id` with its card; answers that entry's JSON. */
async function entryOn(page: Page, id: string): Promise<string> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const snapshot = BoardSnapshotSchema.parse(await ask(page, 'snapshot'))
    const entry = snapshot.orders.find((order) => order.id === id)
    if (entry?.order !== undefined && entry.order !== null) return JSON.stringify(entry)
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${id} on the board`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function createOrder(server: TestServer): string {
  const created = server.handle.createOrder({ phone: PHONE, address: ADDRESS, delivery: true })
  if (!created.ok) throw new Error(created.reason)
  return created.value._id
}

describe('a device’s role pinned at the hub', () => {
  it('sends a device pinned to a station no phone or address, whatever it asks, and follows a pin at once', async () => {
    const hub = await startHub()
    // The hub's own browser window: on this machine, it may pin devices.
    const desk = await pairDevice(hub, 'Касса')
    const tablet = await pairDevice(hub, 'Планшет')
    const own = await connect(hub, 'kitchen', desk.cookie)
    const first = createOrder(hub.server)

    // Unpinned, the tablet is the dispatcher its address asks for: it gets the customer.
    const asked = await connect(hub, 'dispatch', tablet.cookie)
    expect(await entryOn(asked.page, first)).toContain(PHONE)

    // Pinned while connected: closed at once, to come back as the station.
    expect(await ask(own.page, 'setDeviceRole', [tablet.id, 'station:hot'])).toBeNull()
    expect(await asked.closed).toBe(CLOSE_REPINNED)
    const devices = DeviceSchema.array().parse(await ask(own.page, 'devices'))
    expect(devices.find((device) => device.id === tablet.id)).toMatchObject({
      pinnedRole: 'station:hot',
    })

    const pinned = await connect(hub, 'dispatch', tablet.cookie)
    expect(HubInfoSchema.parse(await ask(pinned.page, 'hubInfo')).pinnedRole).toBe('station:hot')
    const cut = await entryOn(pinned.page, first)
    expect(cut).not.toContain(PHONE)
    expect(cut).not.toContain(ADDRESS)
    // Live events too: a new order reaches the station without its customer.
    const second = createOrder(hub.server)
    await pinned.page.waitFor(
      (frame) =>
        frame.kind === 'message' &&
        frame.message.type === 'event' &&
        frame.message.event.type === 'order:new' &&
        frame.message.event.order._id === second,
      'the new order on the station',
    )
    expect(await entryOn(own.page, second)).toContain(PHONE)
    await entryOn(pinned.page, second)
    expect(pinned.page.raw.join('\n')).not.toContain(PHONE)
    expect(pinned.page.raw.join('\n')).not.toContain(ADDRESS)
    const seen = DeviceSchema.array().parse(await ask(own.page, 'devices'))
    expect(seen.find((device) => device.id === tablet.id)).toMatchObject({
      role: 'station:hot',
      connected: true,
    })

    // Unpinned again: as the screen asks.
    await ask(own.page, 'setDeviceRole', [tablet.id, null])
    expect(await pinned.closed).toBe(CLOSE_REPINNED)
    const again = await connect(hub, 'dispatch', tablet.cookie)
    expect(HubInfoSchema.parse(await ask(again.page, 'hubInfo')).pinnedRole).toBeNull()
    expect(await entryOn(again.page, second)).toContain(PHONE)
  }, 40_000)

  it('refuses a pin for a device it does not know, and a role that is none', async () => {
    const hub = await startHub()
    const desk = await pairDevice(hub, 'Касса')
    const own = await connect(hub, 'kitchen', desk.cookie)
    await expect(ask(own.page, 'setDeviceRole', ['nobody', 'expo'])).rejects.toThrow(
      /no paired device/,
    )
    await expect(ask(own.page, 'setDeviceRole', [desk.id, 'boss'])).rejects.toThrow()
    const devices = DeviceSchema.array().parse(await ask(own.page, 'devices'))
    expect(devices[0]?.pinnedRole).toBeNull()
  }, 30_000)
})
