// The table `npm run bench` prints: each figure, its goal, PASS or MISS.
import { GOALS, type BenchReport } from './report'

type Verdict = 'PASS' | 'MISS' | 'n/a' | ''

interface Row {
  figure: string
  value: string
  goal: string
  verdict: Verdict
}

const show = (value: number | null, unit: string) => (value === null ? '—' : `${value}${unit}`)

function judge(value: number | null, pass: (value: number) => boolean): Verdict {
  return value === null ? 'n/a' : pass(value) ? 'PASS' : 'MISS'
}

/** `value ÷ floor`, or null when either is missing. */
const ratio = (value: number | null, floor: number | null) =>
  value === null || floor === null || floor <= 0 ? null : value / floor

function rows(report: BenchReport): Row[] {
  const { latency, throughput, render, soak, start, memory, hub } = report
  const ceiling = report.details.throughput?.ceiling === true ? ' (the highest rate tried)' : ''
  const rate = latency.rate === null ? '' : ` at ${Math.round(latency.rate)} events/s`
  const board = latency.board_orders === null ? '' : `, ${latency.board_orders} orders on the board`
  const times = (value: number | null, floor: number | null) =>
    `${show(value, '')} ÷ ${show(floor, ' ms')}`
  return [
    {
      figure: `latency p50${rate}${board} ÷ bare client`,
      value: times(latency.p50_ms, latency.baseline_p50_ms),
      goal: `≤ ${GOALS.latencyBaselineRatio}×`,
      verdict: judge(
        ratio(latency.p50_ms, latency.baseline_p50_ms),
        (v) => v <= GOALS.latencyBaselineRatio,
      ),
    },
    {
      figure: `latency p99${rate}${board} ÷ bare client`,
      value: times(latency.p99_ms, latency.baseline_p99_ms),
      goal: `≤ ${GOALS.latencyBaselineRatio}×`,
      verdict: judge(
        ratio(latency.p99_ms, latency.baseline_p99_ms),
        (v) => v <= GOALS.latencyBaselineRatio,
      ),
    },
    {
      figure: `latency p50, ${latency.board_orders ?? '—'} ÷ ${latency.small_board_orders ?? '—'} orders on the board`,
      value: times(latency.p50_ms, latency.small_board_p50_ms),
      goal: `≤ ${GOALS.latencyBoardRatio}×`,
      verdict: judge(
        ratio(latency.p50_ms, latency.small_board_p50_ms),
        (v) => v <= GOALS.latencyBoardRatio,
      ),
    },
    { figure: 'latency max', value: show(latency.max_ms, ' ms'), goal: '', verdict: '' },
    {
      figure: 'latency p50 / p99, journal not synced',
      value: `${show(latency.no_sync_p50_ms, '')} / ${show(latency.no_sync_p99_ms, ' ms')}`,
      goal: '',
      verdict: '',
    },
    {
      figure: 'baseline p50 / p99 (bare client)',
      value: `${show(latency.baseline_p50_ms, '')} / ${show(latency.baseline_p99_ms, ' ms')}`,
      goal: '',
      verdict: '',
    },
    {
      figure: `throughput, sustained${ceiling}`,
      value: show(throughput.events_per_s, ' events/s'),
      goal: `≥ ${GOALS.eventsPerSecond} events/s`,
      verdict: judge(throughput.events_per_s, (v) => v >= GOALS.eventsPerSecond),
    },
    {
      figure: 'lost / duplicated at that rate',
      value: `${show(throughput.lost, '')} / ${show(throughput.duplicated, '')}`,
      goal: '0 / 0',
      verdict: judge(
        throughput.lost === null || throughput.duplicated === null
          ? null
          : throughput.lost + throughput.duplicated,
        (v) => v === 0,
      ),
    },
    {
      figure: 'render 1,000 / 10,000 orders, snapshot asked → drawn and idle',
      value: `${show(render.cards_1000_ms, '')} / ${show(render.cards_10000_ms, ' ms')}`,
      goal: '',
      verdict: '',
    },
    {
      figure: 'render 1,000, from navigation ÷ static floor',
      value: `${show(render.from_navigation_1000_ms, '')} ÷ ${show(render.floor_1000_ms, ' ms')}`,
      goal: `≤ ${GOALS.render1000FloorRatio}×`,
      verdict: judge(
        ratio(render.from_navigation_1000_ms, render.floor_1000_ms),
        (v) => v <= GOALS.render1000FloorRatio,
      ),
    },
    {
      figure: 'render 10,000, from navigation ÷ static floor',
      value: `${show(render.from_navigation_10000_ms, '')} ÷ ${show(render.floor_10000_ms, ' ms')}`,
      goal: `≤ ${GOALS.render10000FloorRatio}×`,
      verdict: judge(
        ratio(render.from_navigation_10000_ms, render.floor_10000_ms),
        (v) => v <= GOALS.render10000FloorRatio,
      ),
    },
    {
      figure: "cold start, a busy day's journal",
      value: show(start.cold_ms, ' ms'),
      goal: `≤ ${GOALS.coldStartMs} ms`,
      verdict: judge(start.cold_ms, (v) => v <= GOALS.coldStartMs),
    },
    {
      figure: 'cold start ÷ reading and parsing its journal',
      value: `${show(start.cold_ms, '')} ÷ ${show(start.floor_ms, ' ms')}`,
      goal: `≤ ${GOALS.coldStartFloorRatio}×`,
      verdict: judge(ratio(start.cold_ms, start.floor_ms), (v) => v <= GOALS.coldStartFloorRatio),
    },
    {
      figure: 'core heap per order on the board',
      value: show(memory.heap_per_order_bytes, ' B'),
      goal: `≤ ${GOALS.heapPerOrderBytes} B`,
      verdict: judge(memory.heap_per_order_bytes, (v) => v <= GOALS.heapPerOrderBytes),
    },
    {
      figure: `${show(hub.screens, '')} screens on one hub, slowest p99 ÷ bare client's p99`,
      value: times(hub.slowest_p99_ms, hub.baseline_p99_ms),
      goal: `≤ ${GOALS.hubBaselineRatio}×`,
      verdict: judge(
        ratio(hub.slowest_p99_ms, hub.baseline_p99_ms),
        (v) => v <= GOALS.hubBaselineRatio,
      ),
    },
    {
      figure: "the hub's CPU meanwhile",
      value: show(hub.cpu_cores, ' cores'),
      goal: '',
      verdict: '',
    },
    {
      figure: `soak heap growth (${show(soak.simulated_hours, ' h')} simulated)`,
      value: show(soak.heap_growth_mb_per_h, ' MB/h'),
      goal: `≤ ${GOALS.heapMbPerHour} MB/h`,
      verdict: judge(soak.heap_growth_mb_per_h, (v) => v <= GOALS.heapMbPerHour),
    },
    {
      figure: 'listener growth, 1,000 reconnects',
      value: show(soak.listeners_growth, ''),
      goal: `${GOALS.listenersGrowth}`,
      verdict: judge(soak.listeners_growth, (v) => v <= GOALS.listenersGrowth),
    },
  ]
}

/** The table as text, one row per figure. */
export function formatTable(report: BenchReport): string {
  const all = rows(report)
  const header: Row = { figure: 'figure', value: 'value', goal: 'goal', verdict: '' }
  const width = (key: keyof Row) => Math.max(...[header, ...all].map((row) => row[key].length))
  const line = (row: Row) =>
    [
      row.figure.padEnd(width('figure')),
      row.value.padStart(width('value')),
      row.goal.padEnd(width('goal')),
      row.verdict,
    ]
      .join('  ')
      .trimEnd()
  const rule = '-'.repeat(line(header).length + 6)
  return [line(header), rule, ...all.map(line)].join('\n')
}
