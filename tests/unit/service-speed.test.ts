import { describe, expect, it } from 'vitest'
import type { BoardOrder } from '../../electron/common/board'
import { isLate, percentile, scheduledAt, serviceSpeed } from '../../electron/common/service-speed'

const MIN = 60_000
const DAY_START = new Date(2026, 10, 26).getTime()
const at = (hours: number, minutes = 0) => DAY_START + hours * 60 * MIN + minutes * MIN

/** A board entry with `history` as [condition, at] pairs and no order payload. */
function entry(id: string, history: [string, number][], time: number | string | null = null) {
  const changes = history.map(([condition, when]) => ({ condition, at: when }))
  const first = changes[0]?.at ?? 0
  const last = changes.at(-1)
  return {
    id,
    order: time === null ? null : ({ time, createdAt: first } as unknown as BoardOrder['order']),
    condition: last?.condition ?? 'NEW',
    history: changes,
    receivedAt: first,
    changedAt: last?.at ?? first,
  } satisfies BoardOrder
}

describe('percentile', () => {
  it('interpolates between the closest ranks, like PERCENTILE.INC', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([7], 0.9)).toBe(7)
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1)
    expect(percentile([10, 20, 30], 0)).toBe(10)
    expect(percentile([10, 20, 30], 1)).toBe(30)
  })
})

describe('scheduledAt', () => {
  it('reads epoch ms, ISO dates and HH:MM on the day', () => {
    expect(scheduledAt(null, DAY_START)).toBeNull()
    expect(scheduledAt(123, DAY_START)).toBe(123)
    expect(scheduledAt('18:30', DAY_START)).toBe(at(18, 30))
    expect(scheduledAt('2026-11-26T10:00:00Z', DAY_START)).toBe(Date.parse('2026-11-26T10:00:00Z'))
    expect(scheduledAt('к обеду', DAY_START)).toBeNull()
    expect(scheduledAt('25:00', DAY_START)).toBeNull()
  })
})

describe('serviceSpeed', () => {
  const board = [
    // Three orders from NEW: 5, 10 and 15 minutes to ACCEPTED; 20, 30, 40 to DELIVERED.
    entry('a', [
      ['NEW', at(9)],
      ['ACCEPTED', at(9, 5)],
      ['DELIVERED', at(9, 20)],
    ]),
    entry('b', [
      ['NEW', at(9, 30)],
      ['ACCEPTED', at(9, 40)],
      ['COOKING', at(9, 45)],
      ['DELIVERED', at(10)],
    ]),
    entry('c', [
      ['NEW', at(11)],
      ['ACCEPTED', at(11, 15)],
      ['DELIVERED', at(11, 40)],
    ]),
    // Seen first in COOKING: an order of the day, but with no known start.
    entry('d', [
      ['COOKING', at(11, 50)],
      ['DELIVERED', at(11, 55)],
    ]),
    // Open, arrived 25 minutes before now: late at a 20-minute threshold.
    entry('e', [['NEW', at(11, 35)]]),
    // Yesterday's, still open: late, but not one of today's orders.
    entry('f', [['ACCEPTED', at(-3)]]),
  ]
  const speed = serviceSpeed(board, { now: at(12), dayStart: DAY_START, lateMinutes: 20 })

  it('counts the orders of the day, per hour and in the last hour', () => {
    expect(speed.orders).toBe(5)
    expect(speed.perHour[9]).toBe(2)
    expect(speed.perHour[11]).toBe(3)
    expect(speed.perHour.reduce((sum, n) => sum + n, 0)).toBe(5)
    expect(speed.lastHour).toBe(2)
  })

  it('gives the median and 90th percentile from NEW to each later condition', () => {
    expect(speed.conditions.map((c) => c.condition)).toEqual(['ACCEPTED', 'COOKING', 'DELIVERED'])
    const accepted = speed.conditions[0]
    expect(accepted).toEqual({ condition: 'ACCEPTED', count: 3, p50: 10 * MIN, p90: 14 * MIN })
    expect(speed.conditions[1]).toEqual({
      condition: 'COOKING',
      count: 1,
      p50: 15 * MIN,
      p90: 15 * MIN,
    })
    expect(speed.conditions[2]).toMatchObject({ count: 3, p50: 30 * MIN, p90: 38 * MIN })
  })

  it('counts in the last hour what arrived after a clock rounded down to the minute', () => {
    const fresh = [entry('n', [['NEW', at(12, 0) + 30_000]])]
    expect(
      serviceSpeed(fresh, { now: at(12), dayStart: DAY_START, lateMinutes: 20 }).lastHour,
    ).toBe(1)
  })

  it('counts open orders past the threshold as late, finished ones never', () => {
    expect(speed.late).toBe(2)
  })
})

