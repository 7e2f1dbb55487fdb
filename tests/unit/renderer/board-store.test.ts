// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { flushPromises } from '@vue/test-utils'
import {
  BURST_MS,
  MAX_BUFFERED,
  SNAPSHOT_RETRY_MS,
  useBoardStore,
} from '../../../renderer/src/stores/board'
import { FakeKds, coreStatus } from './fake-kds'
import { drawn, freshPinia } from './mount'
import { conditionEvent, entryOf, makeOrder, newEvent } from './orders'

let kds: FakeKds
/** The timers the store's drawing uses, faked; and a frame's length under the fake clock. */
const FRAME_TIMERS = [
  'setTimeout',
  'clearTimeout',
  'performance',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const
const FRAME_MS = 17

beforeEach(() => {
  freshPinia()
  kds = new FakeKds()
})

afterEach(() => {
  useBoardStore().stop()
  vi.useRealTimers()
})

describe('board store', () => {
  it('loads the snapshot, then applies pushed events in sequence', async () => {
    const first = makeOrder({ number: 1 })
    kds.setBoard(3, [entryOf(first)])
    const board = useBoardStore()
    await board.start(kds)
    expect(board.loaded).toBe(true)
    expect(board.seq).toBe(3)
    expect(board.count).toBe(1)

    const second = makeOrder({ number: 2 })
    kds.pushEvent(newEvent(4, second))
    kds.pushEvent(conditionEvent(5, first._id, 'COOKING'))
    expect(board.seq).toBe(5)
    await drawn()
    expect(board.count).toBe(2)
    expect(board.orders.get(first._id)?.condition).toBe('COOKING')
    expect(board.columns.map((c) => [c.condition, c.orders.length])).toEqual([
      ['NEW', 1],
      ['COOKING', 1],
    ])
    expect(kds.snapshotCalls).toBe(1)
  })

  it('redraws a lone event at once and a burst once, at the next frame', async () => {
    vi.useFakeTimers({ toFake: [...FRAME_TIMERS] })
    const first = makeOrder({ number: 1 })
    kds.setBoard(1, [entryOf(first)])
    const board = useBoardStore()
    await board.start(kds)
    await nextTick()
    vi.advanceTimersByTime(BURST_MS)
    const before = board.version

    kds.pushEvent(newEvent(2, makeOrder({ number: 2 })))
    // At the end of the task that brought it, before the screen is drawn.
    expect(board.version).toBe(before)
    await Promise.resolve()
    expect(board.version).toBe(before + 1)
    expect(board.count).toBe(2)
    await nextTick()

    // Right after that redraw: a rush (or a backlog), drawn once at the next frame.
    kds.pushEvent(newEvent(3, makeOrder({ number: 3 })))
    kds.pushEvent(conditionEvent(4, first._id, 'COOKING'))
    await Promise.resolve()
    expect(board.version).toBe(before + 1)
    expect(board.seq).toBe(4)
    vi.advanceTimersByTime(FRAME_MS)
    expect(board.version).toBe(before + 2)
    expect(board.count).toBe(3)
    expect(board.columns.map((c) => [c.condition, c.orders.length])).toEqual([
      ['NEW', 2],
      ['COOKING', 1],
    ])
  })

  it('draws the events of one task (a frame of a rush) once, at its end', async () => {
    vi.useFakeTimers({ toFake: [...FRAME_TIMERS] })
    const first = makeOrder({ number: 1 })
    kds.setBoard(1, [entryOf(first)])
    const board = useBoardStore()
    await board.start(kds)
    await nextTick()
    vi.advanceTimersByTime(BURST_MS)
    const before = board.version

    kds.pushEvent(newEvent(2, makeOrder({ number: 2 })))
    kds.pushEvent(newEvent(3, makeOrder({ number: 3 })))
    kds.pushEvent(conditionEvent(4, first._id, 'COOKING'))
    await Promise.resolve()
    expect(board.version).toBe(before + 1)
    vi.advanceTimersByTime(BURST_MS)
    expect(board.version).toBe(before + 1)
    expect(board.seq).toBe(4)
    expect(board.count).toBe(3)
  })

  it('subscribes before asking for the snapshot', async () => {
    const board = useBoardStore()
    const started = board.start(kds)
    expect(kds.listeners.size).toBe(1)
    expect(kds.snapshotCalls).toBe(1)
    await started
  })

  it('ignores events it already has (seq at or below its own)', async () => {
    const order = makeOrder()
    kds.setBoard(5, [entryOf(order)])
    const board = useBoardStore()
    await board.start(kds)
    const version = board.version
    kds.pushEvent(conditionEvent(4, order._id, 'CANCELED'))
    kds.pushEvent(conditionEvent(5, order._id, 'CANCELED'))
    expect(board.orders.get(order._id)?.condition).toBe('NEW')
    expect(board.version).toBe(version)
    kds.pushEvent(conditionEvent(6, order._id, 'COOKING'))
    kds.pushEvent(conditionEvent(6, order._id, 'COOKING'))
    expect(board.seq).toBe(6)
    expect(board.orders.get(order._id)?.history).toHaveLength(2)
    expect(kds.snapshotCalls).toBe(1)
  })

  it('takes a fresh snapshot on a gap instead of guessing', async () => {
    const order = makeOrder()
    kds.setBoard(1, [entryOf(order)])
    const board = useBoardStore()
    await board.start(kds)

    const missed = makeOrder({ number: 77 })
    kds.setBoard(3, [entryOf(order, 'COOKING'), entryOf(missed)])
    kds.pushEvent(conditionEvent(4, missed._id, 'COLLECTED'))
    await flushPromises()

    expect(kds.snapshotCalls).toBe(2)
    expect(board.seq).toBe(4)
    expect(board.orders.get(order._id)?.condition).toBe('COOKING')
    expect(board.orders.get(missed._id)?.condition).toBe('COLLECTED')
  })

  it('keeps the events that arrive while the snapshot is in flight', async () => {
    const held = kds.holdSnapshot()
    const board = useBoardStore()
    const started = board.start(kds)

    const early = makeOrder({ number: 1 })
    const late = makeOrder({ number: 2 })
    kds.pushEvent(newEvent(1, early)) // already in the snapshot
    kds.pushEvent(newEvent(2, late)) // newer than the snapshot
    kds.pushEvent(conditionEvent(3, early._id, 'COOKING'))
    expect(board.count).toBe(0)

    held.resolve({ seq: 1, orders: [entryOf(early)] })
    await started
    expect(board.seq).toBe(3)
    expect(board.count).toBe(2)
    expect(board.orders.get(early._id)?.condition).toBe('COOKING')
    expect(board.orders.get(late._id)?.order?.number).toBe(2)
    expect(kds.snapshotCalls).toBe(1)
  })

  it('asks again when more arrived during a snapshot than it could keep, with nothing after', async () => {
    const held = kds.holdSnapshot()
    const board = useBoardStore()
    const started = board.start(kds)
    const order = makeOrder()
    const last = MAX_BUFFERED + 5
    // A rush while the snapshot is in flight, then silence: no later event will show a gap.
    for (let seq = 2; seq <= last; seq += 1) {
      kds.pushEvent(conditionEvent(seq, order._id, seq === last ? 'COLLECTED' : `STEP_${seq}`))
    }
    kds.setBoard(last, [entryOf(order, 'COLLECTED')])
    held.resolve({ seq: 1, orders: [entryOf(order)] })
    await started
    await flushPromises()
    expect(kds.snapshotCalls).toBe(2)
    expect(board.seq).toBe(last)
    expect(board.orders.get(order._id)?.condition).toBe('COLLECTED')
  })

  it('asks again after a failed snapshot, and still keeps what arrived meanwhile', async () => {
    vi.useFakeTimers()
    const held = kds.holdSnapshot()
    const board = useBoardStore()
    const started = board.start(kds)
    held.reject(new Error('core not ready'))
    await started
    expect(board.error).toBe('core not ready')
    expect(board.loaded).toBe(false)

    const order = makeOrder()
    kds.pushEvent(newEvent(1, order))
    kds.setBoard(0, [])
    await vi.advanceTimersByTimeAsync(SNAPSHOT_RETRY_MS)
    expect(kds.snapshotCalls).toBe(2)
    expect(board.error).toBeNull()
    expect(board.loaded).toBe(true)
    expect(board.seq).toBe(1)
    expect(board.orders.has(order._id)).toBe(true)
  })

  it('takes a fresh snapshot when the link to the core is back, without waiting for a gap', async () => {
    const order = makeOrder()
    kds.setBoard(7, [entryOf(order)])
    const board = useBoardStore()
    await board.start(kds)
    kds.setBoard(2, [entryOf(order, 'COOKING')]) // a restarted core may even count from lower
    kds.push({ type: 'resumed' })
    await flushPromises()
    expect(kds.snapshotCalls).toBe(2)
    expect(board.seq).toBe(2)
    expect(board.orders.get(order._id)?.condition).toBe('COOKING')
  })

  it("does not snapshot again when the core's own connection to the backend comes back", async () => {
    const order = makeOrder()
    kds.setBoard(7, [entryOf(order)])
    const board = useBoardStore()
    await board.start(kds)
    kds.pushStatus(coreStatus('offline'))
    kds.pushStatus(coreStatus('connected'))
    // What the core caught up after the outage arrives as events, in sequence.
    kds.pushEvent(conditionEvent(8, order._id, 'COOKING'))
    await flushPromises()
    expect(kds.snapshotCalls).toBe(1)
    expect(board.orders.get(order._id)?.condition).toBe('COOKING')
  })

  it('unsubscribes on stop', async () => {
    const board = useBoardStore()
    await board.start(kds)
    board.stop()
    expect(kds.listeners.size).toBe(0)
  })
})
