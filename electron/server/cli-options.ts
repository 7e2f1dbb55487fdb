// The command line of the reference server: parsed by node:util parseArgs, then validated with zod
// so that a bad value is reported with the flag it came from.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { Parsed } from '../common/protocol/parse'

export const DEFAULT_PORT = 4000
export const DEFAULT_HOST = '127.0.0.1'

export const USAGE = `Usage: npm run server -- [options]

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST       address to bind (default ${DEFAULT_HOST})
  --users FILE      JSON file of more users: { "users": [{ "id", "token", "role", "name"? }] }
  --simulate N      create N random orders a minute and walk them through their lifecycle
  --time-scale X    multiply every simulated pause by X (default 1; 0.1 is ten times faster)
  --condition-writers IDS
                    comma-separated user ids that may PATCH /api/orders/:id (the condition
                    only) without being ADMIN: kitchen displays that tell the backend
  --recovery S      turn on Socket.IO's connection state recovery for disconnections up to S
                    seconds (default off); every event then carries one more argument than the
                    spec: the packet offset
  --help            show this text`

/** A decimal number written in full (no "", "0x10", "1e3" or "Infinity"). */
const decimal = (what: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `expected ${what}`)
    .transform(Number)

export const CliOptionsSchema = z.strictObject({
  port: decimal('an integer from 0 to 65535')
    .pipe(
      z
        .number()
        .int('expected an integer from 0 to 65535')
        .max(65_535, 'expected an integer from 0 to 65535'),
    )
    .default(DEFAULT_PORT),
  host: z.string().trim().min(1, 'is empty').default(DEFAULT_HOST),
  users: z.string().min(1, 'is empty').optional(),
  simulate: decimal('a number of orders a minute, from 0 to 600')
    .pipe(z.number().max(600, 'expected at most 600 orders a minute'))
    .optional(),
  'time-scale': decimal('a positive number')
    .pipe(z.number().positive('expected a positive number').max(1_000, 'expected at most 1000'))
    .default(1),
  recovery: decimal('a number of seconds, from 1 to 86400')
    .pipe(
      z.number().min(1, 'expected at least 1 second').max(86_400, 'expected at most 86400 seconds'),
    )
    .optional(),
  'condition-writers': z
    .string()
    .regex(/^[^,\s]+(,[^,\s]+)*$/, 'expected user ids separated by commas')
    .transform((text) => text.split(','))
    .optional(),
  help: z.boolean().default(false),
})

export type CliOptions = z.infer<typeof CliOptionsSchema>

type RawValues = Record<string, string | boolean | undefined>

/** Splits argv into flag values; unknown flags and missing values are reasons. */
function readArgs(argv: readonly string[]): Parsed<RawValues> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        users: { type: 'string' },
        simulate: { type: 'string' },
        'time-scale': { type: 'string' },
        recovery: { type: 'string' },
        'condition-writers': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    return { ok: true, value: values }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** Parses command-line arguments (without `node` and the script); reasons name the flag. */
export function parseCliOptions(argv: readonly string[]): Parsed<CliOptions> {
  const raw = readArgs(argv)
  if (!raw.ok) return raw
  const result = CliOptionsSchema.safeParse(raw.value)
  if (result.success) return { ok: true, value: result.data }
  const reason = result.error.issues
    .map((issue) => {
      const flag = String(issue.path[0] ?? '')
      const given = raw.value[flag]
      const shown = typeof given === 'string' ? `, received "${given}"` : ''
      return `${flag === '' ? '' : `--${flag}: `}${issue.message}${shown}`
    })
    .join('; ')
  return { ok: false, reason }
}
