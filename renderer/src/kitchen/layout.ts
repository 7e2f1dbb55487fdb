// Which layout this window's kitchen board uses: `?layout=tiles|columns` in its address wins (one
// screen of a kitchen may differ from the rest), else the settings (which a managed `layout` sets).
import { computed, type ComputedRef } from 'vue'
import { LayoutSchema, type Layout } from '../../../electron/common/settings'
import { useSettingsStore } from '../stores/settings'

/** The layout an address asks for, or null when it asks for none (or for one that is not). */
export function layoutOf(search: string): Layout | null {
  const parsed = LayoutSchema.safeParse(new URLSearchParams(search).get('layout'))
  return parsed.success ? parsed.data : null
}

/** The board's layout: the address's, else the settings'. */
export function useLayout(): ComputedRef<Layout> {
  const settings = useSettingsStore()
  const asked = layoutOf(globalThis.location?.search ?? '')
  return computed(() => asked ?? settings.layout)
}
