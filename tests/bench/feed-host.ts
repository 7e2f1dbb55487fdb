// Starts feed-reconnects.ts and makes it reconnect: the server drops it, by turns as a network
// blip it recovers from and as a disconnection it cannot, and waits for each new session.
import { z } from 'zod'
import { startChild } from './child'
import { disconnectAll, dropTransports, type Reference } from './reference'

const CensusSchema = z.object({
  listeners: z.number(),
  emitters: z.number(),
  socketIoListeners: z.number(),
  byKind: z.record(z.string(), z.number()),
  handles: z.record(z.string(), z.number()),
  heapUsed: z.number(),
  sessions: z.number(),
})
export type FeedCensus = z.infer<typeof CensusSchema>

export interface FeedReconnects {
  before: FeedCensus
  after: FeedCensus
  reconnects: number
  recovered: number
  seconds: number
}

const SESSION_TIMEOUT_MS = 10_000
const WARMUP_RECONNECTS = 60

/** Connects a bare core feed to `reference` and reconnects it `times` times. */
export async function reconnectFeed(
  reference: Reference,
  token: string,
  times: number,
): Promise<FeedReconnects> {
  const child = startChild('tests/bench/feed-reconnects.ts', {
    nodeArgs: ['--expose-gc'],
    env: { BENCH_FEED: JSON.stringify({ url: reference.url, token }) },
  })
  try {
    await child.next('session', 60_000)
    /** Reconnects `rounds` times; answers how many sessions the server recovered. */
    const reconnect = async (rounds: number) => {
      let recovered = 0
      for (let round = 1; round <= rounds; round += 1) {
        const session = child.next('session', SESSION_TIMEOUT_MS)
        if (round % 3 === 0) disconnectAll(reference)
        else dropTransports(reference)
        const announced = z.looseObject({ recovered: z.boolean() }).parse(await session)
        if (announced.recovered) recovered += 1
      }
      return recovered
    }
    // The first reconnects load code and fill caches; they are not what is counted.
    await reconnect(WARMUP_RECONNECTS)
    const before = CensusSchema.parse(await child.call('census'))
    const started = performance.now()
    const recovered = await reconnect(times)
    const seconds = (performance.now() - started) / 1_000
    const after = CensusSchema.parse(await child.call('census'))
    return { before, after, reconnects: times, recovered, seconds }
  } finally {
    await child.stop()
  }
}
