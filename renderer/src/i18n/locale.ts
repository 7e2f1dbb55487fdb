// Keeps vue-i18n and the document in the language the settings choose.
import { computed, watch, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Language } from '../../../electron/common/settings'
import { useSettingsStore } from '../stores/settings'

/** Follows `settings.language`: the i18n locale, `<html lang>` and the window title. */
export function useLocaleSync(): void {
  const settings = useSettingsStore()
  const { locale, t } = useI18n()
  watch(
    () => settings.language,
    (language) => {
      locale.value = language
      document.documentElement.lang = language
      document.title = t('app.title')
    },
    { immediate: true },
  )
}

/** The current language, for formatting numbers and times. */
export function useLanguage(): ComputedRef<Language> {
  const settings = useSettingsStore()
  return computed(() => settings.language)
}
