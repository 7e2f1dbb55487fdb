// Between the renderer and the core: a change to a managed setting, or any change while the
// settings are locked with a PIN, is refused with a reason a person can act on. The core stays
// unaware of management; the browser shell can put the same guard in front of it.
import type { SettingsUpdate, SettingsView } from '../common/settings'
import type { IpcCore } from './ipc'
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
    if (managed.config[key] !== undefined && value !== undefined && value !== current[key]) {
      return `"${key}" is set by ${managed.origins[key]}; it cannot be changed here.`
    }
  }
  return null
}

/** `core` with updateSettings guarded; every other request passes straight through. */
export function guardSettings(
  core: IpcCore,
  managed: ManagedSettings,
  lock: SettingsLock | null,
): IpcCore {
  return {
    snapshot: () => core.snapshot(),
    status: () => core.status(),
    settings: () => core.settings(),
    dismissGap: (id) => core.dismissGap(id),
    diagnostics: () => core.diagnostics(),
    exportDiagnostics: () => core.exportDiagnostics(),
    subscribe: (listener) => core.subscribe(listener),
    async updateSettings(update) {
      const refusal = settingsRefusal(update, core.settings(), managed, lock)
      if (refusal !== null) throw new Error(refusal)
      return core.updateSettings(update)
    },
  }
}
