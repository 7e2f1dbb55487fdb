// `npm run bench`: the display's latency, throughput, render time and soak, measured through the
// real path (reference server → core → browser shell → renderer in Debian's Chromium) and
// printed as a table with the goal next to each figure. See USAGE in args.ts, and plan.ts for
// the size of each phase. The renderer is built from the working tree first.
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser } from '@playwright/test'
import { parseBenchArgs, USAGE, type BenchArgs, type Phase } from './args'
import type { BoardCheck } from './board-check'
import { browserVersion, launchBrowser } from './browser'
import { buildRenderer } from './build-renderer'
import type { CpuPerEvent } from './cpu-meter'
import { measureLatency } from './latency'
import { busyWarning, currentLoad, describeMachine, machineLine } from './machine'
import { measureColdStart } from './cold-start'
import { measureHeapPerOrder } from './heap-per-order'
import { measureHubScreens } from './hub-screens'
import { FULL_PLAN, QUICK_PLAN, type BenchPlan } from './plan'
import { measureRender, type RenderResult } from './render'
import { buildReport, type PhaseResults } from './report'
import { measureSoak } from './soak'
import { round } from './stats'
import { formatTable } from './table'
import { measureThroughput } from './throughput'

const say = (text: string) => console.log(text)
const ms = (value: number) => `${round(value, 1)} ms`
// Missing from the core is lost; missing only from the screen is not drawn yet when checked.
const lostText = ({ lost, detail }: BoardCheck) =>
  lost === 0 ? '0' : `${lost} (core ${detail.coreMissing}, screen ${detail.screenMissing})`
const cpuText = ({ hubMs, pagesMs }: CpuPerEvent, pages = 'page') =>
  `${round(hubMs, 3)} ms the hub, ${round(pagesMs, 3)} ms the ${pages}`
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(round(value, 2))} ms`

async function runPhase(
  phase: Phase,
  browser: Browser,
  rendererDir: string,
  profileDir: string | undefined,
  results: PhaseResults,
  plan: BenchPlan,
): Promise<void> {
  const {
    hub: HUB,
    latency: LATENCY,
    latencyBoards: LATENCY_BOARDS,
    render: RENDER,
    soak: SOAK,
    soakDay: SOAK_DAY,
    start: START,
    throughput: THROUGHPUT,
  } = plan
  if (phase === 'latency') {
    const { large, small } = LATENCY_BOARDS
    say(
      `latency: ${LATENCY.rate} events/s for ${LATENCY.seconds} s on a board of ${large} orders, ` +
        `beside a bare client…`,
    )
    const result = await measureLatency(browser, {
      rendererDir,
      profileDir,
      ...LATENCY,
      boardOrders: large,
    })
    results.latency = result
    say(
      `  p50 ${ms(result.display.p50)}, p99 ${ms(result.display.p99)} ` +
        `(bare client ${ms(result.baseline.p50)}, ${ms(result.baseline.p99)}), ` +
        `${result.display.count} cards, ${result.unseen} not seen`,
    )
    say(`  CPU per event: ${cpuText(result.cpu)}`)
    const { page, baseline } = result.clocks
    say(
      `  clocks against the server's: the page's ${signed(page.before.offsetMs)} → ` +
        `${signed(page.after.offsetMs)}, the bare client's ${signed(baseline.before.offsetMs)} → ` +
        `${signed(baseline.after.offsetMs)} (times corrected by the mean)`,
    )
    say(`  again, on a board of ${small} orders…`)
    const smallRun = await measureLatency(browser, { rendererDir, ...LATENCY, boardOrders: small })
    result.smallBoard = {
      boardOrders: small,
      display: smallRun.display,
      baseline: smallRun.baseline,
    }
    say(
      `  p50 ${ms(smallRun.display.p50)}, p99 ${ms(smallRun.display.p99)} (bare client ` +
        `${ms(smallRun.baseline.p50)}, ${ms(smallRun.baseline.p99)})`,
    )
    // The same run again with the journal's syncs taken out: the difference is their cost.
    say(`  again, ${large} orders, with the journal writing but never syncing to the disk…`)
    const unsynced = await measureLatency(browser, {
      rendererDir,
      ...LATENCY,
      boardOrders: large,
      journalSync: false,
    })
    result.withoutSync = unsynced.display
    say(
      `  without syncing: p50 ${ms(unsynced.display.p50)}, p99 ${ms(unsynced.display.p99)} ` +
        `(syncing adds ${signed(result.display.p50 - unsynced.display.p50)} at p50, ` +
        `${signed(result.display.p99 - unsynced.display.p99)} at p99)`,
    )
  } else if (phase === 'throughput') {
    say(`throughput: ${THROUGHPUT.rates.join(', ')} events/s, ${THROUGHPUT.seconds} s each…`)
    results.throughput = await measureThroughput(
      browser,
      { rendererDir, profileDir, ...THROUGHPUT },
      (step) =>
        say(
          `  ${step.rate}/s: achieved ${Math.round(step.achieved)}/s, p50 ${ms(step.latency.p50)}, ` +
            `p99 ${ms(step.latency.p99)}, lost ${lostText(step.check)}, duplicated ` +
            `${step.check.duplicated}, unseen ${step.unseen}, caught up ${ms(step.settledMs)} ` +
            `after; CPU per event ${cpuText(step.cpu)}: ${step.passed ? 'pass' : 'fail'}`,
        ),
    )
  } else if (phase === 'render') {
    const runs: RenderResult[] = []
    for (const orders of RENDER.orders) {
      say(`render: a snapshot of ${orders} orders, ${RENDER.loads} page loads…`)
      const result = await measureRender(browser, {
        rendererDir,
        profileDir,
        orders,
        loads: RENDER.loads,
      })
      runs.push(result)
      const { totalMs, answerMs, drawMs, fromNavigationMs } = result.median
      say(
        `  ${ms(totalMs)} (answer ${ms(answerMs)}, then drawn and idle ${ms(drawMs)}); from ` +
          `navigation ${ms(fromNavigationMs)}, the same screen as a static page ${ms(result.floorMs)}`,
      )
    }
    results.render = runs
  } else if (phase === 'hub') {
    say(`hub: ${HUB.screens} screens on one hub, ${HUB.rate} events/s for ${HUB.seconds} s…`)
    const hub = await measureHubScreens(browser, { rendererDir, ...HUB })
    results.hub = hub
    say(
      `  p99 per screen ${hub.perScreen.map((s) => round(s.p99, 1)).join(', ')} ms; slowest ` +
        `${ms(hub.slowestP99)} (bare client ${ms(hub.baseline.p99)}); the hub used ` +
        `${round(hub.hubCpu, 2)} cores; CPU per event ${cpuText(hub.cpu, 'screens')}`,
    )
  } else if (phase === 'start') {
    say(
      `start: a busy day's journal, ${START.runs} cold starts; heap per order on ${START.heapOrders}…`,
    )
    const cold = await measureColdStart(browser, { rendererDir, runs: START.runs })
    say(
      `  ${cold.orders} orders, ${cold.changes} changes, ${round(cold.journalBytes / 1e6, 1)} MB: ` +
        `first ticket drawn ${ms(cold.coldMs)} after the process started; reading and parsing the ` +
        `journal alone ${ms(cold.floorMs)}`,
    )
    const { split } = cold
    say(
      `  from the process start: core and shell up ${ms(split.readyMs)}, snapshot asked ` +
        `${ms(split.askedMs)}, its ${round(split.snapshotChars / 1e6, 1)} M chars arrived ` +
        `${ms(split.arrivedMs)}, first ticket in the DOM ${ms(split.firstCardMs)}, drawn ${ms(cold.coldMs)}`,
    )
    const heap = await measureHeapPerOrder({ rendererDir, orders: START.heapOrders })
    say(
      `  heap ${round(heap.emptyHeapBytes / 1e6, 1)} MB empty, ${round(heap.fullHeapBytes / 1e6, 1)} ` +
        `MB with ${heap.orders} orders: ${Math.round(heap.bytesPerOrder)} B an order`,
    )
    results.start = { cold, heap }
  } else {
    say(
      `soak: ${SOAK.reconnects} reconnects, then a ${SOAK_DAY.hours} h day of ` +
        `${SOAK_DAY.ordersPerHour} orders an hour at ${SOAK_DAY.secondsPerHour} s an hour…`,
    )
    const result = await measureSoak(browser, { rendererDir, profileDir, day: SOAK_DAY, ...SOAK })
    results.soak = result
    say(
      `  ${result.day.orders} orders, ${result.day.events} events, ${result.day.reconnects} ` +
        `reconnects; heap ${round(result.coreGrowthMbPerHour, 3)} (core) + ` +
        `${round(result.pageGrowthMbPerHour, 3)} (page) MB/h, outside the core's heap ` +
        `${round(result.coreExternalGrowthMbPerHour, 3)} MB/h; listener growth ${result.listenersGrowth}`,
    )
  }
}

