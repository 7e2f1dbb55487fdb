// Never miss an order across a network outage or a server restart.
import { createServer as createHttpServer } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { Board } from '../../electron/core/board'
import { CatchUp } from '../../electron/core/catch-up'
import { silentLogger } from '../../electron/core/logger'
import { OrderFeed, type FeedSession } from '../../electron/core/order-feed'
import type { ResyncSource } from '../../electron/core/resync'
import { createServer, type ServerHandle } from '../../electron/server/create-server'
import { listen } from '../../electron/server/listen'
import { OrderStore } from '../../electron/server/order-store'
import { startTcpProxy } from '../helpers/tcp-proxy'
import { nextEvent, waitFor } from '../helpers/wait'
import { cleanUp, startServer, type TestServer } from './server-harness'

const stops: (() => unknown)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
  await cleanUp()
})

/** A display without a screen: feed, board, and catch-up after unrecovered sessions. */
function display(url: string, resync: ResyncSource | null) {
  const board = new Board({ orders: [], seq: 0 }, null, silentLogger)
  const feed = new OrderFeed({
    url,
    token: 'demo-watcher',
    log: silentLogger,
    backoff: { baseMs: 100, maxMs: 1_000, jitter: 0.5 },
  })
  const catchUp = new CatchUp(board, silentLogger)
  const sessions: FeedSession[] = []
  let catchingUp = Promise.resolve()
  feed.on('change', (change) => board.apply(change))
  feed.on('session', (session) => {
    sessions.push(session)
    catchingUp = catchUp.onSession(session, resync)
  })
  stops.push(() => feed.stop())
  feed.start()
  return { board, feed, catchUp, sessions, caughtUp: () => catchingUp }
}

/** The board agrees with the server's orders: each once, each in the server's condition. */
function expectBoardMatches(board: Board, handle: ServerHandle) {
  const orders = handle.store.list({})
  expect(board.size).toBe(orders.length)
  const wrong = orders.filter((order) => board.get(order._id)?.condition !== order.condition)
  expect(wrong.map((o) => o._id)).toEqual([])
  for (const order of orders) {
    const history = board.get(order._id)?.history.map((h) => h.condition) ?? []
    const repeated = history.filter((condition, i) => condition === history[i - 1])
    expect(repeated).toEqual([])
  }
}

/**
 * A display behind a proxy with three orders on its board; then the network goes down and, while
 * it is, 20 orders are made and the three move. Answers with the network still down.
 */
async function outage(server: TestServer, resync: ResyncSource | null) {
  const proxy = await startTcpProxy(Number(new URL(server.url).port))
  stops.push(() => proxy.close())
  const shown = display(proxy.url, resync)
  await waitFor(() => shown.feed.status.state === 'connected', 'connected')
  const before = [0, 1, 2].map(() => server.handle.createOrder({}))
  await waitFor(() => shown.board.size === 3, 'three orders')

  proxy.cut()
  await nextEvent(shown.feed, 'status', (s: { state: string }) => s.state === 'offline')
  for (let i = 0; i < 20; i += 1) server.handle.createOrder({})
  for (const made of before) if (made.ok) server.handle.updateCondition(made.value._id, 'COOKING')
  return { ...shown, proxy }
}

describe('a 30-second network outage, the server recovering sessions (--recovery)', () => {
  it('ends recovered, with no gap and every event once', async () => {
    const server = await startServer({ recoverySeconds: 120 })
    const { board, sessions, proxy } = await outage(server, null)
    await new Promise((resolve) => setTimeout(resolve, 30_000))
    expect(board.size).toBe(3)

    proxy.restore()
    await waitFor(() => board.size === 23, 'the orders made during the outage', 10_000)
    expect(sessions.at(-1)).toEqual({ recovered: true, gap: null })
    expectBoardMatches(board, server.handle)
  }, 60_000)
})

describe('a network outage, the server as the spec has it (no recovery)', () => {
  it('ends in a fresh session with a gap, and the resync brings every order once', async () => {
    const server = await startServer()
    const source = { url: `${server.url}/api/orders?since={since}`, token: 'demo-watcher' }
    const { board, sessions, caughtUp, proxy } = await outage(server, source)
    proxy.restore()

    await waitFor(() => sessions.some((s) => !s.recovered && s.gap !== null), 'the new session')
    await caughtUp()
    await waitFor(() => board.size === 23, 'the orders made during the outage', 10_000)
    expectBoardMatches(board, server.handle)
  }, 60_000)
})

describe('a server restarted in the middle of a stream of 1,000 events', () => {
  it('loses and duplicates nothing once the resync has run', async () => {
    const store = new OrderStore()
    const start = async (port: number) => {
      const http = createHttpServer()
      const handle = createServer(http, { store })
      const address = await listen(http, port, '127.0.0.1')
      return { handle, port: address.port }
    }
    let server = await start(0)
    stops.push(() => server.handle.close())
    const url = `http://127.0.0.1:${server.port}`
    const source = { url: `${url}/api/orders?since={since}`, token: 'demo-watcher' }
    const { board, feed, sessions, caughtUp } = display(url, source)
    await waitFor(() => feed.status.state === 'connected', 'connected')

    const ids: string[] = []
    const conditions = ['ACCEPTED', 'COOKING', 'COLLECTED', 'DELIVERING', 'DELIVERED']
    for (let i = 0; i < 1_000; i += 1) {
      if (i === 400) {
        await server.handle.close()
        server = await start(server.port)
      }
      if (i % 2 === 0 || ids.length === 0) {
        const made = server.handle.createOrder({})
        if (made.ok) ids.push(made.value._id)
      } else {
        const id = ids[(i * 7) % ids.length] ?? ''
        const next = conditions[(i >> 1) % conditions.length] ?? 'NEW'
        server.handle.updateCondition(id, next)
      }
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2))
    }

    await waitFor(() => sessions.some((s) => !s.recovered && s.gap !== null), 'the new session')
    await waitFor(() => feed.status.state === 'connected', 'connected again')
    await caughtUp()
    expect(store.size).toBe(500)
    // The last live events may still be on the wire; after that the board must agree exactly.
    const agrees = () =>
      store.list({}).every((order) => board.get(order._id)?.condition === order.condition)
    await waitFor(agrees, 'the board to agree with the server')
    expectBoardMatches(board, server.handle)
  }, 60_000)
})
