// @vitest-environment jsdom
// The board store keeps its trackers (and the kitchen store's columns, built on them) up to date
// through live events and snapshots: after a seeded random stream, what the kitchen store shows
// is what derive.ts works out from the store's whole board, and lastChangeAt is the newest change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardEvent } from '../../../electron/common/board'
import { chance, intBetween, pick, seededRandom } from '../../../electron/server/random'
import { arrange, kitchenColumns, lateCount } from '../../../renderer/src/kitchen/derive'
import { useKitchenStore } from '../../../renderer/src/kitchen/kitchen-store'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { FakeKds } from './fake-kds'
import { withBoardLayout } from './layout'
import { freshPinia } from './mount'
import { entryOf, makeOrder } from './orders'

withBoardLayout('columns')

let kds: FakeKds

beforeEach(() => {
  localStorage.clear()
  freshPinia()
  kds = new FakeKds()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  useClockStore().now = 50_000
})

afterEach(() => {
  useBoardStore().stop()
  vi.useRealTimers()
})

describe('board tracking', () => {
  it('keeps the kitchen columns and the newest change right through events and snapshots', async () => {
    const random = seededRandom(11)
    kds.setBoard(1, [entryOf(makeOrder({ createdAt: 1_000 }), 'ACCEPTED')])
    const board = useBoardStore()
    await board.start(kds)
    const kitchen = useKitchenStore()
    let seq = 1
    const ids: string[] = [...board.orders.keys()]
    for (let step = 0; step < 200; step += 1) {
      seq += 1
      const at = 2_000 + step * intBetween(random, 0, 300)
      let event: BoardEvent
      if (ids.length < 3 || chance(random, 0.35)) {
        const order = makeOrder({ createdAt: intBetween(random, 0, 40_000) })
        ids.push(order._id)
        event = { type: 'order:new', order, at, seq }
      } else if (chance(random, 0.6)) {
        const condition = pick(random, ['NEW', 'ACCEPTED', 'COOKING', 'DELIVERED'])
        event = { type: 'order:condition', id: pick(random, ids), condition, at, seq }
      } else if (chance(random, 0.5)) {
        event = { type: 'order:bump', id: pick(random, ids), at, seq }
      } else {
        event = { type: 'order:expire', id: pick(random, ids), at, seq }
      }
      if (chance(random, 0.05)) {
        // The core's board moves on without the page (a gap): the page takes a snapshot.
        kds.setBoard(seq, [...board.orders.values()])
        await board.resync()
      } else {
        kds.pushEvent(event)
      }
      await vi.runAllTimersAsync()
      const full = kitchenColumns(
        board.orders.values(),
        {
          mode: 'all',
          hideTest: false,
          hidden: new Set(['DELIVERED', 'COMPLETED', 'CANCELED']),
          search: '',
        },
        kitchen.rules,
      )
      const now = useClockStore().now
      expect(kitchen.columns.map((c) => [c.condition, c.orders.map((o) => o.id)])).toEqual(
        full.map((c) => [c.condition, arrange(c, lateCount(c, now)).map((o) => o.id)]),
      )
      const newest = Math.max(...[...board.orders.values()].map((entry) => entry.changedAt))
      expect(board.lastChangeAt).toBe(board.orders.size === 0 ? null : newest)
    }
  })
})
