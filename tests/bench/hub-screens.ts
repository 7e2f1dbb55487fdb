// Ten screens on one hub: the display's process serving ten board pages (each its own browser
// context, as ten devices are) while the flow runs at a steady rate; each screen's latency from
// the server's emit to its card in that screen's DOM, the slowest screen's p99 beside the bare
// client's, and the CPU the hub's process used meanwhile.
import type { Browser } from '@playwright/test'
import { startBaseline } from './baseline'
import { openBoard, type BoardPage } from './browser'
import { anchoredClock, waitUntil } from './clock'
import { clockCheck, clockOffset } from './clock-offset'
import { meterCpu, type CpuPerEvent } from './cpu-meter'
import { OrderFlow } from './flow'
import { WATCHER_TOKEN } from './reference'
import { openStage } from './stage'
import { summarize, type Summary } from './stats'

export interface HubScreensResult {
  screens: number
  rate: number
  seconds: number
  /** Each screen's latency. */
  perScreen: Summary[]
  slowestP99: number
  baseline: Summary
  /** The hub's process: CPU seconds per second of the run (1 = one core busy). */
  hubCpu: number
  /** CPU ms per event, until every screen caught up: the hub's, and all the screens' together. */
  cpu: CpuPerEvent
}

const SETTLE_MS = 10_000

/** Emit → card in `board`'s DOM for each id emitted since `before`, on the server's clock. */
async function latencies(board: BoardPage, flow: OrderFlow, ids: string[], offsetMs: number) {
  const seenAt = new Map((await board.read()).cards)
  const samples: number[] = []
  for (const id of ids) {
    const seen = seenAt.get(id)
    const emitted = flow.emittedAt.get(id)
    if (seen !== undefined && emitted !== undefined) samples.push(seen - offsetMs - emitted)
  }
  return samples
}

export async function measureHubScreens(
  browser: Browser,
  options: {
    rendererDir: string
    screens: number
    rate: number
    seconds: number
    warmupSeconds: number
  },
): Promise<HubScreensResult> {
  // Loopback: the bridge admits the screens without pairing (only --lan asks for it). Each
  // screen names its role on its address, as a kitchen's devices do, and shows the condition
  // columns: the latency is of a new card entering the DOM, and the tiles' page may not hold it.
  const stage = await openStage(browser, {
    rendererDir: options.rendererDir,
    layout: 'columns',
    screen: 'kitchen',
  })
  const boards: BoardPage[] = [stage.board]
  try {
    for (let screen = 1; screen < options.screens; screen += 1) {
      const board = await openBoard(browser, stage.host.url, {
        idle: false,
        layout: 'columns',
        screen: 'kitchen',
      })
      boards.push(board)
      await board.connected()
    }
    const baseline = await startBaseline(stage.reference.url, WATCHER_TOKEN)
    try {
      const clock = anchoredClock()
      await baseline.anchor()
      const flow = new OrderFlow(stage.reference, clock)
      await flow.run(options.rate, options.warmupSeconds * 1_000)
      await baseline.take()
      const before = new Set(flow.emittedAt.keys())
      const offsetsBefore = await Promise.all(boards.map((b) => clockOffset(clock, b.now)))
      const baselineBefore = await clockOffset(clock, baseline.now)
      const cpuBefore = await stage.host.cpu()
      const cpuUntil = await meterCpu(browser, stage.host)
      const run = await flow.run(options.rate, options.seconds * 1_000)
      const cpuAfter = await stage.host.cpu()
      const ids = [...flow.emittedAt.keys()].filter((id) => !before.has(id))
      for (const board of boards) {
        await waitUntil(async () => (await board.seen()) >= flow.emittedAt.size, SETTLE_MS, 50)
      }
      const cpu = await cpuUntil(run.events)
      const perScreen: Summary[] = []
      for (const [index, board] of boards.entries()) {
        const offset = offsetsBefore[index]
        if (offset === undefined) throw new Error('a screen has no clock offset')
        const check = clockCheck(offset, await clockOffset(clock, board.now))
        perScreen.push(summarize(await latencies(board, flow, ids, check.offsetMs)))
      }
      const arrivals = await baseline.take()
      const baselineClock = clockCheck(baselineBefore, await clockOffset(clock, baseline.now))
      const floor: number[] = []
      for (const id of ids) {
        const arrived = arrivals.get(id)
        const emitted = flow.emittedAt.get(id)
        if (arrived !== undefined && emitted !== undefined) {
          floor.push(arrived - baselineClock.offsetMs - emitted)
        }
      }
      return {
        screens: boards.length,
        rate: run.rate,
        seconds: run.seconds,
        perScreen,
        slowestP99: Math.max(...perScreen.map((summary) => summary.p99)),
        baseline: summarize(floor),
        hubCpu: (cpuAfter.cpuMs - cpuBefore.cpuMs) / (cpuAfter.wallMs - cpuBefore.wallMs),
        cpu,
      }
    } finally {
      await baseline.stop()
    }
  } finally {
    for (const board of boards.slice(1)) await board.close().catch(() => undefined)
    await stage.stop()
  }
}
