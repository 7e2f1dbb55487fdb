import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../electron/core/backoff'

const options = { baseMs: 500, maxMs: 30_000, jitter: 0.5 }

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const noJitter = () => 0
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, options, noJitter))).toEqual([
      500, 1000, 2000, 4000,
    ])
    expect(backoffDelay(7, options, noJitter)).toBe(30_000)
    expect(backoffDelay(10_000, options, noJitter)).toBe(30_000)
  })

  it('takes up to the jitter share off, never more', () => {
    expect(backoffDelay(1, options, () => 0.999999)).toBe(250)
    expect(backoffDelay(20, options, () => 0.5)).toBe(22_500)
  })
})
