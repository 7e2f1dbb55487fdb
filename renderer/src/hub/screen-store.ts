// This screen's role in the kitchen (kitchen, dispatch, expo, or one station) and the routing the
// hub's settings give: the role the hub pinned this paired device to wins (the hub cuts what it
// sends for that role anyway, whatever the address says), then `?screen=station:hot` in the
// address (one tablet differs from the rest), then the managed `view`, then `#/dispatch` or
// `?view=`, else the kitchen.
import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { BoardOrder } from '../../../electron/common/board'
import { parseScreenRole, stationOfRole, type ScreenRole } from '../../../electron/common/roles'
import { atStation, orderReady } from '../../../electron/common/station-progress'
import type { Station, StationRouting } from '../../../electron/common/stations'
import { viewOf } from '../dispatch/route'
import { useSettingsStore } from '../stores/settings'
import { useHubStore } from './hub-store'

/** The role an address asks for with `?screen=`, or null when it asks for none (or a bad one). */
export const roleOfSearch = (search: string): ScreenRole | null =>
  parseScreenRole(new URLSearchParams(search).get('screen'))

/** The address `href` showing `role`: its `?screen=` set, the rest kept. */
export function roleUrl(role: ScreenRole, href: string = location.href): string {
  const url = new URL(href)
  url.searchParams.set('screen', role)
  url.hash = role === 'dispatch' ? '#/dispatch' : ''
  return url.toString()
}

export const useScreenStore = defineStore('screen', () => {
  const settings = useSettingsStore()
  const hub = useHubStore()
  // Read once: the address is fixed for the page's life, and the bridge was opened with it.
  const search = globalThis.location?.search ?? ''
  const asked = roleOfSearch(search)
  /** What `?screen=` said when it named no role: shown, so a mistyped address is noticed. */
  const badAddress = asked === null ? new URLSearchParams(search).get('screen') : null
  const legacy = viewOf(globalThis.location?.hash ?? '', globalThis.location?.search ?? '')
  /** The role the hub pinned this screen's device to; null: the screen's own choice. */
  const pinned = computed<ScreenRole | null>(() => hub.info?.pinnedRole ?? null)
  /** A mistyped `?screen=` matters only while the address decides. */
  const badRole = computed(() => (pinned.value === null ? badAddress : null))

  const role = computed<ScreenRole>(() => {
    if (pinned.value !== null) return pinned.value
    if (asked !== null) return asked
    const managed = settings.view?.view ?? null
    if (managed !== null) return managed
    return legacy
  })
  /** Whether the address chose the role (and so the settings' choice does not apply). */
  const fromAddress = asked !== null
  /** Whether the hub or the address fixed the role: no switching views on this screen. */
  const fixed = computed(() => pinned.value !== null || fromAddress)
  const station = computed(() => stationOfRole(role.value))
  const routing = computed<StationRouting>(() => ({
    stations: settings.view?.stations ?? [],
    defaultStation: settings.view?.defaultStation ?? null,
  }))
  const stationsById = computed(
    () => new Map(routing.value.stations.map((entry) => [entry.id, entry])),
  )
  /** This screen's station as the hub defines it; null on other roles, or an unknown station. */
  const stationInfo = computed<Station | null>(() =>
    station.value === null ? null : (stationsById.value.get(station.value) ?? null),
  )
  /** Whether the hub has stations at all: without them, items carry no station state. */
  const hasStations = computed(() => routing.value.stations.length > 0)
  const isExpo = computed(() => role.value === 'expo')

  /** Whether an order shows on this screen at all (before the window's own filters). */
  function admits(entry: BoardOrder): boolean {
    const at = station.value
    if (at === null) return true
    return atStation(entry, at, routing.value)
  }

  /** Whether every station the order visits has bumped it (the expo's READY). */
  const ready = (entry: BoardOrder): boolean => orderReady(entry, routing.value)

  /** A station's name for people: its configured name, else its id. */
  const nameOf = (id: string): string => stationsById.value.get(id)?.name ?? id

  return {
    role,
    pinned,
    fromAddress,
    fixed,
    badRole,
    station,
    stationInfo,
    routing,
    hasStations,
    isExpo,
    admits,
    ready,
    nameOf,
  }
})
