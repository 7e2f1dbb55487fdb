// Managed values reach the core through its settings backend: they win over the stored ones at
// load, and are never written back, so the user's own choices return if management is removed.
// A managed token file replaces the stored token; its token stays in memory.
import type { DisplaySettings } from '../common/settings'
import type { LoadedSettings, SettingsBackend } from './settings-backend'
import type { ManagedSettings } from './managed-settings-load'

/** The managed keys that are display settings too. */
export const MANAGED_DISPLAY_KEYS = [
  'serverUrl',
  'language',
  'layout',
  'conditionAction',
  'conditionActionAnyHost',
  'actions',
  'printers',
  // A kitchen of screens (issue 15).
  'stations',
  'defaultStation',
  'lan',
] as const

/** The display settings that the managed configuration sets. */
export function managedDisplay(managed: ManagedSettings): Partial<DisplaySettings> {
  const display: Partial<DisplaySettings> = {}
  for (const key of MANAGED_DISPLAY_KEYS) {
    if (managed.config[key] !== undefined) Object.assign(display, { [key]: managed.config[key] })
  }
  return display
}

/** tokenNotice when the managed token file gives no token. */
export const TOKEN_NOTICE_FILE_UNREADABLE =
  'The token file set by the managed configuration cannot be used; see the log for why.'

/** `inner` with the managed values laid over it. */
export function managedSettingsBackend(
  inner: SettingsBackend,
  managed: ManagedSettings,
): SettingsBackend {
  const overrides = managedDisplay(managed)
  const tokenManaged = managed.config.tokenFile !== undefined
  // What the store holds for the managed keys, written back in their place.
  let own: Partial<DisplaySettings> = {}

  const tokenFromFile = (): Pick<LoadedSettings, 'token' | 'tokenStorage' | 'tokenNotice'> =>
    managed.token === null
      ? { token: null, tokenStorage: 'none', tokenNotice: TOKEN_NOTICE_FILE_UNREADABLE }
      : { token: managed.token, tokenStorage: 'memory', tokenNotice: null }

  return {
    load() {
      const loaded = inner.load()
      own = Object.fromEntries(
        Object.keys(overrides).map((key) => [key, loaded.display[key as keyof DisplaySettings]]),
      )
      const display = { ...loaded.display, ...overrides }
      // The managed configuration's problems reach the status bar with the settings' own.
      const warnings = [...managed.warnings, ...loaded.warnings]
      const merged = { ...loaded, display, warnings }
      return tokenManaged ? { ...merged, ...tokenFromFile() } : merged
    },
    saveDisplay(display) {
      inner.saveDisplay({ ...display, ...own })
    },
    saveToken(token) {
      // The file is the source of truth (a rotated token arrives from it): nothing is stored.
      if (tokenManaged) return { tokenStorage: 'memory', tokenNotice: null }
      return inner.saveToken(token)
    },
  }
}
