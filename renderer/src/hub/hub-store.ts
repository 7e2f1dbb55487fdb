// The hub as its settings show it: the paired screens, its addresses and pairing code (which only
// the hub's own window is told), and the stations with the products seen on the board. Pushed
// `devices` and `hub` messages keep the first two current; the stations are asked for on demand.
// The hub's facts are asked for at the start and after every reconnection too: they say the role
// the hub pinned this screen to.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  NO_HUB_SCREEN,
  type Device,
  type HubInfo,
  type HubScreen,
  type StationsInfo,
} from '../../../electron/common/hub'
import type { KdsApi } from '../../../electron/common/kds-api'
import type { ScreenRole } from '../../../electron/common/roles'
import { errorText } from '../stores/errors'
import { useLinkStore } from '../stores/link'

export const useHubStore = defineStore('hub', () => {
  const link = useLinkStore()
  const devices = shallowRef<Device[] | null>(null)
  const info = shallowRef<HubInfo | null>(null)
  const stations = shallowRef<StationsInfo | null>(null)
  /** Whether this app can become a screen of another hub (the Electron app only); null: not asked. */
  const screenOfHub = shallowRef<HubScreen | null>(null)
  /** Why the hub's facts could not be had; null once they came. */
  const error = ref<string | null>(null)
  let api: KdsApi | null = null
  let unsubscribe: (() => void) | null = null

  const core = (): KdsApi => {
    if (api === null) throw new Error('not connected to the core')
    return api
  }

  /**
   * Subscribes to the pushes and asks for the hub's facts; the rest of what the panel shows is
   * asked for when it opens (`refresh`).
   */
  function start(kds: KdsApi): void {
    stop()
    api = kds
    let pushes = 0
    const askInfo = () => {
      const before = pushes
      kds.hubInfo().then(
        (answer) => {
          if (api === kds && pushes === before) info.value = answer
        },
        // Said again at the next push or reconnection; the panel's refresh shows why.
        (failure: unknown) => console.warn('hub: no facts from the hub', failure),
      )
    }
    unsubscribe = kds.subscribe((message) => {
      if (message.type === 'devices') devices.value = message.devices
      if (message.type === 'hub') {
        pushes += 1
        info.value = message.hub
      }
      // Reconnected (after a drop, or repinned by the hub): the pin may be another now.
      if (message.type === 'resumed') askInfo()
    })
    askInfo()
  }

  /** Asks for the devices, the hub's facts and the stations now. */
  async function refresh(): Promise<void> {
    try {
      const kds = core()
      const [nextInfo, nextDevices, nextStations] = await Promise.all([
        kds.hubInfo(),
        kds.devices(),
        kds.stations(),
      ])
      info.value = nextInfo
      devices.value = nextDevices
      stations.value = nextStations
      error.value = null
    } catch (failure) {
      error.value = errorText(failure)
    }
  }

  /** Asks whether this app can become a screen of another hub; a shell that cannot says no. */
  async function loadScreenOfHub(): Promise<void> {
    try {
      screenOfHub.value = await core().hubScreen()
    } catch {
      // A hub from before this request, or none reachable: the choice stays hidden.
      screenOfHub.value = NO_HUB_SCREEN
    }
  }

  /** Makes this app a screen of the hub at `url`: the app then restarts as that screen. */
  async function becomeScreenOf(url: string): Promise<void> {
    await core().becomeHubScreen(url)
  }

  /** Forgets a paired screen: the hub closes its connection at once. */
  async function revoke(id: string): Promise<void> {
    await link.act(() => core().revokeDevice(id))
    devices.value = (devices.value ?? []).filter((device) => device.id !== id)
  }

  /** Pins a paired screen to `role` (null: as it asks); it reconnects as that role at once. */
  async function setRole(id: string, role: ScreenRole | null): Promise<void> {
    await link.act(() => core().setDeviceRole(id, role))
    devices.value = (devices.value ?? []).map((device) =>
      device.id === id ? { ...device, pinnedRole: role } : device,
    )
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    api = null
  }

  return {
    devices,
    info,
    stations,
    screenOfHub,
    error,
    start,
    refresh,
    loadScreenOfHub,
    becomeScreenOf,
    revoke,
    setRole,
    stop,
  }
})
