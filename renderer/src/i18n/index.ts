// vue-i18n in composition mode: Russian first, English second.
import { createI18n } from 'vue-i18n'
import type { Language } from '../../../electron/common/settings'
import { en } from './en'
import { ru, type Messages } from './ru'

export const MESSAGES: Record<Language, Messages> = { ru, en }

/**
 * Russian plural forms for a message of three choices, `1 заказ | 2 заказа | 5 заказов`: one for
 * 1, 21, 31…; few for 2–4, 22–24…; many for the rest, 11–14 included. Other counts of choices
 * fall back to vue-i18n's own rule (English-like).
 */
export function russianPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice)
  if (choicesLength !== 3) return n === 1 ? 0 : Math.min(1, choicesLength - 1)
  const tens = n % 100
  const units = n % 10
  if (units === 1 && tens !== 11) return 0
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return 1
  return 2
}

/** The i18n plugin of the renderer, in `language` until the settings say otherwise. */
export function createKdsI18n(language: Language = 'ru') {
  return createI18n<[Messages], Language, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'ru',
    messages: MESSAGES,
    pluralRules: { ru: russianPlural },
  })
}
