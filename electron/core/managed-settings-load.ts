// Gathers the managed configuration from where an administrator puts it: the system-wide file
// (one path per OS; KDS_CONFIG_FILE overrides it, for tests and side-by-side installs), the
// environment and the flags. It also reads the token file it names, and hashes the PIN at once.
import { readFileSync } from 'node:fs'
import { posix, win32 } from 'node:path'
import {
  mergeManagedLayers,
  parseManagedArgv,
  parseManagedEnv,
  parseManagedFile,
  type ManagedConfig,
  type ManagedLayer,
} from '../common/managed-config'
import { hashPin, type PinHash } from './settings-pin'

/** The managed configuration as the app uses it: the token read, the PIN only as a hash. */
export interface ManagedSettings {
  config: Omit<ManagedConfig, 'settingsPin'>
  origins: ManagedLayer['origins']
  /** The token from `config.tokenFile`; in memory only, never logged. */
  token: string | null
  pin: PinHash | null
  /** Everything that was wrong, each naming the key and where it came from. */
  warnings: string[]
  /** The file that was looked for. */
  path: string
}

type ReadText = (path: string) => string

const readUtf8: ReadText = (path) => readFileSync(path, 'utf8')

/** Where the system-wide file is looked for on `platform`. */
export function managedConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const override = env['KDS_CONFIG_FILE']
  if (override !== undefined && override !== '') return override
  if (platform === 'win32') {
    return win32.join(env['ProgramData'] ?? 'C:\\ProgramData', 'Kitchen Display', 'config.json')
  }
  if (platform === 'darwin') {
    return posix.join('/Library/Application Support/Kitchen Display', 'config.json')
  }
  return '/etc/kitchen-display/config.json'
}

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The token in `path` (trimmed), or why it cannot be used; the message never holds the token. */
export function readTokenFile(
  path: string,
  readText: ReadText = readUtf8,
): { token: string } | { problem: string } {
  let text: string
  try {
    text = readText(path)
  } catch (error) {
    return {
      problem: `the token file ${path} cannot be read (${codeOf(error) || reasonOf(error)})`,
    }
  }
  const token = text.trim()
  if (token === '') return { problem: `the token file ${path} is empty` }
  if (token.length > 4_096 || /\s/.test(token)) {
    return { problem: `the token file ${path} must hold one token of at most 4096 characters` }
  }
  return { token }
}

export interface LoadManagedOptions {
  platform?: NodeJS.Platform
  env?: Readonly<Record<string, string | undefined>>
  argv?: readonly string[]
  readText?: ReadText
}

/** Reads and merges the three sources (flags > environment > file). Never throws. */
export function loadManagedSettings(options: LoadManagedOptions = {}): ManagedSettings {
  const { platform, env = process.env, argv = process.argv, readText = readUtf8 } = options
  const path = managedConfigPath(platform, env)
  let file: ManagedLayer = { values: {}, origins: {}, warnings: [] }
  try {
    file = parseManagedFile(readText(path), path)
  } catch (error) {
    // No file is the usual case: a display nobody manages.
    if (codeOf(error) !== 'ENOENT') {
      file.warnings.push(`managed config ${path} cannot be read (${reasonOf(error)}); ignored`)
    }
  }
  const merged = mergeManagedLayers(file, parseManagedEnv(env), parseManagedArgv(argv))
  const { settingsPin, ...config } = merged.values
  const warnings = [...merged.warnings]
  let token: string | null = null
  if (config.tokenFile !== undefined) {
    const read = readTokenFile(config.tokenFile, readText)
    if ('token' in read) token = read.token
    else warnings.push(`tokenFile (${merged.origins.tokenFile}): ${read.problem}`)
  }
  return {
    config,
    origins: merged.origins,
    token,
    pin: settingsPin === undefined ? null : hashPin(settingsPin),
    warnings,
    path,
  }
}
