// Managed configuration: what an administrator presets for every display of a machine, from a
// system-wide JSON file, the environment and the command line. Each source is parsed key by key,
// so one bad value costs only itself and a warning names it; then flags win over the environment,
// which wins over the file. Pure (no Electron, no file system): both shells read it.
import { z } from 'zod'
import { formatIssues } from './protocol/parse'
import { PrintersSchema } from './printers'
import { ActionsSchema, ConditionActionSchema } from './condition-action'
import { ScreenRoleSchema, type ScreenRole } from './roles'
import { LanguageSchema, LayoutSchema, ServerUrlSchema } from './settings'
import { StationIdSchema, StationsSchema } from './stations'

// A path on any OS: /etc/..., C:\..., or \\server\share\...
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/

const NOT_A_HUB = 'must be an http or https address of a hub; this app stays its own hub'

/** Every managed key and the values it accepts. */
export const ManagedConfigSchema = z.object({
  serverUrl: ServerUrlSchema,
  /** A file holding the backend token; read at start and watched, never logged. */
  tokenFile: z.string().trim().max(4_096).regex(ABSOLUTE_PATH, 'must be an absolute path'),
  language: LanguageSchema,
  /** Full screen, no window frame, the display kept awake. */
  kiosk: z.boolean(),
  /** The screen role: kitchen, dispatch, expo or station:<id> (`?screen=` wins over it). */
  view: ScreenRoleSchema,
  /** The kitchen board's layout on this machine's screens. */
  layout: LayoutSchema,
  /** Locks the settings screen; digits only, so it can be typed on a touch keypad. */
  settingsPin: z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits'),
  startAtLogin: z.boolean(),
  /** The hub's printers (common/printers.ts); as JSON text in the variable and the flag. */
  printers: PrintersSchema,
  // Telling the backend (issue 17); as variables and flags, JSON text.
  conditionAction: ConditionActionSchema,
  conditionActionAnyHost: z.boolean(),
  actions: ActionsSchema,
  // A kitchen of screens (issue 15).
  /** The hub's stations, as JSON: `[{"id":"hot","name":"Горячий цех","match":["суп"]}]`. */
  stations: StationsSchema,
  defaultStation: StationIdSchema,
  /** Serve the board to paired screens on the local network. */
  lan: z.boolean(),
  /** The hub this app is a screen of (its window loads the hub's page; no core of its own). */
  hubUrl: z
    .string({ error: NOT_A_HUB })
    .trim()
    .max(2_000)
    .pipe(z.url({ protocol: /^https?$/, error: NOT_A_HUB })),
})

export type ManagedConfig = Partial<z.infer<typeof ManagedConfigSchema>>
export type ManagedKey = keyof ManagedConfig
export type View = ScreenRole

const KEYS = Object.keys(ManagedConfigSchema.shape) as ManagedKey[]

/** The environment variable of each key. */
export const MANAGED_ENV = {
  serverUrl: 'KDS_SERVER_URL',
  tokenFile: 'KDS_TOKEN_FILE',
  language: 'KDS_LANGUAGE',
  kiosk: 'KDS_KIOSK',
  view: 'KDS_VIEW',
  layout: 'KDS_LAYOUT',
  settingsPin: 'KDS_SETTINGS_PIN',
  startAtLogin: 'KDS_START_AT_LOGIN',
  printers: 'KDS_PRINTERS',
  conditionAction: 'KDS_CONDITION_ACTION',
  conditionActionAnyHost: 'KDS_CONDITION_ACTION_ANY_HOST',
  actions: 'KDS_ACTIONS',
  stations: 'KDS_STATIONS',
  defaultStation: 'KDS_DEFAULT_STATION',
  lan: 'KDS_LAN',
  hubUrl: 'KDS_HUB_URL',
} as const satisfies Record<ManagedKey, string>

/** The command-line flag of each key, without the leading `--`. */
export const MANAGED_FLAGS = {
  serverUrl: 'server',
  tokenFile: 'token-file',
  language: 'language',
  kiosk: 'kiosk',
  view: 'view',
  layout: 'layout',
  settingsPin: 'settings-pin',
  startAtLogin: 'start-at-login',
  printers: 'printers',
  conditionAction: 'condition-action',
  conditionActionAnyHost: 'condition-action-any-host',
  actions: 'actions',
  stations: 'stations',
  defaultStation: 'default-station',
  lan: 'lan',
  hubUrl: 'hub-url',
} as const satisfies Record<ManagedKey, string>

