import { describe, expect, it } from 'vitest'
import { timingOf } from '../../../renderer/src/kitchen/schedule'
import { entryOf, makeOrder } from './orders'

const MINUTE = 60_000

describe('timingOf', () => {
  it('an unscheduled order is due lateMinutes after it started; a scheduled one at its time', () => {
    const rules = { lateMinutes: 20, prepMinutes: 15, offsetMs: 0 }
    const plain = entryOf(makeOrder({ createdAt: 1_000_000, time: null }))
    expect(timingOf(plain, rules)).toEqual({
      due: 1_000_000 + 20 * MINUTE,
      start: 1_000_000,
      scheduled: null,
    })
    const at = 9_000_000
    const scheduled = entryOf(makeOrder({ createdAt: 1_000_000, time: at }))
    expect(timingOf(scheduled, rules)).toEqual({ due: at, start: at - 15 * MINUTE, scheduled: at })
  })

  it('is worked out once per entry and rules, and again for new rules or a changed entry', () => {
    const order = makeOrder({ createdAt: 1_000_000, time: null })
    const entry = entryOf(order)
    const rules = { lateMinutes: 20, prepMinutes: 15, offsetMs: 0 }
    expect(timingOf(entry, rules)).toBe(timingOf(entry, rules))
    expect(timingOf(entry, { lateMinutes: 30, prepMinutes: 15, offsetMs: 0 }).due).toBe(
      1_000_000 + 30 * MINUTE,
    )
    // A finished order is never late: the changed entry (a new object) gets its own timing.
    const done = { ...entry, condition: 'COMPLETED' }
    expect(timingOf(done, rules).due).toBe(Infinity)
    expect(timingOf(entry, rules).due).toBe(1_000_000 + 20 * MINUTE)
  })

  it('moves the backend’s times onto this machine’s clock by the offset, or ages from arrival', () => {
    // The backend is 10 minutes ahead: its createdAt and scheduled time are 10 minutes later than
    // the same moments on this machine's clock.
    const rules = { lateMinutes: 20, prepMinutes: 15, offsetMs: 10 * MINUTE }
    const plain = entryOf(makeOrder({ createdAt: 100 * MINUTE, time: null }))
    expect(timingOf(plain, rules)).toMatchObject({ start: 90 * MINUTE, due: 110 * MINUTE })
    const scheduled = entryOf(makeOrder({ createdAt: 100 * MINUTE, time: 200 * MINUTE }))
    expect(timingOf(scheduled, rules)).toEqual({
      due: 190 * MINUTE,
      start: 175 * MINUTE,
      scheduled: 190 * MINUTE,
    })
    const odd = { ...entryOf(makeOrder({ createdAt: 1 })), agesFromArrival: true as const }
    expect(timingOf(odd, rules).start).toBe(odd.receivedAt)
  })
})
