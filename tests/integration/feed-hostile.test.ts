// OrderFeed against a bare Socket.IO server that misbehaves: malformed payloads, a dead port,
// a server that says no. The reference server never sends garbage, so this one does.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server, type Socket } from 'socket.io'
import { afterEach, describe, expect, it } from 'vitest'
import type { BoardChange } from '../../electron/common/board'
import { UNAUTHORIZED } from '../../electron/common/protocol/events'
import { Board } from '../../electron/core/board'
import { silentLogger, type Logger } from '../../electron/core/logger'
import { OrderFeed, type FeedStatus, type InvalidPayload } from '../../electron/core/order-feed'
import { exampleOrder, fixtures } from '../fixtures/load'
import { nextEvent, waitFor } from '../helpers/wait'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function bareServer(onConnect: (socket: Socket) => void) {
  const http: HttpServer = createServer()
  const io = new Server(http, { path: '/ws', transports: ['websocket'] })
  io.on('connection', onConnect)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())))
  return { io, url: `http://127.0.0.1:${port}` }
}

function feedFor(url: string, token = 't', log: Logger = silentLogger) {
  const feed = new OrderFeed({
    url,
    token,
    log,
    backoff: { baseMs: 20, maxMs: 100, jitter: 0.5 },
  })
  cleanups.push(() => feed.stop())
  return feed
}

describe('OrderFeed with hostile input', () => {
  it('counts and logs every invalid payload, and lets the valid ones through', async () => {
    const { url } = await bareServer((socket) => {
      socket.emit('authorization:ok')
      socket.emit('order:new', 'not an order')
      socket.emit('order:new', JSON.parse('{"__proto__":{"polluted":1}}'))
      socket.emit('order:new', exampleOrder({ _id: undefined }))
      socket.emit('order:condition', { _id: 5 })
      socket.emit('order:new')
      socket.emit('order:new', fixtures.orderNew())
      socket.emit('order:condition', fixtures.orderCondition())
    })
    const warnings: string[] = []
    const log: Logger = {
      ...silentLogger,
      warn: (_m, fields) => warnings.push(String(fields?.reason)),
    }
    const feed = feedFor(url, 't', log)
    const board = new Board({ orders: [], seq: 0 }, null, silentLogger)
    const invalid: InvalidPayload[] = []
    feed.on('invalid', (payload) => invalid.push(payload))
    feed.on('change', (change: BoardChange) => board.apply(change))
    feed.start()
    await waitFor(() => feed.stats.received === 2, 'two valid events')
    expect(feed.stats.invalid).toBe(5)
    expect(invalid.map((i) => i.event)).toEqual([
      'order:new',
      'order:new',
      'order:new',
      'order:condition',
      'order:new',
    ])
    expect(invalid[1]?.reason).toMatch(/__proto__/)
    expect(invalid[2]?.reason).toMatch(/_id/)
    expect(warnings).toHaveLength(5)
    expect(board.size).toBe(1)
    expect(board.get('6263bda571a52b2d541ec5f7')?.condition).toBe('COLLECTED')
    expect(feed.stats.lastEventAt).not.toBeNull()
  })

  it('goes offline against a dead port and keeps retrying with a growing attempt count', async () => {
    const { io, url } = await bareServer(() => {})
    io.close()
    const feed = feedFor(url)
    const seen: FeedStatus[] = []
    feed.on('status', (status) => seen.push(status))
    feed.start()
    await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'offline' && s.attempt >= 3)
    const offline = seen.filter((s) => s.state === 'offline')
    expect(offline.map((s) => s.attempt).slice(0, 3)).toEqual([1, 2, 3])
    expect(offline[0]?.nextRetryAt ?? 0).toBeGreaterThanOrEqual((offline[0]?.since ?? 0) + 10)
    expect(offline[0]?.error).toMatch(/cannot connect/)
  })

  it('stays unauthorized after authorization:error until configured again', async () => {
    let connections = 0
    const { url } = await bareServer((socket) => {
      connections += 1
      if (socket.handshake.auth.token === 'good') return void socket.emit('authorization:ok')
      socket.emit('authorization:error', UNAUTHORIZED)
      socket.disconnect(true)
    })
    const feed = feedFor(url, 'bad')
    feed.start()
    const status = await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'unauthorized')
    expect(status.error).toBe('Вы не авторизованы')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(connections).toBe(1)
    expect(feed.status.state).toBe('unauthorized')
    feed.configure({ url, token: 'good' })
    await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'connected')
    expect(connections).toBe(2)
  })

  it('comes back after the server drops the connection', async () => {
    const { io, url } = await bareServer((socket) => socket.emit('authorization:ok'))
    const feed = feedFor(url)
    feed.start()
    await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'connected')
    io.disconnectSockets(true)
    await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'offline')
    const back = await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'connected')
    expect(back.attempt).toBe(0)
  })

  it('cuts off a message over the size limit, says so, and reconnects', async () => {
    let connections = 0
    const { url } = await bareServer((socket) => {
      connections += 1
      socket.emit('authorization:ok')
      if (connections === 1) socket.emit('order:new', { junk: 'x'.repeat(200_000) })
      else socket.emit('order:new', fixtures.orderNew())
    })
    const feed = new OrderFeed({
      url,
      token: 't',
      log: silentLogger,
      backoff: { baseMs: 20, maxMs: 100, jitter: 0.5 },
      maxPayloadBytes: 100_000,
    })
    cleanups.push(() => feed.stop())
    const invalid: InvalidPayload[] = []
    feed.on('invalid', (payload) => invalid.push(payload))
    feed.start()
    await waitFor(() => feed.stats.received === 1, 'the order after the reconnect')
    expect(invalid.map((i) => i.reason)).toEqual(['a message over 100000 bytes was cut off'])
    expect(connections).toBe(2)
  })
})