async function bench(args: BenchArgs): Promise<number> {
  const started = performance.now()
  const profileDir = args.profile ?? undefined
  if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true })
  const plan = args.quick ? QUICK_PLAN : FULL_PLAN
  if (args.quick) say('Quick mode: every phase shrunk to seconds; the figures are not comparable.')
  say('Building the renderer from the working tree…')
  // Profiles name the functions: the renderer is left unminified when they are asked for.
  const built = await buildRenderer({ minify: profileDir === undefined })
  const browser = await launchBrowser()
  const machine = describeMachine(browserVersion(browser))
  say(`Machine: ${machineLine(machine)}`)
  const busyAtStart = busyWarning(machine)
  if (busyAtStart !== null) say(busyAtStart)
  say('')
  const results: PhaseResults = {}
  try {
    for (const phase of args.phases) {
      try {
        await runPhase(phase, browser, built.dir, profileDir, results, plan)
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error))
        results[phase] = failure
        say(`  ${phase} failed: ${failure.message}`)
      }
    }
  } finally {
    await browser.close()
    built.remove()
  }
  machine.loadAtEnd = currentLoad()
  const report = buildReport(results, machine, (performance.now() - started) / 1_000)
  say(`\nKitchen Display benchmark (${report.seconds} s)\n${machineLine(machine)}\n`)
  say(formatTable(report))
  const busy = busyWarning(machine)
  if (busy !== null) say(`\n${busy}`)
  if (args.json !== null) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`)
    say(`\nFigures written to ${args.json}`)
  }
  if (profileDir !== undefined) say(`CPU profiles written to ${profileDir}`)
  // Figures that miss their goal are findings, not failures; a phase that could not run is one.
  return Object.keys(report.errors).length === 0 ? 0 : 1
}

let args: BenchArgs
try {
  args = parseBenchArgs(process.argv.slice(2))
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
  process.exit(2)
}
if (args.help) {
  say(USAGE)
} else {
  process.exitCode = await bench(args)
}
