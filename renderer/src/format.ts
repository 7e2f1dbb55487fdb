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
