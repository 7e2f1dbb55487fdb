import { describe, expect, it } from 'vitest'
import { applyChange, type BoardChange, type BoardOrder } from '../../electron/common/board'
import { kitchenOrder } from '../fixtures/kitchen-orders'

const ID = 'o1'

function board(): Map<string, BoardOrder> {
  const orders = new Map<string, BoardOrder>()
  applyChange(orders, {
    type: 'order:new',
    order: kitchenOrder(ID, 1, ['Суп', 'Салат', 'Суп-пюре']),
    at: 1,
  })
  return orders
}

const apply = (orders: Map<string, BoardOrder>, ...changes: BoardChange[]) =>
  changes.map((change) => applyChange(orders, change))

describe('item marks', () => {
  it('strikes an item through and back, and a repeat changes nothing', () => {
    const orders = board()
    const [done, again] = apply(
      orders,
      { type: 'item:done', id: ID, item: 2, done: true, at: 5 },
      { type: 'item:done', id: ID, item: 2, done: true, at: 6 },
    )
    expect(done?.itemsDone).toEqual([2])
    expect(done?.changedAt).toBe(5)
    expect(again).toBeNull()
    apply(orders, { type: 'item:done', id: ID, item: 0, done: true, at: 7 })
    expect(orders.get(ID)?.itemsDone).toEqual([0, 2])
    apply(orders, { type: 'item:done', id: ID, item: 2, done: false, at: 8 })
    apply(orders, { type: 'item:done', id: ID, item: 0, done: false, at: 9 })
    expect(orders.get(ID)).not.toHaveProperty('itemsDone')
  })

  it('ignores an item the order does not have, and an order the board does not have', () => {
    const orders = board()
    const [outOfRange, unknown] = apply(
      orders,
      { type: 'item:done', id: ID, item: 3, done: true, at: 5 },
      { type: 'item:done', id: 'nope', item: 0, done: true, at: 5 },
    )
    expect(outOfRange).toBeNull()
    expect(unknown).toBeNull()
  })
})

describe('station bump and recall', () => {
  it('marks the station and its items done; a repeat changes nothing', () => {
    const orders = board()
    apply(orders, { type: 'item:done', id: ID, item: 1, done: true, at: 2 })
    const [bumped, repeat] = apply(
      orders,
      { type: 'station:bump', id: ID, station: 'hot', items: [0, 2], at: 3 },
      { type: 'station:bump', id: ID, station: 'hot', items: [0, 2], at: 4 },
    )
    expect(bumped).toMatchObject({
      itemsDone: [0, 1, 2],
      stationsDone: ['hot'],
      stationsDoneAt: { hot: 3 },
      changedAt: 3,
    })
    expect(repeat).toBeNull()
    apply(orders, { type: 'station:bump', id: ID, station: 'cold', items: [1], at: 5 })
    expect(orders.get(ID)).toMatchObject({
      stationsDone: ['hot', 'cold'],
      stationsDoneAt: { hot: 3, cold: 5 },
    })
  })

  it('brings a ticket back to a station with its items open again', () => {
    const orders = board()
    apply(
      orders,
      { type: 'station:bump', id: ID, station: 'hot', items: [0, 2], at: 3 },
      { type: 'station:bump', id: ID, station: 'cold', items: [1], at: 4 },
    )
    const [recalled, again] = apply(
      orders,
      { type: 'station:recall', id: ID, station: 'hot', items: [0, 2], at: 6 },
      { type: 'station:recall', id: ID, station: 'hot', items: [0, 2], at: 7 },
    )
    expect(recalled).toMatchObject({
      itemsDone: [1],
      stationsDone: ['cold'],
      stationsDoneAt: { cold: 4 },
    })
    expect(again).toBeNull()
    apply(orders, { type: 'station:recall', id: ID, station: 'cold', items: [1], at: 8 })
    const entry = orders.get(ID)
    expect(entry).not.toHaveProperty('stationsDone')
    expect(entry).not.toHaveProperty('stationsDoneAt')
    expect(entry).not.toHaveProperty('itemsDone')
  })

  it('keeps the expo bump (order:bump) apart from station marks', () => {
    const orders = board()
    apply(
      orders,
      { type: 'station:bump', id: ID, station: 'hot', items: [0, 2], at: 3 },
      { type: 'order:bump', id: ID, at: 4 },
      { type: 'order:recall', id: ID, at: 5 },
    )
    expect(orders.get(ID)).toMatchObject({ stationsDone: ['hot'], itemsDone: [0, 2] })
    expect(orders.get(ID)).not.toHaveProperty('bumpedAt')
  })
})
