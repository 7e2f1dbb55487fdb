// The browser shell's command line and environment: read by node:util parseArgs, then validated
// with zod so that a bad value is reported with the flag or variable it came from.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { Parsed } from '../common/protocol/parse'
import { ServerUrlSchema } from '../common/settings'

export const DEFAULT_PORT = 5173
export const LOOPBACK = '127.0.0.1'
/** Relative to the current directory; `.gitignore` keeps it out of the repository. */
export const DEFAULT_DATA_DIR = '.kds-data'

export const USAGE = `Usage: npm run serve -- [options]

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST       address to bind; only ${LOOPBACK} (or localhost) for now
  --data-dir DIR    where the journal and settings.json live (default ./${DEFAULT_DATA_DIR})
  --server URL      the backend (default: $KDS_SERVER_URL, else settings.json, else demo mode)
  --help            show this text

Environment:
  KDS_TOKEN         the token for the backend (never a flag, so it stays out of process lists)
  KDS_SERVER_URL    the backend, when --server is not given`

/** What the browser shell runs with. */
export interface WebOptions {
  port: number
  host: typeof LOOPBACK
  dataDir: string
  /** undefined: whatever settings.json says (demo mode by default). */
  serverUrl: string | undefined
  token: string | null
  help: boolean
}

const PORT_MESSAGE = 'expected an integer from 0 to 65535'

// Mirroring to tablets needs authentication of the devices first; until then only loopback.
const HostSchema = z
  .string()
  .trim()
  .refine((host) => host === LOOPBACK || host === 'localhost', {
    error: (issue) =>
      `mirroring to other devices is not supported yet: the board is served on ${LOOPBACK} only, ` +
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
  const raw = readFlags(argv)
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
      dataDir: resolve(cwd, flags.data['data-dir']),
      serverUrl: flags.data.server ?? vars.data.KDS_SERVER_URL,
      token: vars.data.KDS_TOKEN ?? null,
      help: flags.data.help,
    },
  }
}
