// The browser shell's command line and environment: read by node:util parseArgs, then validated
// with zod so that a bad value is reported with the flag or variable it came from.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { Parsed } from '../common/protocol/parse'
import { ServerUrlSchema } from '../common/settings'
import { MANAGED_FLAGS, type ManagedKey } from '../common/managed-config'

export const DEFAULT_PORT = 5173
export const LOOPBACK = '127.0.0.1'
/** Where a hub with `--lan` listens: every address of the machine. */
export const LAN_HOST = '0.0.0.0'
/** Relative to the current directory; `.gitignore` keeps it out of the repository. */
export const DEFAULT_DATA_DIR = '.kds-data'

export const USAGE = `Usage: npm run serve -- [options]

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST       address to bind; only ${LOOPBACK} (or localhost): see --lan (with --lan,
                    --host ${LOOPBACK} keeps pairing but serves this machine only)
  --lan             be the hub of a kitchen: serve paired screens on the local network (every
                    screen, this machine's too, pairs with the code printed here)
  --data-dir DIR    where the journal, settings.json and devices.json live (default ./${DEFAULT_DATA_DIR})
  --server URL      the backend (default: $KDS_SERVER_URL, else settings.json, else demo mode)
  --help            show this text

The managed configuration applies as in the app (the file, KDS_* variables, flags such as
--view station:hot, --stations JSON, --default-station ID, --layout, --settings-pin).

Environment:
  KDS_TOKEN         the token for the backend (never a flag, so it stays out of process lists)
  KDS_SERVER_URL    the backend, when --server is not given
  KDS_CONFIG_FILE   the managed configuration file (default /etc/kitchen-display/config.json)`

/** What the browser shell runs with. */
export interface WebOptions {
  port: number
  host: typeof LOOPBACK
  /** --host was given: a hub with --lan then stays on it rather than every address. */
  hostGiven: boolean
  dataDir: string
  /** undefined: whatever settings.json says (demo mode by default). */
  serverUrl: string | undefined
  token: string | null
  help: boolean
  /** The managed configuration's flags among argv (`--lan`, `--view X`...), for loadManagedSettings. */
  managedArgv: string[]
}

const PORT_MESSAGE = 'expected an integer from 0 to 65535'

// Mirroring to tablets needs authentication of the devices first; until then only loopback.
const HostSchema = z
  .string()
  .trim()
  .refine((host) => host === LOOPBACK || host === 'localhost', {
    error: (issue) =>
      `the board is served on ${LOOPBACK} only; --lan serves paired screens on the network, ` +
      `received "${String(issue.input)}"`,
  })
  .transform((): typeof LOOPBACK => LOOPBACK)

const FlagsSchema = z.strictObject({
  port: z
    .string()
    .regex(/^\d{1,5}$/, PORT_MESSAGE)
    .transform(Number)
    .pipe(z.number().max(65_535, PORT_MESSAGE))
    .default(DEFAULT_PORT),
  host: HostSchema.default(LOOPBACK),
  'data-dir': z.string().trim().min(1, 'is empty').default(DEFAULT_DATA_DIR),
  server: ServerUrlSchema.optional(),
  help: z.boolean().default(false),
})

// An empty variable counts as unset, as shells make it easy to leave one empty by accident.
const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value)

const EnvSchema = z.object({
  KDS_TOKEN: z.preprocess(emptyIsUnset, z.string().trim().min(1).max(4_096).optional()),
  KDS_SERVER_URL: z.preprocess(emptyIsUnset, ServerUrlSchema.optional()),
})

type RawFlags = Record<string, string | boolean | undefined>

// The shell's own `--server` is read here (its mistakes stop the shell, as they always did).
const MANAGED_ONLY = (Object.entries(MANAGED_FLAGS) as [ManagedKey, string][]).filter(
  ([key]) => key !== 'serverUrl',
)
const MANAGED_BOOLEAN = new Set<ManagedKey>(['kiosk', 'startAtLogin', 'lan'])

/** argv split into the shell's own flags and the managed configuration's. */
export function splitManagedArgv(argv: readonly string[]): { own: string[]; managed: string[] } {
  const own: string[] = []
  const managed: string[] = []
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? ''
    const found = MANAGED_ONLY.find(
      ([, flag]) => arg === `--${flag}` || arg.startsWith(`--${flag}=`),
    )
    if (found === undefined) {
      own.push(arg)
      continue
    }
    managed.push(arg)
    const next = argv[index + 1]
    const takesValue = !MANAGED_BOOLEAN.has(found[0]) && !arg.includes('=')
    if (takesValue && next !== undefined && !next.startsWith('--')) {
      managed.push(next)
      index += 1
    }
  }
  return { own, managed }
}

function readFlags(argv: readonly string[]): Parsed<RawFlags> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        server: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    return { ok: true, value: values }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** One reason per issue, each prefixed with the flag or variable it is about. */
function reasons(error: z.ZodError, name: (key: string) => string): string {
  return error.issues
    .map((issue) => `${name(String(issue.path[0] ?? ''))}: ${issue.message}`)
    .join('; ')
}

/** Parses argv (without `node` and the script) and the environment; reasons name the culprit. */
export function parseWebOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): Parsed<WebOptions> {
  const { own, managed } = splitManagedArgv(argv)
  const raw = readFlags(own)
  if (!raw.ok) return raw
  const flags = FlagsSchema.safeParse(raw.value)
  // The flag wins, so a variable it overrides is not judged.
  const vars = EnvSchema.safeParse({
    KDS_TOKEN: env.KDS_TOKEN,
    KDS_SERVER_URL: raw.value.server === undefined ? env.KDS_SERVER_URL : undefined,
  })
  const problems = [
    flags.success ? '' : reasons(flags.error, (key) => `--${key}`),
    vars.success ? '' : reasons(vars.error, (key) => key),
  ].filter((reason) => reason !== '')
  if (!flags.success || !vars.success) return { ok: false, reason: problems.join('; ') }
  return {
    ok: true,
    value: {
      port: flags.data.port,
      host: flags.data.host,
      hostGiven: raw.value.host !== undefined,
      dataDir: resolve(cwd, flags.data['data-dir']),
      serverUrl: flags.data.server ?? vars.data.KDS_SERVER_URL,
      token: vars.data.KDS_TOKEN ?? null,
      help: flags.data.help,
      managedArgv: managed,
    },
  }
}
