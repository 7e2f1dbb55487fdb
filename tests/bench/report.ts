// The figures: the JSON that `--json FILE` writes (the keys the issue names, plus the machine,
// the goals, and each phase's full detail) and the verdict on each goal.
import type { ColdStartResult } from './cold-start'
import type { HeapPerOrderResult } from './heap-per-order'
import type { HubScreensResult } from './hub-screens'
import type { LatencyResult } from './latency'
import type { Machine } from './machine'
import type { RenderResult } from './render'
import type { SoakResult } from './soak'
import { round } from './stats'
import type { ThroughputResult } from './throughput'

/** The goals of the issue. */
export const GOALS = {
  /** Latency on the large board over the bare client's, at p50 and at p99. */
  latencyBaselineRatio: 3,
  /** Latency p50 on the large board over the small one's. */
  latencyBoardRatio: 1.25,
  eventsPerSecond: 10_000,
  /** Render, navigation → drawn and idle, over the static page of the same first screen. */
  render1000FloorRatio: 2,
  render10000FloorRatio: 3,
  coldStartMs: 2_000,
  /** Cold start over reading and parsing its journal. */
  coldStartFloorRatio: 3,
  heapPerOrderBytes: 2_048,
  /** The slowest of ten screens on one hub, p99, over the bare client's p99. */
  hubBaselineRatio: 3,
  heapMbPerHour: 1,
  listenersGrowth: 0,
} as const

/** What each phase produced, or why it could not. */
export interface PhaseResults {
  latency?: LatencyResult | Error
  throughput?: ThroughputResult | Error
  render?: RenderResult[] | Error
  soak?: SoakResult | Error
  start?: StartResult | Error
  hub?: HubScreensResult | Error
}

/** The start phase: a cold start from a busy day, and what an order costs the core's heap. */
export interface StartResult {
  cold: ColdStartResult
  heap: HeapPerOrderResult
}

type Figure = number | null

export interface BenchReport {
  latency: {
    rate: Figure
    p50_ms: Figure
    p99_ms: Figure
    max_ms: Figure
    baseline_p50_ms: Figure
    baseline_p99_ms: Figure
    /** The same run with the journal never syncing to the device: what syncing costs. */
    no_sync_p50_ms: Figure
    no_sync_p99_ms: Figure
    /** Orders on the board before the run of p50_ms and p99_ms. */
    board_orders: Figure
    small_board_orders: Figure
    small_board_p50_ms: Figure
    small_board_p99_ms: Figure
    /** CPU ms per event of the large board's run: the hub's process, the page's Chromium. */
    hub_cpu_ms_per_event: Figure
    page_cpu_ms_per_event: Figure
  }
  throughput: { events_per_s: Figure; lost: Figure; duplicated: Figure }
  render: {
    cards_1000_ms: Figure
    cards_10000_ms: Figure
    floor_1000_ms: Figure
    floor_10000_ms: Figure
    /** Navigation start → drawn and idle: the figure set against the floor. */
    from_navigation_1000_ms: Figure
    from_navigation_10000_ms: Figure
  }
  start: { cold_ms: Figure; floor_ms: Figure }
  memory: { heap_per_order_bytes: Figure }
  hub: {
    screens: Figure
    slowest_p99_ms: Figure
    baseline_p99_ms: Figure
    cpu_cores: Figure
    /** CPU ms per event: the hub's process, and every screen's Chromium together. */
    hub_cpu_ms_per_event: Figure
    screens_cpu_ms_per_event: Figure
  }
  soak: { simulated_hours: Figure; heap_growth_mb_per_h: Figure; listeners_growth: Figure }
  machine: Machine
  goals: typeof GOALS
  seconds: number
  errors: Record<string, string>
  details: {
    latency: LatencyResult | null
    throughput: ThroughputResult | null
    render: RenderResult[] | null
    soak: SoakResult | null
    start: StartResult | null
    hub: HubScreensResult | null
  }
}

const ok = <T>(value: T | Error | undefined): T | null =>
  value === undefined || value instanceof Error ? null : value
const fig = (value: number | undefined, digits = 2): Figure =>
  value === undefined || Number.isNaN(value) ? null : round(value, digits)

/** Builds the report from what the phases produced. */
export function buildReport(results: PhaseResults, machine: Machine, seconds: number): BenchReport {
  const latency = ok(results.latency)
  const throughput = ok(results.throughput)
  const render = ok(results.render)
  const soak = ok(results.soak)
  const start = ok(results.start)
  const hub = ok(results.hub)
  const runOf = (orders: number) => render?.find((run) => run.orders === orders)
  const errors: Record<string, string> = {}
  for (const [phase, value] of Object.entries(results)) {
    if (value instanceof Error) errors[phase] = value.message
  }
  return {
    latency: {
      rate: fig(latency?.rate, 1),
      p50_ms: fig(latency?.display.p50),
      p99_ms: fig(latency?.display.p99),
      max_ms: fig(latency?.display.max),
      baseline_p50_ms: fig(latency?.baseline.p50),
      baseline_p99_ms: fig(latency?.baseline.p99),
      no_sync_p50_ms: fig(latency?.withoutSync?.p50),
      no_sync_p99_ms: fig(latency?.withoutSync?.p99),
      board_orders: fig(latency?.boardOrders, 0),
      small_board_orders: fig(latency?.smallBoard?.boardOrders, 0),
      small_board_p50_ms: fig(latency?.smallBoard?.display.p50),
      small_board_p99_ms: fig(latency?.smallBoard?.display.p99),
      hub_cpu_ms_per_event: fig(latency?.cpu.hubMs, 3),
      page_cpu_ms_per_event: fig(latency?.cpu.pagesMs, 3),
    },
    throughput: {
      events_per_s: fig(throughput?.eventsPerSecond, 0),
      lost: fig(throughput?.lost, 0),
      duplicated: fig(throughput?.duplicated, 0),
    },
    render: {
      cards_1000_ms: fig(runOf(1_000)?.median.totalMs, 1),
      cards_10000_ms: fig(runOf(10_000)?.median.totalMs, 1),
      floor_1000_ms: fig(runOf(1_000)?.floorMs, 1),
      floor_10000_ms: fig(runOf(10_000)?.floorMs, 1),
      from_navigation_1000_ms: fig(runOf(1_000)?.median.fromNavigationMs, 1),
      from_navigation_10000_ms: fig(runOf(10_000)?.median.fromNavigationMs, 1),
    },
    start: { cold_ms: fig(start?.cold.coldMs, 0), floor_ms: fig(start?.cold.floorMs, 0) },
    memory: { heap_per_order_bytes: fig(start?.heap.bytesPerOrder, 0) },
    hub: {
      screens: fig(hub?.screens, 0),
      slowest_p99_ms: fig(hub?.slowestP99),
      baseline_p99_ms: fig(hub?.baseline.p99),
      cpu_cores: fig(hub?.hubCpu),
      hub_cpu_ms_per_event: fig(hub?.cpu.hubMs, 3),
      screens_cpu_ms_per_event: fig(hub?.cpu.pagesMs, 3),
    },
    soak: {
      simulated_hours: fig(soak?.day.simulatedHours),
      heap_growth_mb_per_h: fig(soak?.heapGrowthMbPerHour, 3),
      listeners_growth: fig(soak?.listenersGrowth, 0),
    },
    machine,
    goals: GOALS,
    seconds: round(seconds, 1),
    errors,
    details: { latency, throughput, render, soak, start, hub },
  }
}
