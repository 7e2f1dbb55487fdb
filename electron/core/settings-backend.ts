// Where settings are kept is the shell's business (electron-store in Electron, a JSON file for the
// browser shell); what they mean is the core's. This is the seam between the two.
import type { DisplaySettings, TokenStorage } from '../common/settings'

/** What a backend found when it loaded. */
export interface LoadedSettings {
  display: DisplaySettings
  token: string | null
  tokenStorage: TokenStorage
  /** Something about the token a person must read, e.g. that it cannot be stored encrypted. */
  tokenNotice: string | null
  /** Problems with the stored settings (a corrupt file, an invalid key), each naming the key. */
  warnings: string[]
}

/** Persists settings for the core. */
export interface SettingsBackend {
  load(): LoadedSettings
  saveDisplay(display: DisplaySettings): void
  /** Keeps a new token; answers how it is kept now. */
  saveToken(token: string): Pick<LoadedSettings, 'tokenStorage' | 'tokenNotice'>
}
