// The screen roles as people choose and read them: this screen's role on the hub panel, and the
// role the hub pins a paired device to. Stations by their names, in the hub's order.
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { stationOfRole, type ScreenRole } from '../../../electron/common/roles'
import { useSettingsStore } from '../stores/settings'
import { useScreenStore } from './screen-store'

export interface RoleOption {
  value: ScreenRole
  label: string
}

/** A role's name for people: «Кухня», «Раздача», «Цех: Горячий»… */
export function useRoleName(): (role: ScreenRole) => string {
  const { t } = useI18n()
  const screen = useScreenStore()
  return (role) => {
    const station = stationOfRole(role)
    if (station !== null) return t('hub.role.station', { name: screen.nameOf(station) })
    return t(`hub.role.${role as 'kitchen' | 'dispatch' | 'expo'}`)
  }
}

/** Every role a screen can play on this hub: kitchen, expo, dispatch, then each station. */
export function useRoleOptions(): ComputedRef<RoleOption[]> {
  const settings = useSettingsStore()
  const roleName = useRoleName()
  return computed(() =>
    (['kitchen', 'expo', 'dispatch'] as ScreenRole[])
      .concat((settings.view?.stations ?? []).map((station) => `station:${station.id}` as const))
      .map((value) => ({ value, label: roleName(value) })),
  )
}
