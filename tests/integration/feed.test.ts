// OrderFeed and the Board against the real reference server, through the real socket.io-client.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Board } from '../../electron/core/board'
import { JOURNAL_FILE } from '../../electron/core/journal'
import { silentLogger } from '../../electron/core/logger'
import { OrderFeed, type FeedStatus } from '../../electron/core/order-feed'
import { nextEvent, waitFor } from '../helpers/wait'
import { api, cleanUp, startServer } from './server-harness'

const CLIENT_ID = '4920737570657261646d696e'
const OTHER_CLIENT = '5f0000000000000000000099'
const dirs: string[] = []
const feeds: OrderFeed[] = []

afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.stop()
  await cleanUp()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-feed-'))
  dirs.push(dir)
  return dir
}

/** A display: feed → board, optionally journaled in `dir`. */
async function display(url: string, token: string, dir?: string) {
  const board =
    dir === undefined
      ? new Board({ orders: [], seq: 0 }, null, silentLogger)
      : Board.open(dir, { log: silentLogger })
  const feed = new OrderFeed({
    url,
    token,
    log: silentLogger,
    backoff: { baseMs: 20, maxMs: 200, jitter: 0.5 },
  })
  feeds.push(feed)
  feed.on('change', (change) => board.apply(change))
  feed.start()
  return { feed, board }
}

const connected = (feed: OrderFeed) =>
  nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'connected')

async function createOrder(url: string, body: object = {}): Promise<string> {
  const { status, json } = await api(url, 'POST', '/api/orders', { token: 'demo-admin', body })
  expect(status).toBe(201)
  return (json as { _id: string })._id
}

describe('OrderFeed against the reference server', () => {
  it('goes connecting → authorizing → connected with a known token', async () => {
    const server = await startServer()
    const states: string[] = []
    const { feed } = await display(server.url, 'demo-watcher')
    feed.on('status', (s) => states.push(s.state))
    await waitFor(() => feed.status.state === 'connected', 'connected')
    expect(states).toEqual(['authorizing', 'connected'])
  })

  it('lands in unauthorized on a wrong token and does not retry', async () => {
    const server = await startServer()
    let connections = 0
    server.handle.io.on('connection', () => (connections += 1))
    const { feed } = await display(server.url, 'not-a-token')
    const status = await nextEvent<FeedStatus>(feed, 'status', (s) => s.state === 'unauthorized')
    expect(status.error).toBe('Вы не авторизованы')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(connections).toBe(1)
    expect(feed.status.state).toBe('unauthorized')
  })

  it('gives a WATCHER the orders and condition changes made through the admin API', async () => {
    const server = await startServer()
    const { feed, board } = await display(server.url, 'demo-watcher')
    await connected(feed)
    const id = await createOrder(server.url)
    await waitFor(() => board.get(id) !== undefined, 'the new order on the board')
    expect(board.get(id)?.order?._id).toBe(id)
    const patch = { token: 'demo-admin', body: { condition: 'COLLECTED' } }
    expect((await api(server.url, 'PATCH', `/api/orders/${id}`, patch)).status).toBe(200)
    await waitFor(() => board.get(id)?.condition === 'COLLECTED', 'the condition change')
    expect(board.get(id)?.history.map((h) => h.condition)).toEqual(['NEW', 'COLLECTED'])
    expect(feed.stats).toMatchObject({ received: 2, invalid: 0 })
  })

  it('gives a USER only its own orders', async () => {
    const server = await startServer()
    const watcher = await display(server.url, 'demo-watcher')
    const client = await display(server.url, 'demo-client')
    await Promise.all([connected(watcher.feed), connected(client.feed)])
    const foreign = await createOrder(server.url, { clientId: OTHER_CLIENT })
    const own = await createOrder(server.url, { clientId: CLIENT_ID })
    await waitFor(() => watcher.board.size === 2, 'both orders at the watcher')
    await waitFor(() => client.board.get(own) !== undefined, 'its own order at the client')
    await api(server.url, 'PATCH', `/api/orders/${foreign}`, {
      token: 'demo-admin',
      body: { condition: 'COOKING' },
    })
    await waitFor(() => watcher.board.get(foreign)?.condition === 'COOKING', 'the change')
    expect(client.board.get(foreign)).toBeUndefined()
    expect(client.board.size).toBe(1)
  })
})

describe('the journal behind the board', () => {
  async function fillBoard(dir: string) {
    const server = await startServer()
    const { feed, board } = await display(server.url, 'demo-watcher', dir)
    await connected(feed)
    const ids = [await createOrder(server.url), await createOrder(server.url)]
    await api(server.url, 'PATCH', `/api/orders/${ids[0]}`, {
      token: 'demo-admin',
      body: { condition: 'COOKING' },
    })
    await waitFor(() => board.get(ids[0] ?? '')?.condition === 'COOKING', 'the change')
    feed.stop()
    const before = board.snapshot()
    board.close()
    return before
  }

  it('rebuilds the board after a restart', async () => {
    const dir = tempDir()
    const before = await fillBoard(dir)
    const after = Board.open(dir, { log: silentLogger })
    expect(after.snapshot()).toEqual(before)
    after.close()
  })

  it('rebuilds the board after a corrupted tail, with a warning', async () => {
    const dir = tempDir()
    const before = await fillBoard(dir)
    appendFileSync(join(dir, JOURNAL_FILE), '{"t":"event","event":{"type":"order:new","ord')
    const after = Board.open(dir, { log: silentLogger })
    expect(after.snapshot()).toEqual(before)
    expect(after.warnings.join('\n')).toMatch(/incomplete|corrupt/)
    after.close()
  })
})
