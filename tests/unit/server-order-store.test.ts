import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OrderSchema, type Order } from '../../electron/common/protocol/schemas'
import { OrderStore } from '../../electron/server/order-store'

const example = OrderSchema.parse(
  JSON.parse(readFileSync(new URL('../fixtures/order-new.json', import.meta.url), 'utf8')),
)
const order = (n: number): Order => ({
  ...example,
  _id: `6263bda571a52b2d541ec${String(n).padStart(3, '0')}`,
  number: n,
  createdAt: 1_000 + n,
  updatedAt: 1_000 + n,
})

describe('order store', () => {
  it('lists newest first and finds by id', () => {
    const store = new OrderStore()
    ;[1, 2, 3].forEach((n) => store.add(order(n)))
    expect(store.list().map((o) => o.number)).toEqual([3, 2, 1])
    expect(store.get(order(2)._id)?.number).toBe(2)
    expect(store.get('missing')).toBeUndefined()
  })

  it('changes a condition without moving the order', () => {
    const store = new OrderStore()
    ;[1, 2, 3].forEach((n) => store.add(order(n)))
    const updated = store.setCondition(order(1)._id, 'COOKING', 5_000)
    expect(updated).toMatchObject({ condition: 'COOKING', updatedAt: 5_000, createdAt: 1_001 })
    expect(store.list().map((o) => o.number)).toEqual([3, 2, 1])
    expect(store.setCondition('missing', 'COOKING', 5_000)).toBeUndefined()
  })

  it('filters by updatedAt and limits', () => {
    const store = new OrderStore()
    ;[1, 2, 3, 4].forEach((n) => store.add(order(n)))
    store.setCondition(order(1)._id, 'ACCEPTED', 9_000)
    expect(store.list({ since: 1_003 }).map((o) => o.number)).toEqual([4, 3, 1])
    expect(store.list({ limit: 2 }).map((o) => o.number)).toEqual([4, 3])
  })

  it('forgets the oldest orders past its capacity', () => {
    const store = new OrderStore(3)
    ;[1, 2, 3, 4, 5].forEach((n) => store.add(order(n)))
    expect(store.size).toBe(3)
    expect(store.list().map((o) => o.number)).toEqual([5, 4, 3])
  })
})
