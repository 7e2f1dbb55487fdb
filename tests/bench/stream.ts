// Plays the flow on a stage and measures each new order from its emit to its card in the DOM.
import { columnsMatch } from './board-check'
import { waitUntil } from './clock'
import { clockCheck, clockOffset, type ClockCheck } from './clock-offset'
import { meterCpu, type CpuPerEvent } from './cpu-meter'
import type { FlowRun, OrderFlow } from './flow'
import type { Stage } from './stage'

export interface StreamResult {
  run: FlowRun
  /** The new orders emitted in this stream. */
  ids: string[]
  /** Emit → card in the DOM, in ms, of each of `ids` that was seen. */
  latencies: number[]
  /** New orders whose card never entered the DOM. */
  unseen: number
  /** How long after the flow stopped the screen had caught up (every card seen, or the column
   * counts right); SETTLE_MS when it had not by then. */
  settledMs: number
  /** The page's clock against the server's, which the card times were corrected by. */
  pageClock: ClockCheck
  /** CPU per event of the run, until the screen caught up: the hub's process and the page's. */
  cpu: CpuPerEvent
}

/** Waits this long at most, after the flow stops, for the screen to catch up. */
const SETTLE_MS = 10_000

/** Emits `rate` events a second for `durationMs` and reads the page's card times afterwards. */
export async function stream(
  stage: Stage,
  flow: OrderFlow,
  rate: number,
  durationMs: number,
): Promise<StreamResult> {
  const before = new Set(flow.emittedAt.keys())
  const clockBefore = await clockOffset(flow.clock, stage.board.now)
  const browser = stage.board.page.context().browser()
  if (browser === null) throw new Error('the board page has no browser')
  const cpuUntil = await meterCpu(browser, stage.host)
  const run = await flow.run(rate, durationMs)
  const stopped = performance.now()
  await waitUntil(
    async () =>
      (await stage.board.seen()) >= flow.emittedAt.size ||
      columnsMatch(flow, await stage.board.columns()),
    SETTLE_MS,
    20,
  )
  const settledMs = performance.now() - stopped
  const cpu = await cpuUntil(run.events)
  const pageClock = clockCheck(clockBefore, await clockOffset(flow.clock, stage.board.now))
  const seenAt = new Map((await stage.board.read()).cards)
  const ids = [...flow.emittedAt.keys()].filter((id) => !before.has(id))
  const latencies: number[] = []
  for (const id of ids) {
    const seen = seenAt.get(id)
    const emitted = flow.emittedAt.get(id)
    if (seen !== undefined && emitted !== undefined) {
      latencies.push(seen - pageClock.offsetMs - emitted)
    }
  }
  return {
    run,
    ids,
    latencies,
    unseen: ids.length - latencies.length,
    settledMs,
    pageClock,
    cpu,
  }
}
