// KdsCore as the shells use it: settings, demo mode, catch-up after a gap, diagnostics.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cardOf } from '../../electron/common/card-order'
import type { KdsMessage } from '../../electron/common/kds-api'
import { JOURNAL_FILE } from '../../electron/core/journal'
import { KdsCore, type DemoServer } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { fileSettingsBackend, SETTINGS_FILE } from '../../electron/core/settings-file'
import { DEFAULT_DISPLAY_SETTINGS } from '../../electron/common/settings'
import { createServer } from '../../electron/server/create-server'
import { listen } from '../../electron/server/listen'
import { OrderStore } from '../../electron/server/order-store'
import { waitFor } from '../helpers/wait'
import { cleanUp, startServer } from './server-harness'

const cores: KdsCore[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  await cleanUp()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-core-'))
  dirs.push(dir)
  return dir
}

const noDemo = async (): Promise<DemoServer> => {
  throw new Error('demo mode was not expected')
}

async function startCore(
  dataDir: string,
  serverUrl: string | null,
  token: string | null,
  startDemo = noDemo,
) {
  const core = await KdsCore.start({
    dataDir,
    settings: fileSettingsBackend(dataDir, { serverUrl, token }),
    startDemo,
    log: silentLogger,
    version: '9.9.9',
  })
  cores.push(core)
  return core
}

