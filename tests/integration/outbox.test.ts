// The outbox against the reference server on port 0: a bump becomes the backend's condition and
// comes back as its order:condition; an outage (the TCP proxy) and a restart of the display lose
// and repeat nothing; a refusal and an order already past the target are shown, not retried.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REFERENCE_CONDITION_ACTION } from '../../electron/common/condition-action'
import type { KdsMessage } from '../../electron/common/kds-api'
import { DEFAULT_DISPLAY_SETTINGS, type DisplaySettings } from '../../electron/common/settings'
import { KdsCore, type DemoServer } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { fileSettingsBackend, SETTINGS_FILE } from '../../electron/core/settings-file'
import { DEMO_USERS } from '../../electron/server/users'
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy'
import { waitFor } from '../helpers/wait'
import { cleanUp, connectAs, idOf, startServer, type TestServer } from './server-harness'

const WATCHER = DEMO_USERS.find((user) => user.token === 'demo-watcher')?.id ?? ''
const cores: KdsCore[] = []
const dirs: string[] = []
const proxies: TcpProxy[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  for (const proxy of proxies.splice(0)) await proxy.close()
  await cleanUp()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const noDemo = async (): Promise<DemoServer> => {
  throw new Error('demo mode was not expected')
}

function dataDir(settings: Partial<DisplaySettings> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-outbox-'))
  dirs.push(dir)
  const display = {
    ...DEFAULT_DISPLAY_SETTINGS,
    conditionAction: REFERENCE_CONDITION_ACTION,
    actions: { start: 'COOKING', bump: 'COLLECTED' },
    ...settings,
  }
  writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify(display))
  return dir
}

async function startCore(dir: string, serverUrl: string, token = 'demo-watcher', online = true) {
  const core = await KdsCore.start({
    dataDir: dir,
    settings: fileSettingsBackend(dir, { serverUrl, token }),
    startDemo: noDemo,
    log: silentLogger,
    outbox: { backoff: { baseMs: 20, maxMs: 200, jitter: 0 }, attemptTimeoutMs: 3_000 },
  })
  cores.push(core)
  // Orders made before the connection would be missed: no resync source is configured here.
  if (online) await waitFor(() => core.status().connection.state === 'connected', 'connected')
  return core
}

async function withOrders(server: TestServer, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i += 1) {
    const created = server.handle.createOrder({})
    if (!created.ok) throw new Error(created.reason)
    ids.push(created.value._id)
  }
  return ids
}

const onBoard = (core: KdsCore, ids: string[]) => () =>
  ids.every((id) => core.snapshot().orders.some((order) => order.id === id))
const conditionOf = (core: KdsCore, id: string) =>
  core.snapshot().orders.find((order) => order.id === id)?.condition
const bumped = (core: KdsCore, id: string) =>
  core.snapshot().orders.find((order) => order.id === id)?.bumpedAt !== undefined

