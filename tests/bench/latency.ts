// Latency: event to screen through the real path (reference server → core → browser shell →
// renderer in Chromium), from the server's emit to the card in the DOM, at a steady rate; and
// the floor, a bare socket.io-client receiving the same events at the same time.
import type { Browser } from '@playwright/test'
import { startBaseline } from './baseline'
import { PAST_NEW, writeBoardJournal } from './board-fixture'
import { anchoredClock } from './clock'
import { clockCheck, clockOffset, type ClockCheck } from './clock-offset'
import type { CpuPerEvent } from './cpu-meter'
import { OrderFlow } from './flow'
import { WATCHER_TOKEN } from './reference'
import { openStage } from './stage'
import { summarize, type Summary } from './stats'
import { stream } from './stream'

export interface LatencyOptions {
  rendererDir: string
  /** Write CPU profiles there. */
  profileDir?: string
  rate: number
  seconds: number
  warmupSeconds: number
  /** False: the journal never syncs, to show what syncing costs (default true, as shipped). */
  journalSync?: boolean
  /** Orders on the board before the run (its journal, none in NEW). */
  boardOrders: number
}

export interface LatencyResult {
  rate: number
  seconds: number
  display: Summary
  baseline: Summary
  unseen: number
  /** The display's latency in each third of the run, as the board grows. */
  byThird: Summary[]
  /** Orders on the board before the run, and the new ones the run added. */
  boardOrders: number
  addedOrders: number
  /** The page's and the bare client's clocks against the server's, as corrected. */
  clocks: { page: ClockCheck; baseline: ClockCheck }
  /** CPU ms per event: the hub's process and the page's Chromium processes. */
  cpu: CpuPerEvent
  /** The display's latency in a second run whose journal never synced, when there was one. */
  withoutSync?: Summary
  /** The display's latency in a run on a small board, when there was one. */
  smallBoard?: { boardOrders: number; display: Summary; baseline: Summary }
}

export async function measureLatency(
  browser: Browser,
  options: LatencyOptions,
): Promise<LatencyResult> {
  const stage = await openStage(browser, {
    layout: 'columns',
    rendererDir: options.rendererDir,
    profileDir: options.profileDir,
    journalSync: options.journalSync,
    prepare:
      options.boardOrders > 0
        ? (dir) => writeBoardJournal(dir, options.boardOrders, PAST_NEW)
        : undefined,
  })
  try {
    const baseline = await startBaseline(stage.reference.url, WATCHER_TOKEN)
    try {
      const clock = anchoredClock()
      await baseline.anchor()
      const flow = new OrderFlow(stage.reference, clock)
      // JIT, caches and the first layout of the columns are not what is measured.
      await flow.run(options.rate, options.warmupSeconds * 1_000)
      await baseline.take()
      const baselineBefore = await clockOffset(clock, baseline.now)
      const result = await stream(stage, flow, options.rate, options.seconds * 1_000)
      const arrivals = await baseline.take()
      const baselineClock = clockCheck(baselineBefore, await clockOffset(clock, baseline.now))
      const floor: number[] = []
      for (const id of result.ids) {
        const arrived = arrivals.get(id)
        const emitted = flow.emittedAt.get(id)
        if (arrived !== undefined && emitted !== undefined) {
          floor.push(arrived - baselineClock.offsetMs - emitted)
        }
      }
      const third = Math.ceil(result.latencies.length / 3)
      return {
        rate: result.run.rate,
        seconds: result.run.seconds,
        display: summarize(result.latencies),
        baseline: summarize(floor),
        unseen: result.unseen,
        byThird: [0, 1, 2].map((part) =>
          summarize(result.latencies.slice(part * third, (part + 1) * third)),
        ),
        boardOrders: options.boardOrders,
        addedOrders: flow.expected.size,
        clocks: { page: result.pageClock, baseline: baselineClock },
        cpu: result.cpu,
      }
    } finally {
      await baseline.stop()
    }
  } finally {
    await stage.stop()
  }
}
