// The bridge end to end in one process: a page stand-in (node `ws`) talks to a real web shell
// wired to a KdsCore that watches a real reference server.
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { BoardSnapshotSchema } from '../../electron/common/board'
import { SettingsViewSchema } from '../../electron/common/settings'
import { CoreStatusSchema, HealthSchema } from '../../electron/common/status'
import { MAX_FRAME_BYTES } from '../../electron/common/bridge-frames'
import { MAX_BUFFERED_BYTES } from '../../electron/web/bridge-server'
import { waitFor } from '../helpers/wait'
import { bridgeUrl, cleanUp, openPage, startStack, upgradeStatus, type Stack } from './web-harness'

afterEach(cleanUp)

/** Waits until the core has authorized with the reference server. */
const connected = (stack: Stack) =>
  waitFor(() => stack.core.health().state === 'connected', 'the core to connect')

describe('the bridge', () => {
  it('answers a snapshot and pushes the events of a new order and its condition', async () => {
    const stack = await startStack()
    const { server, shell, origin } = stack
    const page = await openPage(shell, origin)
    await connected(stack)

    const first = await page.request('snapshot')
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(BoardSnapshotSchema.parse(first.result).orders).toEqual([])

    const created = server.handle.createOrder()
    if (!created.ok) throw new Error(created.reason)
    const id = created.value._id
    await page.waitFor(
      (f) =>
        f.kind === 'message' &&
        f.message.type === 'event' &&
        f.message.event.type === 'order:new' &&
        f.message.event.order._id === id,
      'order:new',
    )
    server.handle.updateCondition(id, 'COOKING')
    await page.waitFor(
      (f) =>
        f.kind === 'message' &&
        f.message.type === 'event' &&
        f.message.event.type === 'order:condition' &&
        f.message.event.condition === 'COOKING',
      'order:condition',
    )

    const second = await page.request('snapshot')
    if (!second.ok) throw new Error(second.error)
    const snapshot = BoardSnapshotSchema.parse(second.result)
    expect(snapshot.orders.map((o) => [o.id, o.condition])).toEqual([[id, 'COOKING']])
    expect(snapshot.seq).toBe(2)
    // Answers come as text frames, snapshots too (they are sent as bytes put together), and a
    // snapshot holds cards only: nothing of the whole order the journal keeps.
    expect(page.binaryFrames).toBe(0)
    expect(page.raw.findLast((text) => text.includes('"orders":['))).not.toContain('clientId')
  })

  it('answers the small requests a page asked before its snapshot ahead of it', async () => {
    const stack = await startStack()
    const page = await openPage(stack.shell, stack.origin)
    await connected(stack)
    // A page starting asks for its settings and status, then its snapshot, in one go: the small
    // answers must not wait behind the board (a board drawn before its clock is drawn twice).
    const [settings, status, snapshot] = await Promise.all(
      ['settings', 'status', 'snapshot'].map((name) => page.request(name)),
    )
    expect([settings?.ok, status?.ok, snapshot?.ok]).toEqual([true, true, true])
    const answered = page.frames.flatMap((frame) =>
      frame.kind === 'response' ? [frame.response.id] : [],
    )
    expect(answered.indexOf(snapshot?.id ?? -1)).toBe(2)
  })

  it('keeps a page that is still reading a snapshot bigger than the buffer limit', async () => {
    const stack = await startStack()
    const { server, core, shell, origin } = stack
    const page = await openPage(shell, origin)
    await connected(stack)
    const created = server.handle.createOrder()
    if (!created.ok) throw new Error(created.reason)
    const id = created.value._id
    await waitFor(() => core.entries().orders.length === 1, 'the order on the board')
    // A board whose snapshot is well over MAX_BUFFERED_BYTES (copies of the one order), and an
    // event pushed while the page is still reading it: that page is reading, not frozen.
    const [entry] = core.entries().orders
    if (entry === undefined) throw new Error('no entry')
    const big = Array.from({ length: 30_000 }, (_, n) => ({ ...entry, id: `${entry.id}${n}` }))
    const real = core.entries.bind(core)
    core.entries = () => {
      setImmediate(() => core.bump(id))
      return { ...real(), orders: big }
    }
    let closed = false
    page.ws.once('close', () => (closed = true))
    const answer = await page.request('snapshot')
    expect(answer.ok).toBe(true)
    expect(page.raw.findLast((text) => text.includes('"orders":['))?.length).toBeGreaterThan(
      MAX_BUFFERED_BYTES,
    )
    await page.waitFor(
      (f) =>
        f.kind === 'message' && f.message.type === 'event' && f.message.event.type === 'order:bump',
      'the bump pushed after the snapshot',
      20_000,
    )
    expect(closed).toBe(false)
  })

  it('pushes to every connected page', async () => {
    const stack = await startStack()
    const { server, shell, origin } = stack
    const pages = [await openPage(shell, origin), await openPage(shell, origin)]
    await connected(stack)
    server.handle.createOrder()
    for (const page of pages) {
      await page.waitFor((f) => f.kind === 'message' && f.message.type === 'event', 'an event')
    }
  })

  it('answers malformed frames with an error and keeps the connection', async () => {
    const { shell, origin } = await startStack()
    const page = await openPage(shell, origin)

    expect(await page.sendRaw('{not json', 0)).toEqual({
      id: 0,
      ok: false,
      error: 'bad request: not JSON',
    })
    const unknown = await page.sendRaw(JSON.stringify({ id: 7, name: 'deleteAll', args: [] }), 7)
    expect(unknown).toMatchObject({
      id: 7,
      ok: false,
      error: expect.stringMatching(/^bad request/),
    })
    const badArgs = await page.request('updateSettings', [{ language: 'fr' }])
    expect(badArgs).toMatchObject({ ok: false, error: expect.stringMatching(/language/) })
    page.ws.send(Buffer.from([1, 2, 3]))
    expect(await page.sendRaw('[]', 0)).toMatchObject({ id: 0, ok: false })
    expect(
      page.frames.some((f) => f.kind === 'response' && /expected text/.test(JSON.stringify(f))),
    ).toBe(true)

    const status = await page.request('status')
    expect(status.ok).toBe(true)
    if (status.ok) expect(CoreStatusSchema.safeParse(status.result).success).toBe(true)
    expect(page.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('cuts off a frame over the size limit without troubling other pages', async () => {
    const { shell, origin } = await startStack()
    const big = await openPage(shell, origin)
    const other = await openPage(shell, origin)
    const code = new Promise<number>((resolve) => big.ws.once('close', (c) => resolve(c)))
    big.ws.send('x'.repeat(MAX_FRAME_BYTES + 1))
    expect(await code).toBe(1009)
    expect((await other.request('status')).ok).toBe(true)
  })

  it('refuses a WebSocket from a foreign page, with no Origin, or on another path', async () => {
    const { shell, origin } = await startStack()
    const url = bridgeUrl(shell)
    expect(await upgradeStatus(url, { origin })).toBe(101)
    expect(await upgradeStatus(url, { origin: `http://localhost:${shell.port}` })).toBe(101)
    expect(await upgradeStatus(url, { origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(url, { origin: `http://127.0.0.1:${shell.port + 1}` })).toBe(403)
    expect(await upgradeStatus(url, { origin: 'null' })).toBe(403)
    expect(await upgradeStatus(url, {})).toBe(403)
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 arrives with its own Host.
    expect(await upgradeStatus(url, { origin, headers: { host: 'evil.example' } })).toBe(421)
    const other = `ws://127.0.0.1:${shell.port}/socket`
    expect(await upgradeStatus(other, { origin })).toBe(404)
  })

  it('never lets the token reach the page, not even one the page set', async () => {
    const stack = await startStack('demo-watcher')
    const { server, shell, origin } = stack
    const page = await openPage(shell, origin)
    await connected(stack)
    server.handle.createOrder()
    await page.waitFor((f) => f.kind === 'message' && f.message.type === 'event', 'an event')
    const settings = await page.request('settings')
    if (!settings.ok) throw new Error(settings.error)
    expect(SettingsViewSchema.parse(settings.result).tokenStorage).toBe('memory')
    await page.request('status')
    await page.request('snapshot')
    const updated = await page.request('updateSettings', [{ token: 'a-new-secret-token' }])
    expect(updated.ok).toBe(true)
    await page.request('settings')
    await page.waitFor(
      (f) => f.kind === 'message' && f.message.type === 'settings',
      'the settings push',
    )

    const everything = page.raw.join('\n')
    expect(everything).not.toContain('demo-watcher')
    expect(everything).not.toContain('a-new-secret-token')
    expect(everything).not.toMatch(/"token"\s*:/)
  })
})

describe('GET /health', () => {
  it('answers the core health as JSON, agreeing with the board', async () => {
    const { server, core, origin } = await startStack()
    await waitFor(() => core.health().state === 'connected', 'connected')
    server.handle.createOrder()
    server.handle.createOrder()
    await waitFor(() => core.health().orders === 2, 'two orders')

    const response = await fetch(`${origin}/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const health = HealthSchema.parse(await response.json())
    // The core's figures, and the screens connected to the bridge (none: this test has no page).
    expect(health).toEqual({ ...core.health(), devices: 0 })
    expect(health).toMatchObject({ state: 'connected', orders: 2, received: 2, invalid: 0 })
    // No printer configured: nothing waits to print.
    expect(health.printQueue).toBe(0)
    expect(Object.keys(health).sort()).toEqual(
      ['devices', 'invalid', 'lastEventAt', 'orders', 'printQueue', 'received', 'state'].sort(),
    )
  })

  it('says unauthorized when the token is wrong', async () => {
    const { core, origin } = await startStack('not-a-token')
    await waitFor(() => core.health().state === 'unauthorized', 'unauthorized')
    const health = HealthSchema.parse(await (await fetch(`${origin}/health`)).json())
    expect(health.state).toBe('unauthorized')
  })

  it('refuses a request addressed to another host name', async () => {
    const { shell } = await startStack()
    const status = await new Promise<number>((resolve, reject) => {
      // fetch() will not let a test set Host, so a raw request does it.
      import('node:http')
        .then(({ get }) =>
          get(
            {
              host: '127.0.0.1',
              port: shell.port,
              path: '/health',
              headers: { host: 'evil.example' },
            },
            (res) => {
              res.resume()
              resolve(res.statusCode ?? 0)
            },
          ).on('error', reject),
        )
        .catch(reject)
    })
    expect(status).toBe(421)
  })
})

describe('serving the renderer', () => {
  it('serves index.html at / with the CSP, and 404s the rest', async () => {
    const { origin } = await startStack()
    const index = await fetch(`${origin}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await index.text()).toContain('<title>KDS</title>')
    const script = await fetch(`${origin}/app.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const missing = await fetch(`${origin}/nope.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toContain("object-src 'none'")
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405)
  })
})
