import { afterEach, describe, expect, it, vi } from 'vitest'
import { KNOWN_CONDITIONS } from '../../electron/common/conditions'
import type { Order } from '../../electron/common/protocol/schemas'
import { CANCEL_SHARE, planLifecycle } from '../../electron/server/lifecycle'
import { silentLogger } from '../../electron/server/logger'
import { DEMO_MENU } from '../../electron/server/menu'
import { createOrderFactory } from '../../electron/server/order-factory'
import { seededRandom } from '../../electron/server/random'
import { startSimulator } from '../../electron/server/simulator'

const DELIVERY_PATH = ['ACCEPTED', 'COOKING', 'COLLECTED', 'DELIVERING', 'DELIVERED']
const PICKUP_PATH = ['ACCEPTED', 'COOKING', 'COLLECTED', 'COMPLETED']

/** Whether `conditions` (after NEW) is a lifecycle the kitchen could really go through. */
function isRealistic(conditions: string[], delivery: boolean): boolean {
  const path = delivery ? DELIVERY_PATH : PICKUP_PATH
  if (conditions.at(-1) === 'CANCELED') {
    const before = conditions.slice(0, -1)
    return before.length <= 1 && before.every((c, i) => c === path[i])
  }
  return conditions.every((c, i) => c === path[i])
}

describe('lifecycle plan', () => {
  it('follows the kitchen, with known condition codes and positive pauses', () => {
    const random = seededRandom(11)
    const known = new Set(KNOWN_CONDITIONS.map((info) => info.code))
    let cancelled = 0
    for (let i = 0; i < 2_000; i += 1) {
      const delivery = i % 2 === 0
      const plan = planLifecycle(delivery, random)
      const conditions = plan.map((step) => step.condition)
      expect(isRealistic(conditions, delivery), conditions.join(' → ')).toBe(true)
      if (conditions.at(-1) === 'CANCELED') cancelled += 1
      else expect(conditions).toEqual(delivery ? DELIVERY_PATH : PICKUP_PATH)
      for (const step of plan) {
        expect(known.has(step.condition)).toBe(true)
        expect(step.delayMs).toBeGreaterThanOrEqual(30_000)
      }
    }
    expect(cancelled / 2_000).toBeGreaterThan(CANCEL_SHARE / 2)
    expect(cancelled / 2_000).toBeLessThan(CANCEL_SHARE * 2)
  })
})

describe('simulator', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A simulator over an in-memory list of orders, on fake timers. */
  function simulate(ordersPerMinute: number) {
    vi.useFakeTimers()
    const random = seededRandom(9)
    const factory = createOrderFactory({ menu: DEMO_MENU, now: Date.now, random })
    const orders = new Map<string, Order>()
    const changes: { id: string; condition: string }[] = []
    const simulator = startSimulator({
      ordersPerMinute,
      random,
      logger: silentLogger,
      createOrder: () => {
        const created = factory.create()
        if (created.ok) orders.set(created.value._id, created.value)
        return created.ok ? created.value : undefined
      },
      conditionOf: (id) => orders.get(id)?.condition,
      updateCondition: (id, condition) => {
        const order = orders.get(id)
        if (order !== undefined) orders.set(id, { ...order, condition })
        changes.push({ id, condition })
      },
    })
    return { simulator, orders, changes }
  }

  it('creates about N orders a minute and walks each through its lifecycle', () => {
    const { simulator, orders, changes } = simulate(6)
    vi.advanceTimersByTime(60 * 60_000)
    expect(orders.size).toBeGreaterThan(300)
    expect(orders.size).toBeLessThan(420)
    for (const order of orders.values()) {
      const path = changes.filter((c) => c.id === order._id).map((c) => c.condition)
      expect(isRealistic(path, order.delivery), path.join(' → ')).toBe(true)
    }
    // The first orders of the hour are done by its end.
    const finals = [...orders.values()].filter((o) =>
      ['DELIVERED', 'COMPLETED', 'CANCELED'].includes(o.condition),
    )
    expect(finals.length).toBeGreaterThan(100)
    simulator.stop()
  })

  it('lets go of an order someone else changed', () => {
    const { simulator, orders, changes } = simulate(1)
    vi.advanceTimersByTime(90_000)
    const [first] = orders.values()
    if (first === undefined) throw new Error('no order within 90 s at 1 a minute')
    orders.set(first._id, { ...first, condition: 'CANCELED' })
    vi.advanceTimersByTime(120 * 60_000)
    expect(changes.filter((c) => c.id === first._id).length).toBeLessThanOrEqual(1)
    expect(orders.get(first._id)?.condition).toBe('CANCELED')
    simulator.stop()
  })

  it('scales every pause and leaves no timer behind when stopped', () => {
    const { simulator, orders } = simulate(6)
    expect(simulator.pending()).toBe(1)
    vi.advanceTimersByTime(60_000)
    expect(simulator.pending()).toBeGreaterThan(1)
    simulator.stop()
    expect(simulator.pending()).toBe(0)
    const count = orders.size
    vi.advanceTimersByTime(60 * 60_000)
    expect(orders.size).toBe(count)
    expect(vi.getTimerCount()).toBe(0)
  })
})
