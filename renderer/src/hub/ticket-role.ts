// What a ticket's role changes on its card: the bump's words (a station's «Цех готов», the
// expo's «Выдан», the kitchen's «Готово»), where a station's bump sends it, and on the expo
// whether it is READY or which stations it still waits for.
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { BoardOrder } from '../../../electron/common/board'
import { routeOfOrder, stationDone } from '../../../electron/common/station-progress'
import { useScreenStore } from './screen-store'

export interface TicketRole {
  /** On the expo: true when every station is done, false while one is not; else null. */
  ready: ComputedRef<boolean | null>
  /** On the expo, the names of the stations not done yet. */
  waiting: ComputedRef<string[]>
  /** On a station of an assembly line, the station its bump passes the ticket to. */
  passOn: ComputedRef<string | null>
  bumpText: ComputedRef<string>
  bumpLabel: ComputedRef<string>
}

export function useTicketRole(entry: () => BoardOrder): TicketRole {
  const { t } = useI18n()
  const screen = useScreenStore()
  const route = computed(() => routeOfOrder(entry(), screen.routing))
  const ready = computed(() =>
    screen.isExpo && route.value.length > 0 ? screen.ready(entry()) : null,
  )
  const waiting = computed(() =>
    ready.value === false
      ? route.value
          .filter((station) => !stationDone(entry(), station))
          .map((station) => screen.nameOf(station))
      : [],
  )
  const passOn = computed(() => {
    const next = screen.stationInfo?.next
    return next === undefined ? null : screen.nameOf(next)
  })
  const kind = computed(() =>
    screen.station !== null ? 'station' : screen.isExpo ? 'expo' : 'kitchen',
  )
  const bumpText = computed(() =>
    kind.value === 'station'
      ? t('hub.station.bump')
      : kind.value === 'expo'
        ? t('hub.expo.bump')
        : t('kitchen.bump'),
  )
  const bumpLabel = computed(() => {
    const order = entry().order
    if (order === null) return t('kitchen.bumpLabelId', { id: entry().id })
    const number = order.number
    if (kind.value === 'station') return t('hub.station.bumpLabel', { number })
    if (kind.value === 'expo') return t('hub.expo.bumpLabel', { number })
    return t('kitchen.bumpLabel', { number })
  })
  return { ready, waiting, passOn, bumpText, bumpLabel }
}