describe('KdsCore', () => {
  it('in demo mode catches up with the orders the demo server already had, marked', async () => {
    const server = await startServer()
    const before = server.handle.createOrder({})
    if (!before.ok) throw new Error(before.reason)
    const core = await startCore(tempDir(), null, null, async () => ({
      url: server.url,
      token: 'demo-watcher',
      close: async () => {},
    }))
    await waitFor(() => core.snapshot().orders.length === 1, 'the resync')
    expect(core.status().demo).toBe(true)
    expect(core.snapshot().orders[0]).toMatchObject({ id: before.value._id, resynced: true })
    expect(core.status().lastResync).toMatchObject({ orders: 1, error: null })
  })

  it('records a gap when a real server restarts and no resync source is configured', async () => {
    const store = new OrderStore()
    const boot = async (port: number) => {
      const http = createHttpServer()
      const handle = createServer(http, { store })
      return { handle, port: (await listen(http, port, '127.0.0.1')).port }
    }
    let server = await boot(0)
    const core = await startCore(tempDir(), `http://127.0.0.1:${server.port}`, 'demo-watcher')
    const messages: KdsMessage[] = []
    core.subscribe((message) => messages.push(message))
    await waitFor(() => core.status().connection.state === 'connected', 'connected')
    await server.handle.close()
    server = await boot(server.port)
    await waitFor(() => core.status().gaps.length === 1, 'the gap', 10_000)
    const [gap] = core.status().gaps
    expect(gap?.reason).toMatch(/no resync source/)
    expect(gap?.to).toBeGreaterThanOrEqual(gap?.from ?? Infinity)
    expect(messages.some((m) => m.type === 'status' && m.status.gaps.length === 1)).toBe(true)
    expect(core.dismissGap(gap?.id ?? 0).gaps).toEqual([])
    expect(core.diagnostics()).toMatchObject({ reconnects: 1, recovered: 0, gapsSeen: 1 })
    await server.handle.close()
  })

  it('fills a gap from the configured resync URL, with the display token', async () => {
    const store = new OrderStore()
    const boot = async (port: number) => {
      const http = createHttpServer()
      const handle = createServer(http, { store })
      return { handle, port: (await listen(http, port, '127.0.0.1')).port }
    }
    let server = await boot(0)
    const url = `http://127.0.0.1:${server.port}`
    const dataDir = tempDir()
    const settings = { ...DEFAULT_DISPLAY_SETTINGS, resyncUrl: `${url}/api/orders?since={since}` }
    writeFileSync(join(dataDir, SETTINGS_FILE), JSON.stringify(settings))
    const core = await startCore(dataDir, url, 'demo-watcher')
    await waitFor(() => core.status().connection.state === 'connected', 'connected')
    await server.handle.close()
    const missed = server.handle.createOrder({})
    if (!missed.ok) throw new Error(missed.reason)
    server = await boot(server.port)
    await waitFor(() => core.snapshot().orders.length === 1, 'the missed order', 10_000)
    expect(core.snapshot().orders[0]).toMatchObject({ id: missed.value._id, resynced: true })
    expect(core.status().gaps).toEqual([])
    await server.handle.close()
  })

  it('sends the screens each order cut down to its card, and journals the whole order', async () => {
    const server = await startServer()
    const dataDir = tempDir()
    const core = await startCore(dataDir, server.url, 'demo-watcher')
    const messages: KdsMessage[] = []
    core.subscribe((message) => messages.push(message))
    await waitFor(() => core.status().connection.state === 'connected', 'connected')
    const made = server.handle.createOrder({})
    if (!made.ok) throw new Error(made.reason)
    const full = made.value
    await waitFor(() => core.snapshot().orders.length === 1, 'the order')

    const pushed = messages.flatMap((m) =>
      m.type === 'event' && m.event.type === 'order:new' ? [m.event.order] : [],
    )
    const [sent] = core.snapshot().orders
    for (const order of [pushed[0], sent?.order]) {
      expect(order).toEqual(cardOf(full))
      // The title to show, and the _id that routes the item to its station.
      const product = full.products[0]?.product
      expect(order?.products[0]?.product).toEqual({ _id: product?._id, title: product?.title })
      expect(order).not.toHaveProperty('clientId')
    }
    const journal = readFileSync(join(dataDir, JOURNAL_FILE), 'utf8')
    expect(journal).toContain(`"clientId":"${full.clientId}"`)
    expect(journal).toContain(JSON.stringify(full.products[0]?.product.description))
    await core.close()
    cores.splice(0)
    // Replayed (and compacted) on start: the card from the journal, the whole order kept in it.
    const again = await startCore(dataDir, server.url, 'demo-watcher')
    expect(again.snapshot().orders[0]?.order).toEqual(cardOf(full))
    expect(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8')).toContain(`"clientId":"`)
  })

  it('bumps and recalls, journaled, and refuses to bump an order it does not have', async () => {
    const server = await startServer()
    const dataDir = tempDir()
    const core = await startCore(dataDir, server.url, 'demo-watcher')
    await waitFor(() => core.status().connection.state === 'connected', 'connected')
    const ids = [0, 1].map(() => {
      const made = server.handle.createOrder({})
      if (!made.ok) throw new Error(made.reason)
      return made.value._id
    })
    await waitFor(() => core.snapshot().orders.length === 2, 'two orders')
    const [first = '', second = ''] = ids
    expect(() => core.bump('ffffffffffffffffffffffff')).toThrow(/no order/)
    core.bump(first)
    core.bump(second)
    expect(core.recall(null)).toBe(second)
    expect(core.recall(null)).toBe(first)
    expect(core.recall(null)).toBeNull()
    core.bump(first)
    await core.close()
    cores.splice(0)

    const again = await startCore(dataDir, server.url, 'demo-watcher')
    const bumped = again.snapshot().orders.filter((o) => o.bumpedAt !== undefined)
    expect(bumped.map((o) => o.id)).toEqual([first])
  })

  it('exports diagnostics to the data directory, without the token', async () => {
    const server = await startServer()
    const dataDir = tempDir()
    const core = await startCore(dataDir, server.url, 'demo-watcher')
    await waitFor(() => core.status().connection.state === 'connected', 'connected')
    const { path } = core.exportDiagnostics()
    expect(path.startsWith(dataDir)).toBe(true)
    const text = readFileSync(path, 'utf8')
    expect(JSON.parse(text)).toMatchObject({ version: '9.9.9', dataDir, status: { orders: 0 } })
    expect(text).not.toContain('demo-watcher')
  })
})
