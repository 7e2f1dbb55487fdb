// vue-i18n in composition mode: Russian first, English second.
import { createI18n } from 'vue-i18n'
import type { Language } from '../../../electron/common/settings'
import { en } from './en'
import { ru, type Messages } from './ru'

export const MESSAGES: Record<Language, Messages> = { ru, en }

/** The i18n plugin of the renderer, in `language` until the settings say otherwise. */
export function createKdsI18n(language: Language = 'ru') {
  return createI18n<[Messages], Language, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'ru',
    messages: MESSAGES,
  })
}
