// `npm run bench -- [--json FILE] [--only PHASES] [--profile DIR] [--quick]`.
import { parseArgs } from 'node:util'
import { z } from 'zod'

export const PHASES = ['latency', 'throughput', 'render', 'start', 'hub', 'soak'] as const
export type Phase = (typeof PHASES)[number]

export interface BenchArgs {
  /** Also write the figures as JSON here. */
  json: string | null
  /** The phases to run, in the order of PHASES. */
  phases: Phase[]
  /** Write CPU profiles of the display's process and of the page here. */
  profile: string | null
  /** Every phase shrunk to seconds (plan.ts): to try the bench, not for figures. */
  quick: boolean
  help: boolean
}

export const USAGE = `Usage: npm run bench -- [options]

  --json FILE      also write the figures as JSON to FILE
  --only PHASES    run only these, comma-separated: ${PHASES.join(', ')}
  --profile DIR    write CPU profiles (.cpuprofile) of the display's process and of the page to DIR
  --quick          every phase shrunk to seconds, to try the bench itself (figures not comparable)
  --help           show this text`

const PhaseSchema = z.enum(PHASES)

/** Parses argv (without node and the script); throws an Error naming the bad flag. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      json: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'string' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const only = values.only?.split(',').map((name) => name.trim())
  const chosen = only === undefined ? [...PHASES] : z.array(PhaseSchema).safeParse(only)
  if (!Array.isArray(chosen) && !chosen.success) {
    throw new Error(`--only: expected some of ${PHASES.join(', ')}, got "${values.only ?? ''}"`)
  }
  const wanted = new Set(Array.isArray(chosen) ? chosen : chosen.data)
  return {
    json: values.json ?? null,
    phases: PHASES.filter((phase) => wanted.has(phase)),
    profile: values.profile ?? null,
    quick: values.quick ?? false,
    help: values.help ?? false,
  }
}
