// An age in words, `12 с` / `5 мин` / `2 ч 5 мин`, through the messages (no plural forms needed).
import { useI18n } from 'vue-i18n'
import { ageParts } from '../format'

/** A function that puts an age in milliseconds into words of the current language. */
export function useAgeText(): (ms: number) => string {
  const { t } = useI18n()
  return (ms) => {
    const parts = ageParts(ms)
    switch (parts.unit) {
      case 'seconds':
        return t('age.seconds', { n: parts.seconds })
      case 'minutes':
        return t('age.minutes', { n: parts.minutes })
      case 'hours':
        return t('age.hours', { h: parts.hours, m: parts.minutes })
    }
  }
}
