// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  ageParts,
  byteParts,
  elapsedLevel,
  formatElapsed,
  formatMoment,
  formatMoney,
  formatRange,
  formatScheduled,
} from '../../../renderer/src/format'
import { russianPlural } from '../../../renderer/src/i18n'

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

  it('writes an interval with dates only where they are needed', () => {
    const at = (day: number, h: number, m: number) => new Date(2024, 3, day, h, m).getTime()
    const now = at(23, 15, 0)
    expect(formatRange(at(23, 14, 2), at(23, 14, 5), 'ru', now)).toEqual({
      from: '14:02',
      to: '14:05',
    })
    expect(formatRange(at(22, 23, 58), at(23, 0, 3), 'ru', now)).toEqual({
      from: '22 апреля 23:58',
      to: '23 апреля 00:03',
    })
    expect(formatRange(at(21, 9, 5), at(21, 9, 7), 'en', now)).toEqual({
      from: '21 April 09:05',
      to: '09:07',
    })
    expect(formatMoment(at(23, 9, 5), 'ru', now)).toBe('09:05')
    expect(formatMoment(at(22, 9, 5), 'ru', now)).toBe('22 апреля 09:05')
  })

  it('splits sizes in bytes for words, in binary steps', () => {
    expect(byteParts(0, 'ru')).toEqual({ n: '0', unit: 'b' })
    expect(byteParts(1023, 'ru')).toEqual({ n: '1023', unit: 'b' })
    expect(byteParts(1536, 'ru')).toEqual({ n: '1,5', unit: 'kb' })
    expect(byteParts(1536, 'en')).toEqual({ n: '1.5', unit: 'kb' })
    expect(byteParts(5 * 1024 ** 2, 'en')).toEqual({ n: '5', unit: 'mb' })
    expect(byteParts(3 * 1024 ** 4, 'en')).toEqual({ n: '3072', unit: 'gb' })
  })

  it('chooses Russian plural forms', () => {
    const forms = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112].map((n) =>
      russianPlural(n, 3),
    )
    expect(forms).toEqual([2, 0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 2, 2])
    expect([0, 1, 2].map((n) => russianPlural(n, 2))).toEqual([1, 0, 1])
  })
})
