// Between the renderer and the core: a change to a managed setting, or any change while the
// settings are locked with a PIN, is refused with a reason a person can act on. The core stays
// unaware of management; the browser shell can put the same guard in front of it.
import type { KdsHost } from '../common/kds-api'
import type { SettingsUpdate, SettingsView } from '../common/settings'
import { MANAGED_DISPLAY_KEYS } from './managed-backend'
import type { ManagedSettings } from './managed-settings-load'
import type { SettingsLock } from './settings-pin'

/** Why `update` may not be applied to `current`, or null when it may. */
export function settingsRefusal(
  update: SettingsUpdate,
  current: SettingsView,
  managed: ManagedSettings,
  lock: SettingsLock | null,
): string | null {
  if (lock?.locked() === true) {
    return 'The settings are locked with a PIN by the managed configuration.'
  }
  if (update.token !== undefined && managed.config.tokenFile !== undefined) {
    return `"token" is read from the file set by ${managed.origins.tokenFile}; it cannot be changed here.`
  }
  for (const key of MANAGED_DISPLAY_KEYS) {
    // The same value is fine: a settings form sends every field back.
    const value = update[key]
    // Stations are a list: compared by value, as the form sends back a copy.
    const same = JSON.stringify(value) === JSON.stringify(current[key])
    if (managed.config[key] !== undefined && value !== undefined && !same) {
      return `"${key}" is set by ${managed.origins[key]}; it cannot be changed here.`
    }
  }
  return null
}

/** The keys the managed configuration sets, as the settings screen shows them. */
export function managedKeys(managed: ManagedSettings): string[] {
  const keys: string[] = MANAGED_DISPLAY_KEYS.filter((key) => managed.config[key] !== undefined)
  return managed.config.tokenFile === undefined ? keys : [...keys, 'token']
}

/**
 * `core` with the settings guarded: changes refused while managed or locked, and every settings
 * answer and push saying which keys are managed and whether the screen is locked.
 */
export function guardSettings(
  core: KdsHost,
  managed: ManagedSettings,
  lock: SettingsLock | null,
): KdsHost {
  const decorate = (view: SettingsView): SettingsView => ({
    ...view,
    managed: managedKeys(managed),
    locked: lock?.locked() ?? false,
    view: managed.config.view ?? null,
  })
  return {
    snapshot: () => core.snapshot(),
    status: () => core.status(),
    settings: () => decorate(core.settings()),
    dismissGap: (id) => core.dismissGap(id),
    diagnostics: () => core.diagnostics(),
    exportDiagnostics: () => core.exportDiagnostics(),
    bump: (id) => core.bump(id),
    recall: (id) => core.recall(id),
    reprint: (id) => core.reprint(id),
    printPreview: (printer, document) => core.printPreview(printer, document),
    testPrint: (printer) => core.testPrint(printer),
    start: (id) => core.start(id),
    outbox: () => core.outbox(),
    dismissOutbox: (id) => core.dismissOutbox(id),
    itemDone: (id, item, done) => core.itemDone(id, item, done),
    bumpStation: (id, station) => core.bumpStation(id, station),
    recallStation: (station, id) => core.recallStation(station, id),
    stations: () => core.stations(),
    devices: () => core.devices(),
    revokeDevice: (id) => core.revokeDevice(id),
    setDeviceRole(id, role) {
      // What a screen receives (a customer's phone and address or not) follows the pin: a PIN
      // guards it like any setting.
      const refusal = settingsRefusal({}, core.settings(), managed, lock)
      if (refusal !== null) throw new Error(refusal)
      return core.setDeviceRole(id, role)
    },
    hubInfo: () => core.hubInfo(),
    hubScreen: () => core.hubScreen(),
    async becomeHubScreen(url) {
      // Giving up the hub's role changes what the whole kitchen runs on: a PIN guards it too.
      const refusal = settingsRefusal({}, core.settings(), managed, lock)
      if (refusal !== null) throw new Error(refusal)
      return core.becomeHubScreen(url)
    },
    unlockSettings(pin) {
      if (lock === null) return { outcome: 'unlocked', until: null }
      const outcome = lock.unlock(pin)
      return { outcome, until: outcome === 'wrong' ? null : lock.until() }
    },
    lockSettings() {
      lock?.lock()
      return decorate(core.settings())
    },
    subscribe: (listener) =>
      core.subscribe((message) =>
        listener(
          message.type === 'settings'
            ? { ...message, settings: decorate(message.settings) }
            : message,
        ),
      ),
    async updateSettings(update) {
      const refusal = settingsRefusal(update, core.settings(), managed, lock)
      if (refusal !== null) throw new Error(refusal)
      return decorate(await core.updateSettings(update))
    },
  }
}
