import { describe, expect, it } from 'vitest'
import {
  compareConditions,
  conditionInfo,
  KNOWN_CONDITIONS,
} from '../../electron/common/conditions'

describe('condition catalogue', () => {
  it('knows the spec conditions in lifecycle order', () => {
    expect(conditionInfo('NEW').rank).toBeLessThan(conditionInfo('COLLECTED').rank)
    expect(conditionInfo('COLLECTED').label.ru).toBe('Собран')
    const ranks = KNOWN_CONDITIONS.map((c) => c.rank)
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks)
  })

  it('falls back to the raw string for an unknown condition, sorted after the known', () => {
    const info = conditionInfo('WAITING_FOR_COURIER')
    expect(info.label).toEqual({ ru: 'WAITING_FOR_COURIER', en: 'WAITING_FOR_COURIER' })
    expect(info.final).toBe(false)
    expect(['ZED', 'NEW', 'ALPHA', 'COLLECTED'].sort(compareConditions)).toEqual([
      'NEW',
      'COLLECTED',
      'ALPHA',
      'ZED',
    ])
  })

  it('marks only finished conditions final', () => {
    expect(KNOWN_CONDITIONS.filter((c) => c.final).map((c) => c.code)).toEqual([
      'DELIVERED',
      'COMPLETED',
      'CANCELED',
    ])
  })
})
