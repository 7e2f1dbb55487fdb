// Settings in electron-store (settings.json in userData), the token sealed by safeStorage.
// Each key is checked with the zod schemas of common/settings on read rather than with the
// store's JSON schema: that option throws, or with clearInvalidConfig wipes the whole file, over
// one bad key. Here a bad key costs only itself, a warning names it, and the file as found is
// copied aside before it is first overwritten.
import Store from 'electron-store'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { formatIssues } from '../common/protocol/parse'
import {
  DEFAULT_DISPLAY_SETTINGS,
  DisplaySettingsSchema,
  type DisplaySettings,
} from '../common/settings'
import type { Logger } from '../core/logger'
import type { LoadedSettings, SettingsBackend } from '../core/settings-backend'
import {
  TOKEN_NOTICE_MEMORY_ONLY,
  TOKEN_NOTICE_UNREADABLE,
  canEncrypt,
  openToken,
  sealToken,
  type TokenCipher,
} from './token-vault'

/** The store's file name, without `.json`. */
export const SETTINGS_STORE_NAME = 'settings'

/** The key of the sealed token (base64 of safeStorage's ciphertext). */
export const TOKEN_KEY = 'tokenEncrypted'

const DISPLAY_KEYS = Object.keys(DisplaySettingsSchema.shape) as (keyof DisplaySettings)[]

/** The few store operations used; electron-store has them, and so does the in-memory fallback. */
interface KeyValues {
  readonly path: string | null
  get(key: string): unknown
  set(values: Record<string, unknown>): void
  delete(key: string): void
}

export interface ElectronSettingsOptions {
  /** The folder of settings.json: userData. */
  dir: string
  cipher: TokenCipher
  log: Logger
  now?: () => number
}

/** The Electron shell's SettingsBackend. Never throws on a bad file; says what it could not use. */
export function electronSettingsBackend(options: ElectronSettingsOptions): SettingsBackend {
  const { cipher, log, now = Date.now } = options
  const opened = openStore(options.dir)
  const store = opened.store
  // Set by load() when the file holds something unusable: copy it aside before the first write.
  let keepAside = false

  const write = (change: () => void) => {
    if (keepAside && store.path !== null && existsSync(store.path)) {
      const copy = `${store.path}.bad-${now()}`
      copyFileSync(store.path, copy)
      log.warn('kept the settings file as it was found', { copy })
    }
    keepAside = false
    change()
  }

  return {
    load(): LoadedSettings {
      const warnings = [...opened.warnings, ...unreadableFile(store.path)]
      const display = { ...DEFAULT_DISPLAY_SETTINGS }
      for (const key of DISPLAY_KEYS) {
        const value = store.get(key)
        if (value === undefined) continue
        const parsed = DisplaySettingsSchema.shape[key].safeParse(value)
        if (parsed.success) {
          Object.assign(display, { [key]: parsed.data })
        } else {
          warnings.push(
            `settings: "${key}" in ${store.path ?? 'memory'} is invalid (${formatIssues(parsed.error)}); ` +
              `using the default ${JSON.stringify(DEFAULT_DISPLAY_SETTINGS[key])}`,
          )
        }
      }
      const sealed = store.get(TOKEN_KEY)
      const token = sealed === undefined ? null : openToken(cipher, sealed)
      if (sealed !== undefined && token === null) {
        warnings.push(`settings: "${TOKEN_KEY}" in ${store.path ?? 'memory'} cannot be decrypted`)
      }
      keepAside = warnings.length > opened.warnings.length
      return {
        display,
        token,
        tokenStorage: token === null ? 'none' : 'encrypted',
        tokenNotice: sealed !== undefined && token === null ? TOKEN_NOTICE_UNREADABLE : null,
        warnings,
      }
    },

    saveDisplay(display) {
      write(() => store.set({ ...display }))
    },

    saveToken(token) {
      // Encrypted into a store that is not on disk would still be lost at exit: say memory.
      if (store.path !== null && canEncrypt(cipher)) {
        try {
          const sealed = sealToken(cipher, token)
          write(() => store.set({ [TOKEN_KEY]: sealed }))
          return { tokenStorage: 'encrypted', tokenNotice: null }
        } catch (error) {
          log.error('could not encrypt the token; keeping it in memory', { error: String(error) })
        }
      }
      // A new token supersedes the stored one; leaving that behind would resurrect it on restart.
      if (store.get(TOKEN_KEY) !== undefined) write(() => store.delete(TOKEN_KEY))
      return { tokenStorage: 'memory', tokenNotice: TOKEN_NOTICE_MEMORY_ONLY }
    },
  }
}

/** electron-store on `dir`, or (when it cannot even be opened) memory, with the reason. */
function openStore(dir: string): { store: KeyValues; warnings: string[] } {
  try {
    // No schema and no defaults: construction then never writes, so a bad file stays untouched.
    const store = new Store<Record<string, unknown>>({
      cwd: dir,
      name: SETTINGS_STORE_NAME,
      clearInvalidConfig: true,
      accessPropertiesByDotNotation: false,
      // Owner-only: the token in it is encrypted, but nobody else needs to read even that.
      configFileMode: 0o600,
    })
    return {
      store: {
        path: store.path,
        get: (key) => store.get(key),
        set: (values) => store.set(values),
        delete: (key) => store.delete(key),
      },
      warnings: [],
    }
  } catch (error) {
    const values = new Map<string, unknown>()
    return {
      store: {
        path: null,
        get: (key) => values.get(key),
        set: (next) => Object.entries(next).forEach(([key, value]) => values.set(key, value)),
        delete: (key) => values.delete(key),
      },
      warnings: [`settings cannot be opened in ${dir} (${String(error)}); they last until exit`],
    }
  }
}

/** A warning when the file exists but is not a JSON object (the store then reads it as empty). */
function unreadableFile(path: string | null): string[] {
  if (path === null || !existsSync(path)) return []
  let reason: string
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return []
    reason = 'not a JSON object'
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error)
  }
  return [`settings: ${path} cannot be read (${reason}); using the defaults`]
}