describe('serviceSpeed and test orders', () => {
  const testEntry = (id: string, history: [string, number][]) => {
    const plain = entry(id, history)
    return {
      ...plain,
      order: {
        createdAt: plain.receivedAt,
        time: null,
        isTestOrder: true,
      } as unknown as BoardOrder['order'],
    }
  }
  const real = [
    entry('a', [
      ['NEW', at(9)],
      ['ACCEPTED', at(9, 5)],
    ]),
    entry('b', [['NEW', at(11, 30)]]),
  ]
  const tests = [
    // Fast, in the last hour, and late: had it counted, every figure would move.
    testEntry('t1', [
      ['NEW', at(11, 10)],
      ['ACCEPTED', at(11, 11)],
      ['COOKING', at(11, 12)],
    ]),
    testEntry('t2', [['NEW', at(11, 20)]]),
    // Yesterday's test order: not one of today's, not counted apart either.
    testEntry('t3', [['NEW', at(-3)]]),
  ]
  const options = { now: at(12), dayStart: DAY_START, lateMinutes: 20 }

  it('leaves them out of the orders, the hours, the times and the late count', () => {
    const without = serviceSpeed(real, options)
    const withTests = serviceSpeed([...real, ...tests], options)
    expect(withTests).toEqual({ ...without, testOrders: 2 })
    expect(without).toMatchObject({ orders: 2, lastHour: 1, late: 2, testOrders: 0 })
    expect(withTests.conditions).toEqual([
      { condition: 'ACCEPTED', count: 1, p50: 5 * MIN, p90: 5 * MIN },
    ])
  })
})

describe('isLate', () => {
  const options = { now: at(12), dayStart: DAY_START, lateMinutes: 20 }

  it('holds a scheduled order to its time, not to its age', () => {
    expect(isLate(entry('s', [['NEW', at(8)]], '18:00'), options)).toBe(false)
    expect(isLate(entry('s', [['NEW', at(11, 55)]], '11:58'), options)).toBe(true)
  })

  it('uses the age for an unscheduled open order', () => {
    expect(isLate(entry('x', [['COOKING', at(11, 45)]]), options)).toBe(false)
    expect(isLate(entry('x', [['COOKING', at(11, 30)]]), options)).toBe(true)
    expect(isLate(entry('x', [['CANCELED', at(8)]]), options)).toBe(false)
  })

  it('reads the order’s own times on the backend’s clock, moved by the offset', () => {
    // Created at 11:50 on a backend 10 minutes ahead: 11:40 here, so 20 minutes old at noon.
    const made = entry('b', [['NEW', at(11, 45)]], null)
    const order = { createdAt: at(11, 50), time: null } as unknown as BoardOrder['order']
    const withOrder = { ...made, order }
    expect(isLate(withOrder, options)).toBe(false)
    expect(isLate(withOrder, { ...options, offsetMs: 10 * MIN + 1 })).toBe(true)
    // Scheduled for 12:05 on the backend: 11:55 here, past at noon.
    const scheduled = entry('s', [['NEW', at(11, 40)]], at(12, 5))
    expect(isLate(scheduled, options)).toBe(false)
    expect(isLate(scheduled, { ...options, offsetMs: 10 * MIN })).toBe(true)
    // An order whose createdAt was implausible is aged from its arrival.
    const odd = {
      ...withOrder,
      order: { createdAt: 0, time: null } as unknown as BoardOrder['order'],
    }
    expect(isLate(odd, options)).toBe(true)
    expect(isLate({ ...odd, agesFromArrival: true }, options)).toBe(false)
  })
})
