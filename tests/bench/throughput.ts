// Throughput: the highest sustained rate of `order:new` + `order:condition` events at which the
// board, in the core and on screen, loses and duplicates nothing and p99 stays under a second.
// The rate is stepped up on a fresh stage each time (an empty board, as at the start of a day),
// and the steps stop at the first that fails. A step passes when the server sustained the rate,
// the board is exact, p99 of the cards seen is under the limit and the screen caught up within it.
import type { Browser } from '@playwright/test'
import { checkBoard, columnsMatch, type BoardCheck } from './board-check'
import { anchoredClock, waitUntil } from './clock'
import type { CpuPerEvent } from './cpu-meter'
import { OrderFlow } from './flow'
import { openStage } from './stage'
import { summarize, type Summary } from './stats'
import { stream } from './stream'

export interface ThroughputOptions {
  rendererDir: string
  /** Write CPU profiles there. */
  profileDir?: string
  rates: readonly number[]
  /** Tried when every rate of `rates` fails. */
  fallbackRate: number
  seconds: number
  /** p99 must stay under this. */
  p99LimitMs: number
}

export interface StepResult {
  /** The rate asked for, and the one the server achieved. */
  rate: number
  achieved: number
  latency: Summary
  unseen: number
  check: BoardCheck
  /** How long after the flow stopped the screen had caught up. */
  settledMs: number
  /** CPU ms per event: the hub's process and the page's Chromium processes. */
  cpu: CpuPerEvent
  passed: boolean
}

export interface ThroughputResult {
  /** The highest passing rate (achieved), 0 when none passed. */
  eventsPerSecond: number
  /** Every rate tried passed: the display's limit is higher than the figure says. */
  ceiling: boolean
  lost: number
  duplicated: number
  steps: StepResult[]
}

const SETTLE_MS = 5_000
const MIN_SAMPLES = 100

async function step(browser: Browser, options: ThroughputOptions, rate: number) {
  const stage = await openStage(browser, {
    layout: 'columns',
    rendererDir: options.rendererDir,
    profileDir: options.profileDir,
  })
  try {
    const flow = new OrderFlow(stage.reference, anchoredClock())
    const result = await stream(stage, flow, rate, options.seconds * 1_000)
    const { settledMs } = result
    // Whatever is still missing after a while more is lost.
    await waitUntil(async () => {
      const core = await stage.host.board()
      return core.received >= flow.events && columnsMatch(flow, await stage.board.columns())
    }, SETTLE_MS)
    const check = checkBoard(flow, await stage.host.board(), await stage.board.read())
    const latency = summarize(result.latencies)
    // Cards that entered and left the view between two frames are never drawn (a renderer that
    // batches may do that at high rates), so p99 is over the cards seen; the time the screen took
    // to catch up once the flow stopped bounds the rest.
    const passed =
      check.lost === 0 &&
      check.duplicated === 0 &&
      latency.count >= MIN_SAMPLES &&
      latency.p99 < options.p99LimitMs &&
      settledMs < options.p99LimitMs &&
      result.run.rate >= 0.95 * rate
    return {
      rate,
      achieved: result.run.rate,
      latency,
      unseen: result.unseen,
      check,
      settledMs,
      cpu: result.cpu,
      passed,
    }
  } finally {
    await stage.stop()
  }
}

export async function measureThroughput(
  browser: Browser,
  options: ThroughputOptions,
  progress: (step: StepResult) => void = () => {},
): Promise<ThroughputResult> {
  const steps: StepResult[] = []
  for (const rate of options.rates) {
    const result = await step(browser, options, rate)
    steps.push(result)
    progress(result)
    if (!result.passed) break
  }
  if (!steps.some((s) => s.passed)) {
    const result = await step(browser, options, options.fallbackRate)
    steps.push(result)
    progress(result)
  }
  const best = steps.filter((s) => s.passed).at(-1)
  // Lost and duplicated at the highest passing rate (zero by definition), else at the first step.
  const reported = best ?? steps[0]
  return {
    eventsPerSecond: best?.achieved ?? 0,
    ceiling: best !== undefined && best.rate === options.rates.at(-1),
    lost: reported?.check.lost ?? 0,
    duplicated: reported?.check.duplicated ?? 0,
    steps,
  }
}
