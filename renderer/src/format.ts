// Formatting of times and money for the cards and the status bar: pure functions of their inputs,
// so the one clock and the settings decide everything and tests need no timers.
import type { Language } from '../../electron/common/settings'

/** How urgent an order's age is. */
export type ElapsedLevel = 'normal' | 'warn' | 'late'

const MINUTE = 60_000

const pad = (n: number) => String(n).padStart(2, '0')

/** An age as `m:ss`, or `h:mm:ss` from an hour on; negative ages (clock skew) count as zero. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`
}

/** The urgency of an age against the warn and late thresholds (in minutes). */
export function elapsedLevel(
  ms: number,
  thresholds: { warnMinutes: number; lateMinutes: number },
): ElapsedLevel {
  if (ms >= thresholds.lateMinutes * MINUTE) return 'late'
  if (ms >= thresholds.warnMinutes * MINUTE) return 'warn'
  return 'normal'
}

/** An age split for words: seconds under a minute, minutes under an hour, then hours and minutes. */
export type AgeParts =
  | { unit: 'seconds'; seconds: number }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'hours'; hours: number; minutes: number }

export function ageParts(ms: number): AgeParts {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  if (seconds < 60) return { unit: 'seconds', seconds }
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return { unit: 'minutes', minutes }
  return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 }
}

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' }
const moneyFormats = new Map<string, (amount: number) => string>()

function moneyFormat(currency: string, language: Language): (amount: number) => string {
  try {
    const format = new Intl.NumberFormat(LOCALES[language], {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    })
    return (amount) => format.format(amount)
  } catch {
    // A currency code Intl does not know: the number, then the code as it is.
    const plain = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 })
    return (amount) => `${plain.format(amount)} ${currency}`
  }
}

/** An amount in the configured currency, e.g. `1 230 ₽`; formatters are cached per locale. */
export function formatMoney(amount: number, currency: string, language: Language): string {
  const key = `${language}:${currency}`
  let format = moneyFormats.get(key)
  if (format === undefined) {
    format = moneyFormat(currency, language)
    moneyFormats.set(key, format)
  }
  return format(amount)
}

/** A wall-clock time, `14:05`; with the date when it is not on the day of `now`. */
export function formatClock(at: number, language: Language, now: number): string {
  const date = new Date(at)
  const sameDay = new Date(now).toDateString() === date.toDateString()
  return date.toLocaleString(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  })
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/

/** An order's scheduled `time`: epoch ms and ISO dates as a clock time, other text as given. */
export function formatScheduled(time: number | string, language: Language, now: number): string {
  if (typeof time === 'number') return formatClock(time, language, now)
  if (ISO_DATE.test(time)) {
    const at = Date.parse(time)
    if (Number.isFinite(at)) return formatClock(at, language, now)
  }
  return time
}

/** A wall-clock time alone, `14:05`. */
export const formatTime = (at: number, language: Language): string =>
  new Date(at).toLocaleTimeString(LOCALES[language], { hour: '2-digit', minute: '2-digit' })

/** A wall-clock time with its seconds, `14:05:09`: for lists where several share a minute. */
export const formatTimeSeconds = (at: number, language: Language): string =>
  new Date(at).toLocaleTimeString(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })

const day = (at: number) => new Date(at).setHours(0, 0, 0, 0)

/** A moment as `14:05`, or `22 апреля 23:58` when it is not on the day of `now`. */
export function formatMoment(at: number, language: Language, now: number): string {
  return formatDated(at, language, day(at) !== day(now))
}

function formatDated(at: number, language: Language, dated: boolean): string {
  const time = formatTime(at, language)
  if (!dated) return time
  const date = new Date(at).toLocaleDateString(LOCALES[language], { day: 'numeric', month: 'long' })
  return `${date} ${time}`
}

/**
 * The two ends of an interval, `14:02` and `14:05`. The start has its date (`23 апреля 23:58`) when
 * it is not on the day of `now`, and the end when it is on another day than the start: a gap from
 * last night is not read as today's.
 */
export function formatRange(
  from: number,
  to: number,
  language: Language,
  now: number,
): { from: string; to: string } {
  const otherDays = day(from) !== day(to)
  return {
    from: formatDated(from, language, otherDays || day(from) !== day(now)),
    to: formatDated(to, language, otherDays),
  }
}

/** A size in bytes split for words: the number (one decimal at most, in the language) and its unit. */
export function byteParts(
  bytes: number,
  language: Language,
): { n: string; unit: 'b' | 'kb' | 'mb' | 'gb' } {
  const units = ['b', 'kb', 'mb', 'gb'] as const
  let value = Math.max(0, bytes)
  let index = 0
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024
    index += 1
  }
  const n = new Intl.NumberFormat(LOCALES[language], {
    maximumFractionDigits: index === 0 ? 0 : 1,
    useGrouping: false,
  }).format(value)
  return { n, unit: units[index] ?? 'b' }
}
