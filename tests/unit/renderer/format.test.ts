// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  ageParts,
  elapsedLevel,
  formatElapsed,
  formatMoney,
  formatScheduled,
} from '../../../renderer/src/format'

const thresholds = { warnMinutes: 10, lateMinutes: 20 }
const MIN = 60_000

describe('format', () => {
  it('writes ages as m:ss, then h:mm:ss, never negative', () => {
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(65_400)).toBe('1:05')
    expect(formatElapsed(3_725_000)).toBe('1:02:05')
    expect(formatElapsed(-5_000)).toBe('0:00')
  })

  it('turns amber at warnMinutes and red at lateMinutes', () => {
    expect(elapsedLevel(10 * MIN - 1, thresholds)).toBe('normal')
    expect(elapsedLevel(10 * MIN, thresholds)).toBe('warn')
    expect(elapsedLevel(20 * MIN, thresholds)).toBe('late')
  })

  it('splits ages for words', () => {
    expect(ageParts(12_300)).toEqual({ unit: 'seconds', seconds: 12 })
    expect(ageParts(5 * MIN)).toEqual({ unit: 'minutes', minutes: 5 })
    expect(ageParts(125 * MIN)).toEqual({ unit: 'hours', hours: 2, minutes: 5 })
  })

  it('formats money in the configured currency', () => {
    expect(formatMoney(1230, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('1 230 ₽')
    expect(formatMoney(1230.5, 'RUB', 'en')).toBe('₽1,230.5')
    expect(formatMoney(5, 'ZZZ', 'ru')).toMatch(/5/)
  })

  it('shows a scheduled time: epoch ms and ISO as a clock time, other text as given', () => {
    const now = new Date(2024, 3, 23, 12, 0).getTime()
    expect(formatScheduled(new Date(2024, 3, 23, 18, 30).getTime(), 'ru', now)).toBe('18:30')
    expect(formatScheduled(new Date(2024, 3, 23, 18, 30).toISOString(), 'ru', now)).toBe('18:30')
    expect(formatScheduled(new Date(2024, 3, 24, 9, 5).getTime(), 'ru', now)).toMatch(/24.*09:05/)
    expect(formatScheduled('к обеду', 'ru', now)).toBe('к обеду')
  })
})
