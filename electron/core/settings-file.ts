// Settings in a JSON file, for the browser shell. The token is never written here: it comes from
// the environment and lives in memory only.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { parseWith } from '../common/protocol/parse'
import {
  DEFAULT_DISPLAY_SETTINGS,
  DisplaySettingsSchema,
  type DisplaySettings,
} from '../common/settings'
import type { LoadedSettings, SettingsBackend } from './settings-backend'

export const SETTINGS_FILE = 'settings.json'

const TOKEN_IN_MEMORY =
  'The token is kept in memory only: set KDS_TOKEN to keep it across restarts.'

/** Reads `settings.json` in `dir`; a missing file gives the defaults, a bad one a warning and the defaults. */
export function readSettingsFile(dir: string): { display: DisplaySettings; warnings: string[] } {
  const file = join(dir, SETTINGS_FILE)
  if (!existsSync(file)) return { display: DEFAULT_DISPLAY_SETTINGS, warnings: [] }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      display: DEFAULT_DISPLAY_SETTINGS,
      warnings: [`${file} is not valid JSON (${reason}); using the defaults`],
    }
  }
  const merged =
    typeof raw === 'object' && raw !== null ? { ...DEFAULT_DISPLAY_SETTINGS, ...raw } : raw
  const parsed = parseWith(DisplaySettingsSchema, merged)
  if (parsed.ok) return { display: parsed.value, warnings: [] }
  return {
    display: DEFAULT_DISPLAY_SETTINGS,
    warnings: [`${file}: ${parsed.reason}; using the defaults`],
  }
}

/** A settings backend over a JSON file in `dir`, with the token given from outside. */
export function fileSettingsBackend(
  dir: string,
  overrides: { serverUrl?: string | null; token?: string | null } = {},
): SettingsBackend {
  let token = overrides.token ?? null
  return {
    load(): LoadedSettings {
      const { display, warnings } = readSettingsFile(dir)
      const serverUrl = overrides.serverUrl === undefined ? display.serverUrl : overrides.serverUrl
      return {
        display: { ...display, serverUrl },
        token,
        tokenStorage: token === null ? 'none' : 'memory',
        tokenNotice: null,
        warnings,
      }
    },
    saveDisplay(display) {
      mkdirSync(dir, { recursive: true })
      const file = join(dir, SETTINGS_FILE)
      // A file we could not read is kept aside rather than overwritten: it is the user's data.
      if (existsSync(file) && readSettingsFile(dir).warnings.length > 0) {
        copyFileSync(file, `${file}.bad-${Date.now()}`)
      }
      writeFileSync(`${file}.tmp`, `${JSON.stringify(display, null, 2)}\n`)
      renameSync(`${file}.tmp`, file)
    },
    saveToken(next) {
      token = next
      return { tokenStorage: 'memory', tokenNotice: TOKEN_IN_MEMORY }
    },
  }
}
