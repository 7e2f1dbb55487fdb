// Starts baseline-client.ts and collects what it saw.
import { z } from 'zod'
import { startChild } from './child'

/** The bare client, running. */
export interface Baseline {
  anchor(): Promise<void>
  /** The bare client's clock now. */
  now(): Promise<number>
  /** Arrival times by id since the last take. */
  take(): Promise<Map<string, number>>
  stop(): Promise<void>
}

const EntriesSchema = z.array(z.tuple([z.string(), z.number()]))

/** Starts the bare client against `url` and resolves once it is authorized. */
export async function startBaseline(url: string, token: string): Promise<Baseline> {
  const child = startChild('tests/bench/baseline-client.ts', {
    env: { BENCH_BASELINE: JSON.stringify({ url, token }) },
  })
  try {
    await child.next('ready', 60_000)
  } catch (error) {
    await child.stop()
    throw error
  }
  return {
    anchor: async () => void (await child.call('anchor')),
    now: async () => z.number().parse(await child.call('now')),
    take: async () => new Map(EntriesSchema.parse(await child.call('take'))),
    stop: () => child.stop(),
  }
}
