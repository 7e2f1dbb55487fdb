import { describe, expect, it } from 'vitest'
import {
  applyChange,
  changeId,
  type BoardChange,
  type BoardOrder,
} from '../../../electron/common/board'
import { TimelineIndex, timelineOf } from '../../../renderer/src/dispatch/timeline'
import { entryOf, makeOrder } from './orders'

const keys = (items: readonly { key: string; entry: BoardOrder }[]) =>
  items.map((item) => `${item.key}@${item.entry.condition}`)

/** Applies `change` as the board store does, telling `index` of the entry before and after. */
function apply(orders: Map<string, BoardOrder>, index: TimelineIndex, change: BoardChange) {
  const id = changeId(change)
  const prev = orders.get(id)
  if (applyChange(orders, change) !== null) index.update(prev, orders.get(id))
}

describe('TimelineIndex', () => {
  it('stays the timeline built anew, change by change, and holds each order as it is now', () => {
    const first = entryOf(makeOrder({ createdAt: 1_000 }), 'NEW', 1_000)
    const second = entryOf(makeOrder({ createdAt: 2_000 }), 'COOKING', 2_000)
    const orders = new Map([first, second].map((entry) => [entry.id, entry]))
    const index = new TimelineIndex()
    index.reset(orders)
    expect(keys(index.items)).toEqual(keys(timelineOf(orders.values())))

    const changes: BoardChange[] = [
      { type: 'order:new', order: makeOrder({ createdAt: 3_000 }), at: 3_000 },
      { type: 'order:condition', id: first.id, condition: 'ACCEPTED', at: 4_000 },
      // The same moment as another change: ties are broken the same way as a sort would.
      { type: 'order:condition', id: second.id, condition: 'COLLECTED', at: 4_000 },
      { type: 'order:bump', id: second.id, at: 5_000 },
      { type: 'order:expire', id: first.id, at: 6_000 },
    ]
    let version = index.version
    for (const change of changes) {
      apply(orders, index, change)
      expect(index.version).toBeGreaterThan(version)
      version = index.version
      expect(keys(index.items)).toEqual(keys(timelineOf(orders.values())))
      for (const item of index.items) expect(item.entry).toBe(orders.get(item.entry.id))
    }
    expect(index.items.some((item) => item.entry.id === first.id)).toBe(false)
  })
})
