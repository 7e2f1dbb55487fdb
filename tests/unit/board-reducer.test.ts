import { describe, expect, it } from 'vitest'
import { applyChange, reduceOrder, type BoardOrder } from '../../electron/common/board'
import { parseOrder } from '../../electron/common/protocol/events'
import type { Order } from '../../electron/common/protocol/schemas'
import { exampleOrder } from '../fixtures/load'

function order(overrides: Record<string, unknown> = {}): Order {
  const parsed = parseOrder(exampleOrder(overrides))
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value
}

const ID = '6263bda571a52b2d541ec5f7'

describe('reduceOrder', () => {
  it('adds a new order with its condition as the first history entry', () => {
    const next = reduceOrder(undefined, { type: 'order:new', order: order(), at: 100 })
    expect(next).toMatchObject({ id: ID, condition: 'NEW', receivedAt: 100, changedAt: 100 })
    expect(next.history).toEqual([{ condition: 'NEW', at: 100 }])
  })

  it('sets the condition and appends to the history', () => {
    const added = reduceOrder(undefined, { type: 'order:new', order: order(), at: 100 })
    const next = reduceOrder(added, {
      type: 'order:condition',
      id: ID,
      condition: 'COLLECTED',
      at: 200,
    })
    expect(next.condition).toBe('COLLECTED')
    expect(next.history).toEqual([
      { condition: 'NEW', at: 100 },
      { condition: 'COLLECTED', at: 200 },
    ])
    expect(added.history).toHaveLength(1)
  })

  it('returns the same object for a repeated condition, so duplicates are visible', () => {
    const added = reduceOrder(undefined, { type: 'order:new', order: order(), at: 100 })
    expect(reduceOrder(added, { type: 'order:condition', id: ID, condition: 'NEW', at: 150 })).toBe(
      added,
    )
  })

  it('keeps a condition for an unknown order until its order arrives', () => {
    const early = reduceOrder(undefined, {
      type: 'order:condition',
      id: ID,
      condition: 'COOKING',
      at: 50,
    })
    expect(early).toMatchObject({ id: ID, order: null, condition: 'COOKING' })
    const late = reduceOrder(early, { type: 'order:new', order: order(), at: 60 })
    expect(late.order?._id).toBe(ID)
    expect(late.condition).toBe('COOKING')
    expect(late.history).toEqual([{ condition: 'COOKING', at: 50 }])
    expect(late.receivedAt).toBe(50)
  })

  it('replaces a repeated order with a different condition, taking it', () => {
    const first = reduceOrder(undefined, { type: 'order:new', order: order(), at: 100 })
    const again = reduceOrder(first, {
      type: 'order:new',
      order: order({ condition: 'COLLECTED', phone: '+7(900)000-00-00' }),
      at: 300,
    })
    expect(again.order?.phone).toBe('+7(900)000-00-00')
    expect(again.condition).toBe('COLLECTED')
    expect(again.history.map((h) => h.condition)).toEqual(['NEW', 'COLLECTED'])
  })
})

describe('a repeated order', () => {
  const first = reduceOrder(undefined, { type: 'order:new', order: order(), at: 100 })
  const updatedAt = first.order?.updatedAt ?? 0

  it('changes nothing when it is older than what the board has', () => {
    const stale = order({ updatedAt: updatedAt - 1, condition: 'COOKING' })
    expect(reduceOrder(first, { type: 'order:new', order: stale, at: 200 })).toBe(first)
  })

  it('does not roll back a condition that arrived after the order', () => {
    const cooking = reduceOrder(first, {
      type: 'order:condition',
      id: ID,
      condition: 'COOKING',
      at: 150,
    })
    expect(reduceOrder(cooking, { type: 'order:new', order: order(), at: 200 })).toBe(cooking)
  })

  it('lets a change that came while a resync was in flight win over the resync', () => {
    const collected = reduceOrder(first, {
      type: 'order:condition',
      id: ID,
      condition: 'COLLECTED',
      at: 500,
    })
    const listed = order({ updatedAt: updatedAt + 10, condition: 'COOKING' })
    const resync = { type: 'order:new' as const, order: listed, at: 400, resync: true }
    expect(reduceOrder(collected, resync)).toBe(collected)
    expect(reduceOrder(first, resync).condition).toBe('COOKING')
  })

  it('marks an order first learned from a resync, and only then', () => {
    const resynced = reduceOrder(undefined, {
      type: 'order:new',
      order: order(),
      at: 1,
      resync: true,
    })
    expect(resynced.resynced).toBe(true)
    expect(first.resynced).toBeUndefined()
    const newer = order({ updatedAt: updatedAt + 1, phone: '+7(900)111-11-11' })
    const again = reduceOrder(first, { type: 'order:new', order: newer, at: 300, resync: true })
    expect(again.resynced).toBeUndefined()
    expect(again.order?.phone).toBe('+7(900)111-11-11')
  })
})

describe('applyChange', () => {
  it('keeps one entry per _id and reports only real changes', () => {
    const orders = new Map<string, BoardOrder>()
    expect(applyChange(orders, { type: 'order:new', order: order(), at: 1 })).not.toBeNull()
    expect(applyChange(orders, { type: 'order:new', order: order(), at: 2 })).toBeNull()
    expect(orders.size).toBe(1)
    const other = order({ _id: 'aaaaaaaaaaaaaaaaaaaaaaaa' })
    applyChange(orders, { type: 'order:new', order: other, at: 3 })
    expect(orders.size).toBe(2)
    expect(
      applyChange(orders, { type: 'order:condition', id: other._id, condition: 'NEW', at: 4 }),
    ).toBeNull()
  })
})

describe('bump and recall', () => {
  it('bumps once, recalls once, and ignores marks on orders the board does not have', () => {
    const orders = new Map<string, BoardOrder>()
    expect(applyChange(orders, { type: 'order:bump', id: ID, at: 5 })).toBeNull()
    applyChange(orders, { type: 'order:new', order: order(), at: 10 })
    expect(applyChange(orders, { type: 'order:bump', id: ID, at: 20 })?.bumpedAt).toBe(20)
    expect(applyChange(orders, { type: 'order:bump', id: ID, at: 30 })).toBeNull()
    expect(orders.get(ID)?.bumpedAt).toBe(20)
    const recalled = applyChange(orders, { type: 'order:recall', id: ID, at: 40 })
    expect(recalled).not.toBeNull()
    expect(recalled?.bumpedAt).toBeUndefined()
    expect(recalled?.history).toEqual([{ condition: 'NEW', at: 10 }])
    expect(applyChange(orders, { type: 'order:recall', id: ID, at: 50 })).toBeNull()
  })

  it('keeps a bump across later condition changes', () => {
    const orders = new Map<string, BoardOrder>()
    applyChange(orders, { type: 'order:new', order: order(), at: 10 })
    applyChange(orders, { type: 'order:bump', id: ID, at: 20 })
    applyChange(orders, { type: 'order:condition', id: ID, condition: 'DELIVERING', at: 30 })
    expect(orders.get(ID)).toMatchObject({ bumpedAt: 20, condition: 'DELIVERING' })
  })
})
