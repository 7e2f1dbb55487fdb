// How long and how hard each phase runs: sized so that `npm run bench` takes a few minutes on a
// two-core machine. `--quick` shrinks every phase to seconds, to try the bench itself: its
// figures are not comparable with a full run's.
import type { DayOptions } from './soak-day'

/** The size of every phase of one run. */
export interface BenchPlan {
  latency: { rate: number; seconds: number; warmupSeconds: number }
  /** The boards latency is measured on: a day's worth of orders already there, and a small one. */
  latencyBoards: { large: number; small: number }
  throughput: {
    rates: number[]
    /** Tried once when even the first rate fails, so that the figure says how far off it is. */
    fallbackRate: number
    seconds: number
    p99LimitMs: number
  }
  render: { orders: number[]; loads: number }
  soakDay: DayOptions
  soak: { warmupHours: number; reconnects: number }
  start: { runs: number; heapOrders: number }
  hub: { screens: number; rate: number; seconds: number; warmupSeconds: number }
}

export const FULL_PLAN: BenchPlan = {
  latency: { rate: 100, seconds: 30, warmupSeconds: 3 },
  latencyBoards: { large: 10_000, small: 100 },
  throughput: {
    rates: [250, 500, 1_000, 2_000, 4_000, 8_000, 12_000, 16_000],
    fallbackRate: 100,
    seconds: 10,
    p99LimitMs: 1_000,
  },
  // Five loads of each: one page load moves by a fifth between runs on a shared machine.
  render: { orders: [1_000, 10_000], loads: 5 },
  /** A busy day: 12 hours, 200 orders an hour, a reconnection every 5 minutes, 5 s an hour. */
  soakDay: { hours: 12, ordersPerHour: 200, secondsPerHour: 5, reconnectEveryMinutes: 5 },
  soak: { warmupHours: 0.5, reconnects: 1_000 },
  /** Cold start from a busy day's journal, three times; heap per order on a board of 10,000. */
  start: { runs: 3, heapOrders: 10_000 },
  /** Ten screens on one hub at the latency run's rate, for 20 s. */
  hub: { screens: 10, rate: 100, seconds: 20, warmupSeconds: 3 },
}

/** Every phase in a few seconds, on the same paths: for trying the bench, not for figures. */
export const QUICK_PLAN: BenchPlan = {
  latency: { rate: 50, seconds: 3, warmupSeconds: 1 },
  latencyBoards: { large: 1_000, small: 100 },
  throughput: { rates: [100, 250], fallbackRate: 50, seconds: 3, p99LimitMs: 1_000 },
  render: { orders: [1_000], loads: 1 },
  soakDay: { hours: 1, ordersPerHour: 200, secondsPerHour: 3, reconnectEveryMinutes: 20 },
  soak: { warmupHours: 0.25, reconnects: 20 },
  start: { runs: 1, heapOrders: 1_000 },
  hub: { screens: 3, rate: 50, seconds: 3, warmupSeconds: 1 },
}
