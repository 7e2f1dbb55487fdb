// Fuzz: 10,000 generated malformed, oversized, deeply nested and prototype-polluting payloads
// through a real socket, interleaved with valid events. Nothing may crash or hang, memory stays
// bounded, every valid event arrives, and every rejection is counted and logged with a reason.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Server } from 'socket.io'
import { afterAll, describe, expect, it } from 'vitest'
import { Board } from '../../electron/core/board'
import type { Logger } from '../../electron/core/logger'
import { OrderFeed } from '../../electron/core/order-feed'
import { hostilePayload, prng, validOrder } from '../helpers/fuzz-payloads'
import { waitFor } from '../helpers/wait'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heapMb = () => {
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

const HOSTILE = 10_000
const VALID_EVERY = 10
const EVENTS = ['order:new', 'order:condition', 'authorization:ok', 'order:unknown'] as const

const closers: (() => void)[] = []
afterAll(() => closers.forEach((close) => close()))

describe('OrderFeed under fuzz', () => {
  it('survives 10,000 hostile payloads on every event name and loses no valid one', async () => {
    const random = prng(20261126)
    const http = createServer()
    const io = new Server(http, { path: '/ws', transports: ['websocket'] })
    closers.push(() => void io.close())
    const validIds: string[] = []
    let rejectable = 0
    const kinds = new Map<string, number>()
    io.on('connection', async (socket) => {
      socket.emit('authorization:ok')
      for (let i = 0; i < HOSTILE; i += 1) {
        const event = EVENTS[i % EVENTS.length] ?? 'order:new'
        const { kind, payload } = hostilePayload(
          random,
          event === 'order:condition' ? event : 'order:new',
        )
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
        // Events the display does not parse are ignored by design; only these two are counted.
        if (event === 'order:new' || event === 'order:condition') rejectable += 1
        socket.emit(event, payload)
        if (i % VALID_EVERY === 0) {
          const order = validOrder(1_000_000 + i)
          validIds.push(order._id as string)
          socket.emit('order:new', order)
          socket.emit('order:condition', { _id: order._id, condition: 'COOKING' })
        }
        if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve))
      }
      socket.emit('authorization:error', { message: 42, code: 'x', error: null })
    })
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const { port } = http.address() as AddressInfo

    const reasons: string[] = []
    const log: Logger = {
      info: () => {},
      warn: (_message, fields) => {
        if (typeof fields?.reason === 'string') reasons.push(fields.reason)
      },
      error: () => {},
    }
    const board = new Board({ orders: [], seq: 0 }, null, log)
    const feed = new OrderFeed({ url: `http://127.0.0.1:${port}`, token: 't', log })
    closers.push(() => feed.stop())
    feed.on('change', (change) => board.apply(change))
    const heapBefore = heapMb()
    feed.start()
    await waitFor(() => feed.status.state === 'unauthorized', 'the whole stream', 120_000)

    expect(feed.stats.invalid).toBe(rejectable + 1)
    expect(feed.stats.received).toBe(validIds.length * 2)
    expect(reasons).toHaveLength(rejectable + 1)
    expect(reasons.every((reason) => reason.length > 0 && reason.length < 500)).toBe(true)
    expect(validIds.every((id) => board.get(id)?.condition === 'COOKING')).toBe(true)
    expect(board.size).toBe(validIds.length)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect([...kinds.keys()].sort()).toEqual([
      'array',
      'bad id',
      'deep',
      'missing field',
      'oversized',
      'primitive',
      'prototype key',
      'wide',
      'wrong type',
    ])
    const growth = heapMb() - heapBefore
    console.log(
      `fuzz: ${rejectable} rejected, ${validIds.length * 2} valid; heap growth ${growth.toFixed(1)} MB`,
    )
    expect(growth).toBeLessThan(64)
  }, 180_000)
})