describe('the outbox', () => {
  it('turns a bump into COLLECTED on the server, back as its order:condition', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const core = await startCore(dataDir(), server.url)
    const messages: KdsMessage[] = []
    core.subscribe((message) => messages.push(message))
    const [id = ''] = await withOrders(server, 1)
    await waitFor(onBoard(core, [id]), 'the order on the board')
    expect(core.status().outbox).toMatchObject({ enabled: true, bump: 'COLLECTED' })

    core.bump(id)
    // At once: pending on the ticket, the card not moved, not hidden.
    expect(core.outbox()).toMatchObject([{ orderId: id, condition: 'COLLECTED' }])
    expect(conditionOf(core, id)).toBe('NEW')
    expect(bumped(core, id)).toBe(false)

    await waitFor(() => conditionOf(core, id) === 'COLLECTED', 'the backend condition')
    expect(server.handle.store.get(id)?.condition).toBe('COLLECTED')
    const events = messages.filter((m) => m.type === 'event').map((m) => m.event)
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'order:condition', id, condition: 'COLLECTED' }),
    )
    await waitFor(() => bumped(core, id), 'the local bump once the condition came')
    expect(core.outbox()).toEqual([])
    expect(core.status().outbox.waiting).toBe(0)
  })

  it('a recalled ticket stays recalled when the backend moves the order on', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const core = await startCore(dataDir(), server.url)
    const [id = ''] = await withOrders(server, 1)
    await waitFor(onBoard(core, [id]), 'the order on the board')
    core.bump(id)
    await waitFor(() => bumped(core, id), 'the bump applied')
    expect(core.recall(id)).toBe(id)
    server.handle.updateCondition(id, 'DELIVERING')
    await waitFor(() => conditionOf(core, id) === 'DELIVERING', 'DELIVERING on the board')
    expect(bumped(core, id)).toBe(false)
  })

  it('drops what waits when the action is turned off, and bumps stay local again', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const proxy = await startTcpProxy(Number(new URL(server.url).port))
    proxies.push(proxy)
    const core = await startCore(dataDir(), proxy.url)
    const [first = '', second = ''] = await withOrders(server, 2)
    await waitFor(onBoard(core, [first, second]), 'the orders on the board')
    proxy.cut()
    await waitFor(() => core.status().connection.state !== 'connected', 'the outage seen')
    core.bump(first)
    await waitFor(() => (core.outbox()[0]?.attempts ?? 0) >= 1, 'an attempt')
    await core.updateSettings({ conditionAction: null })
    expect(core.status().outbox.enabled).toBe(false)
    proxy.restore()
    core.bump(second)
    expect(bumped(core, second)).toBe(true)
    await waitFor(() => core.outbox()[0]?.state === 'dropped', 'the waiting bump dropped', 15_000)
    expect(core.outbox()[0]).toMatchObject({ orderId: first, code: 'off' })
    expect(server.handle.store.get(first)?.condition).toBe('NEW')
  })

  it('refuses settings whose action would take the token to another host', async () => {
    const server = await startServer()
    const core = await startCore(dataDir({ conditionAction: null }), server.url)
    const elsewhere = { ...REFERENCE_CONDITION_ACTION, url: 'https://pos.example/o/{id}' }
    await expect(core.updateSettings({ conditionAction: elsewhere })).rejects.toThrow(
      /^conditionAction.url: goes to pos.example, not to the backend 127.0.0.1:\d+/,
    )
    const allowed = await core.updateSettings({
      conditionAction: elsewhere,
      conditionActionAnyHost: true,
    })
    expect(allowed.conditionAction).toEqual(elsewhere)
  })

  it('«Начать» sets the start condition, and only on NEW or ACCEPTED', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const core = await startCore(dataDir(), server.url)
    const [id = ''] = await withOrders(server, 1)
    await waitFor(onBoard(core, [id]), 'the order on the board')
    core.start(id)
    await waitFor(() => conditionOf(core, id) === 'COOKING', 'COOKING from the backend')
    expect(bumped(core, id)).toBe(false)
    expect(() => core.start(id)).toThrow(/COOKING: only NEW and ACCEPTED/)
  })

  it('keeps three bumps while the backend is unreachable and applies each once when back', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const proxy = await startTcpProxy(Number(new URL(server.url).port))
    proxies.push(proxy)
    const core = await startCore(dataDir(), proxy.url)
    const watcher = await connectAs(server.url, 'demo-admin')
    const ids = await withOrders(server, 3)
    await waitFor(onBoard(core, ids), 'the orders on the board')

    proxy.cut()
    for (const id of ids) core.bump(id)
    core.bump(ids[0] ?? '') // a second tap is not a second intent
    await waitFor(
      () => core.outbox().every((entry) => entry.attempts >= 2 && entry.state === 'waiting'),
      'retries while unreachable',
    )
    expect(core.outbox()).toHaveLength(3)
    expect(core.outbox()[0]).toMatchObject({ code: 'unreachable' })
    expect(core.status().outbox.waiting).toBe(3)
    expect(ids.map((id) => server.handle.store.get(id)?.condition)).toEqual(['NEW', 'NEW', 'NEW'])

    proxy.restore()
    await waitFor(() => core.outbox().every((e) => e.state === 'done'), 'every bump sent', 15_000)
    await waitFor(() => ids.every((id) => bumped(core, id)), 'every bump applied', 15_000)
    const collected = watcher.inbox.items.filter(
      (item) => item.event === 'order:condition' && ids.includes(String(idOf(item))),
    )
    expect(collected.map(idOf).sort()).toEqual([...ids].sort())
    expect(core.status().outbox.waiting).toBe(0)
  })

  it('survives a restart of the display with bumps waiting', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const proxy = await startTcpProxy(Number(new URL(server.url).port))
    proxies.push(proxy)
    const dir = dataDir()
    const first = await startCore(dir, proxy.url)
    const watcher = await connectAs(server.url, 'demo-admin')
    const ids = await withOrders(server, 2)
    await waitFor(onBoard(first, ids), 'the orders on the board')
    proxy.cut()
    for (const id of ids) first.bump(id)
    await waitFor(() => first.outbox().every((e) => e.attempts >= 1), 'a failed attempt each')
    await first.close()
    cores.splice(cores.indexOf(first), 1)

    const second = await startCore(dir, proxy.url, 'demo-watcher', false)
    expect(second.status().outbox.waiting).toBe(2)
    expect(second.outbox().map((entry) => entry.orderId)).toEqual(ids)
    proxy.restore()
    await waitFor(() => ids.every((id) => bumped(second, id)), 'both applied', 15_000)
    const collected = watcher.inbox.items.filter((item) => item.event === 'order:condition')
    expect(collected.map(idOf).sort()).toEqual([...ids].sort())
  })

  it('shows a 403 on the ticket with its reason, and does not try again', async () => {
    const server = await startServer() // the WATCHER may not change conditions here
    const core = await startCore(dataDir(), server.url)
    const [id = ''] = await withOrders(server, 1)
    await waitFor(onBoard(core, [id]), 'the order on the board')
    core.bump(id)
    await waitFor(() => core.outbox()[0]?.state === 'failed', 'the refusal')
    const [entry] = core.outbox()
    expect(entry).toMatchObject({ orderId: id, code: 'forbidden', attempts: 1 })
    expect(entry?.reason).toMatch(/^no right to change the condition \(HTTP 403: .*WATCHER/)
    expect(server.handle.store.get(id)?.condition).toBe('NEW')
    expect(bumped(core, id)).toBe(false)
    expect(core.status().outbox.waiting).toBe(0)
    expect(core.dismissOutbox(entry?.id ?? '')).toBe(true)
    expect(core.outbox()).toEqual([])
  })

  it('drops a bump with a note when the backend already moved the order past it', async () => {
    const server = await startServer({ conditionWriters: [WATCHER] })
    const core = await startCore(dataDir(), server.url)
    const watcher = await connectAs(server.url, 'demo-admin')
    const [id = ''] = await withOrders(server, 1)
    server.handle.updateCondition(id, 'DELIVERING')
    await waitFor(() => conditionOf(core, id) === 'DELIVERING', 'DELIVERING on the board')
    const before = watcher.inbox.items.length
    core.bump(id)
    expect(core.outbox()).toMatchObject([
      { orderId: id, state: 'dropped', code: 'already', attempts: 0 },
    ])
    expect(core.outbox()[0]?.reason).toBe('the backend already shows DELIVERING')
    expect(bumped(core, id)).toBe(true)
    expect(server.handle.store.get(id)?.condition).toBe('DELIVERING')
    expect(watcher.inbox.items.length).toBe(before)
  })
})
