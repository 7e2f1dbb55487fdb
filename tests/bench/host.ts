// Starts and talks to shell-host.ts: the display (core + browser shell) under test, in a process
// of its own with a fresh data directory, as `npm run serve` would run it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import type { Census } from './listener-census'
import { startChild, type Child } from './child'
import type { HostConfig } from './host-config'

const CensusSchema = z.object({
  listeners: z.number(),
  emitters: z.number(),
  socketIoListeners: z.number(),
  byKind: z.record(z.string(), z.number()),
  handles: z.record(z.string(), z.number()),
}) satisfies z.ZodType<Census>

const BoardSchema = z.object({
  seq: z.number(),
  received: z.number(),
  invalid: z.number(),
  state: z.string(),
  gaps: z.number(),
  orders: z.array(z.tuple([z.string(), z.string()])),
})
export type HostBoard = z.infer<typeof BoardSchema>

const HeapSchema = z.object({ heapUsed: z.number(), external: z.number(), orders: z.number() })
const CpuSchema = z.object({ cpuMs: z.number(), wallMs: z.number() })
const CostSchema = z.object({ bytes: z.number(), orders: z.number() })
const ReadySchema = z.looseObject({ url: z.string() })

/** A running display. */
export interface Host {
  /** The page to open: `http://127.0.0.1:PORT/`. */
  url: string
  dataDir: string
  heap(): Promise<z.infer<typeof HeapSchema>>
  /** CPU time the process has used and its clock, in ms. */
  cpu(): Promise<z.infer<typeof CpuSchema>>
  census(): Promise<Census>
  board(): Promise<HostBoard>
  boardCost(): Promise<z.infer<typeof CostSchema>>
  mark(type: 'order:bump' | 'order:recall', ids: string[]): Promise<void>
  reconfigure(times: number): Promise<void>
  output(): string
  /** Stops the process and removes its data directory. */
  stop(): Promise<void>
}

/** Starts the display against `serverUrl`; `prepare` may fill the data directory first. */
export async function startHost(options: {
  rendererDir: string
  serverUrl: string
  token: string
  resyncUrl?: string | null
  /** False: the journal writes but never syncs, to measure what syncing costs. */
  journalSync?: boolean
  prepare?: (dataDir: string) => void
  /** Writes a CPU profile of the display's process there when it stops. */
  profileDir?: string
}): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kds-bench-'))
  options.prepare?.(dataDir)
  const config: HostConfig = {
    dataDir,
    rendererDir: options.rendererDir,
    serverUrl: options.serverUrl,
    token: options.token,
    resyncUrl: options.resyncUrl ?? null,
    journalSync: options.journalSync ?? true,
  }
  const profile =
    options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]
  const child: Child = startChild('tests/bench/shell-host.ts', {
    nodeArgs: ['--expose-gc', ...profile],
    env: { BENCH_HOST: JSON.stringify(config) },
  })
  let url: string
  try {
    url = ReadySchema.parse(await child.next('ready', 60_000)).url
  } catch (error) {
    await child.stop()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  return {
    url,
    dataDir,
    heap: async () => HeapSchema.parse(await child.call('heap')),
    cpu: async () => CpuSchema.parse(await child.call('cpu')),
    census: async () => CensusSchema.parse(await child.call('census')),
    board: async () => BoardSchema.parse(await child.call('board')),
    boardCost: async () => CostSchema.parse(await child.call('boardCost')),
    mark: async (type, ids) => void (await child.call('mark', { type, ids })),
    reconfigure: async (times) => void (await child.call('reconfigure', { times }, 600_000)),
    output: () => child.output(),
    async stop() {
      await child.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
