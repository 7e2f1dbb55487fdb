// The core's connection alone (OrderFeed, with the Board and the CatchUp that KdsCore wires to
// it), for a thousand reconnections: KdsCore retries after at least 250 ms, which would make a
// thousand take minutes, so here the backoff is a millisecond. Announces each new session once
// any catch-up is done; answers listener censuses. Configured by BENCH_FEED (`{ url, token }`).
import { census } from './listener-census'
import { z } from 'zod'
import { Board } from '../../electron/core/board'
import { CatchUp } from '../../electron/core/catch-up'
import { silentLogger } from '../../electron/core/logger'
import { OrderFeed } from '../../electron/core/order-feed'
import { announce, heapAfterGc, serve } from './child-side'

const { url, token } = z
  .object({ url: z.string(), token: z.string() })
  .parse(JSON.parse(process.env.BENCH_FEED ?? '{}'))

const feed = new OrderFeed({
  url,
  token,
  log: silentLogger,
  backoff: { baseMs: 1, maxMs: 1, jitter: 0 },
})
const board = new Board({ orders: [], seq: 0 }, null, silentLogger)
const catchUp = new CatchUp(board, silentLogger)
const source = { url: `${url}/api/orders?since={since}`, token }
let sessions = 0
feed.on('change', (change) => board.apply(change))
feed.on('session', (session) => {
  void catchUp.onSession(session, source).then(() => {
    sessions += 1
    announce({ type: 'session', recovered: session.recovered, sessions })
  })
})
feed.start()

serve({
  census: () => {
    const heapUsed = heapAfterGc()
    return { ...census(), heapUsed, sessions }
  },
})
process.on('SIGTERM', () => {
  feed.stop()
  process.exit(0)
})
