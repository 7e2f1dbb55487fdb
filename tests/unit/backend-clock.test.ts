import { describe, expect, it } from 'vitest'
import { BackendClock } from '../../electron/core/backend-clock'
import { fetchResync } from '../../electron/core/resync'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const T0 = Date.UTC(2026, 2, 14, 12, 0, 0)

/** A clock whose wall and monotonic clocks the test moves by hand. */
function setup(retentionMs?: number) {
  const time = { wall: T0, mono: 5_000 }
  const clock = new BackendClock({
    wallNow: () => time.wall,
    monoNow: () => time.mono,
    retentionMs,
  })
  const changes: number[] = []
  clock.on('change', (status) => changes.push(status.offsetMs))
  /** Lets `ms` pass on both clocks. */
  const pass = (ms: number) => {
    time.wall += ms
    time.mono += ms
  }
  /** An order made on the backend (`offset` ahead of us) `delay` ms ago, arriving now live. */
  const order = (offset: number, delay = 5) => {
    const made = time.wall + offset - delay
    return clock.liveOrder({ createdAt: made, updatedAt: made }, time.wall)
  }
  return { time, clock, changes, pass, order }
}

describe('BackendClock', () => {
  it('knows nothing before anything arrives', () => {
    const { clock } = setup()
    expect(clock.status).toEqual({ offsetMs: 0, source: 'none', skewed: false })
  })

  it.each([
    ['ahead', 10 * MINUTE],
    ['behind', -10 * MINUTE],
  ])('finds a backend 10 minutes %s from live orders, to the quickest arrival', (_, offset) => {
    const { clock, pass, order } = setup()
    for (const delay of [40, 5, 300, 12, 2_000]) {
      expect(order(offset, delay)).toBe(true)
      pass(30_000)
    }
    expect(clock.status.source).toBe('events')
    expect(clock.status.skewed).toBe(true)
    // The bound of the quickest arrival (5 ms), within the one-second publishing step.
    expect(Math.abs(clock.status.offsetMs - (offset - 5))).toBeLessThan(1_000)
  })

  it('shows no skew under a minute', () => {
    const { clock, order } = setup()
    order(45_000)
    expect(clock.status).toMatchObject({ source: 'events', skewed: false })
    expect(Math.abs(clock.status.offsetMs - 45_000)).toBeLessThan(1_000)
  })

  it('is not moved by one odd order, either way, among others', () => {
    const { clock, pass, order } = setup()
    for (let i = 0; i < 4; i += 1) {
      order(0)
      pass(10_000)
    }
    // An order stamped an hour in the future, then one four years old: both implausible.
    expect(order(HOUR)).toBe(false)
    pass(10_000)
    expect(order(-4 * 365 * 24 * HOUR)).toBe(false)
    expect(Math.abs(clock.status.offsetMs)).toBeLessThan(1_000)
    expect(order(0)).toBe(true)
  })

  it('judges the first order against this machine when nothing else is known', () => {
    const { clock, pass, order } = setup()
    // The seed's order of 2022 as the very first: older than the retention, so it ages from arrival.
    const seed = clock.liveOrder({ createdAt: 1650703781870, updatedAt: 1650703781870 }, T0)
    expect(seed).toBe(false)
    pass(1_000)
    // The next live order outvotes it at once, and is plausible itself.
    expect(order(0)).toBe(true)
    expect(Math.abs(clock.status.offsetMs)).toBeLessThan(1_000)
  })

  it('takes a Date header as the anchor, and lets agreeing orders refine it', () => {
    const { clock, time, pass, order } = setup()
    const date = new Date(time.wall + 10 * MINUTE).toUTCString()
    clock.httpDate(date, time.mono - 20, time.mono)
    expect(clock.status.source).toBe('http-date')
    expect(Math.abs(clock.status.offsetMs - 10 * MINUTE)).toBeLessThanOrEqual(1_000)
    // With the anchor, the seed's old order is an odd one: it neither moves the clock nor passes.
    expect(clock.liveOrder({ createdAt: 1650703781870, updatedAt: 1650703781870 }, time.wall)).toBe(
      false,
    )
    expect(clock.status.source).toBe('http-date')
    pass(1_000)
    expect(order(10 * MINUTE + 250)).toBe(true)
    expect(clock.status.source).toBe('events')
    expect(Math.abs(clock.status.offsetMs - (10 * MINUTE + 245))).toBeLessThan(1_000)
  })

  it('ignores a missing or unreadable Date header', () => {
    const { clock } = setup()
    clock.httpDate(null, 0, 1)
    clock.httpDate('yesterday-ish', 0, 1)
    expect(clock.status.source).toBe('none')
  })

  it('follows a step of this machine’s clock at once, without new orders', () => {
    const { clock, time, pass, order } = setup()
    order(0)
    pass(1_000)
    // NTP sets this machine's clock back by an hour: the backend is now an hour ahead of it.
    time.wall -= HOUR
    clock.refresh()
    expect(clock.status.skewed).toBe(true)
    expect(Math.abs(clock.status.offsetMs - HOUR)).toBeLessThan(1_000)
    // Orders made before the step still show their true age: createdAt against now plus offset.
    pass(1_000)
    expect(order(HOUR)).toBe(true)
  })

  it('follows a skew that appears mid-shift after three agreeing orders', () => {
    const { clock, pass, order, changes } = setup()
    for (let i = 0; i < 10; i += 1) {
      order(0)
      pass(60_000)
    }
    expect(Math.abs(clock.status.offsetMs)).toBeLessThan(1_000)
    // The backend's clock is set 10 minutes back: the first such order is an odd one...
    order(-10 * MINUTE)
    pass(60_000)
    expect(Math.abs(clock.status.offsetMs)).toBeLessThan(1_000)
    order(-10 * MINUTE)
    pass(60_000)
    // ...the third agreeing one makes it the clock, although the window holds ten older ones.
    order(-10 * MINUTE)
    expect(Math.abs(clock.status.offsetMs + 10 * MINUTE)).toBeLessThan(1_000)
    expect(clock.status.skewed).toBe(true)
    expect(changes.at(-1)).toBe(clock.status.offsetMs)
  })

  it('publishes in steps of a second, not for every millisecond of delay', () => {
    const { clock, pass, order, changes } = setup()
    for (const delay of [30, 10, 80, 20, 5, 60]) {
      order(0, delay)
      pass(1_000)
    }
    expect(changes).toEqual([clock.status.offsetMs])
  })

  it('forgets samples older than two hours and a reset forgets everything', () => {
    const { clock, pass, order } = setup()
    order(10 * MINUTE)
    pass(3 * HOUR)
    clock.refresh()
    expect(clock.status.source).toBe('none')
    order(10 * MINUTE)
    clock.reset()
    expect(clock.status).toEqual({ offsetMs: 0, source: 'none', skewed: false })
  })

  it('calls an order from the near future plausible, and one beyond two minutes not', () => {
    const { clock, time, order } = setup()
    order(0)
    expect(clock.plausible(time.wall + 90_000, time.wall)).toBe(true)
    expect(clock.plausible(time.wall + 3 * MINUTE, time.wall)).toBe(false)
    expect(clock.plausible(time.wall - 23 * HOUR, time.wall)).toBe(true)
    expect(clock.plausible(time.wall - 25 * HOUR, time.wall)).toBe(false)
  })
})

describe('the resync answer', () => {
  it('tells the clock its Date header, even when the answer is refused', async () => {
    const { clock, time } = setup()
    const date = new Date(time.wall - 10 * MINUTE).toUTCString()
    const answer = (status: number) => async () =>
      new Response(status === 200 ? '[]' : 'no', { status, headers: { date } })
    await fetchResync({ url: 'http://127.0.0.1:9/orders', token: 't' }, null, {
      fetch: answer(200),
      clock,
    })
    expect(clock.status.source).toBe('http-date')
    expect(Math.abs(clock.status.offsetMs + 10 * MINUTE)).toBeLessThanOrEqual(1_000)
    clock.reset()
    await expect(
      fetchResync({ url: 'http://127.0.0.1:9/orders', token: 't' }, null, {
        fetch: answer(503),
        clock,
      }),
    ).rejects.toThrow('answered 503')
    expect(clock.status.source).toBe('http-date')
  })
})