/** What one source gave: its valid values, where each came from, and what was wrong. */
export interface ManagedLayer {
  values: ManagedConfig
  /** For each value: the file, variable or flag it came from, for messages that name it. */
  origins: Partial<Record<ManagedKey, string>>
  warnings: string[]
}

const EMPTY: ManagedLayer = { values: {}, origins: {}, warnings: [] }
const BOOLEAN_KEYS = new Set<ManagedKey>(['kiosk', 'startAtLogin', 'conditionActionAnyHost', 'lan'])
/** Keys whose value is an object or a list: given as text (variable, flag), it is JSON. */
const JSON_KEYS = new Set<ManagedKey>(['conditionAction', 'actions', 'printers', 'stations'])
const TRUE = ['1', 'true', 'yes', 'on']
const FALSE = ['0', 'false', 'no', 'off']

/** Parses one key's value; the warning names where it came from. */
function parseKey(layer: ManagedLayer, key: ManagedKey, value: unknown, origin: string): void {
  // The PIN is never repeated in a message, even when it is wrong.
  const shown = key === 'settingsPin' ? '' : ` ${JSON.stringify(value)}`
  const parsed = ManagedConfigSchema.shape[key].safeParse(value)
  if (parsed.success) {
    Object.assign(layer.values, { [key]: parsed.data })
    layer.origins[key] = origin
  } else {
    layer.warnings.push(`${origin}:${shown} is invalid (${formatIssues(parsed.error)}); ignored`)
  }
}

/** A value given as text (environment, flag): booleans as 1/0, true/false, yes/no, on/off. */
function fromText(key: ManagedKey, text: string): unknown {
  if (JSON_KEYS.has(key)) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      // Left as text: the schema then says it is not a list, naming the variable or flag.
      return text
    }
  }
  if (!BOOLEAN_KEYS.has(key)) return text
  const lower = text.trim().toLowerCase()
  if (TRUE.includes(lower)) return true
  if (FALSE.includes(lower)) return false
  return text
}

/** The managed config file's text; `path` names it in warnings. */
export function parseManagedFile(text: string, path: string): ManagedLayer {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ...EMPTY, warnings: [`managed config ${path} is not valid JSON (${reason}); ignored`] }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ...EMPTY, warnings: [`managed config ${path} must hold a JSON object; ignored`] }
  }
  const layer: ManagedLayer = { values: {}, origins: {}, warnings: [] }
  for (const [key, value] of Object.entries(raw)) {
    if (KEYS.includes(key as ManagedKey)) {
      parseKey(layer, key as ManagedKey, value, `"${key}" in ${path}`)
    } else {
      layer.warnings.push(`"${key}" in ${path} is not a managed key (${KEYS.join(', ')}); ignored`)
    }
  }
  return layer
}

/** The KDS_* environment variables; an empty one counts as unset. */
export function parseManagedEnv(env: Readonly<Record<string, string | undefined>>): ManagedLayer {
  const layer: ManagedLayer = { values: {}, origins: {}, warnings: [] }
  for (const key of KEYS) {
    const name = MANAGED_ENV[key]
    const text = env[name]
    if (text !== undefined && text !== '') parseKey(layer, key, fromText(key, text), name)
  }
  return layer
}

/**
 * The managed flags among `argv` (everything else, Chromium's switches and the app path
 * included, is left alone): `--server=URL` or `--server URL`; `--kiosk` alone means true.
 */
export function parseManagedArgv(argv: readonly string[]): ManagedLayer {
  const layer: ManagedLayer = { values: {}, origins: {}, warnings: [] }
  for (const key of KEYS) {
    const flag = `--${MANAGED_FLAGS[key]}`
    argv.forEach((arg, index) => {
      let text: string | undefined
      if (arg.startsWith(`${flag}=`)) text = arg.slice(flag.length + 1)
      else if (arg !== flag) return
      else if (BOOLEAN_KEYS.has(key)) text = 'true'
      else text = argv[index + 1]?.startsWith('--') === false ? argv[index + 1] : undefined
      if (text === undefined) layer.warnings.push(`${flag} needs a value; ignored`)
      else parseKey(layer, key, fromText(key, text), flag)
    })
  }
  return layer
}

/** The layers merged key by key, the later winning: pass them as file, environment, flags. */
export function mergeManagedLayers(...layers: ManagedLayer[]): ManagedLayer {
  return {
    values: Object.assign({}, ...layers.map((layer) => layer.values)) as ManagedConfig,
    origins: Object.assign({}, ...layers.map((layer) => layer.origins)) as ManagedLayer['origins'],
    warnings: layers.flatMap((layer) => layer.warnings),
  }
}
