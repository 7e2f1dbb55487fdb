// How long and how hard each phase runs: sized so that `npm run bench` takes a few minutes on a
// two-core machine.
import type { DayOptions } from './soak-day'

export const LATENCY = { rate: 100, seconds: 30, warmupSeconds: 3 }
/** The boards latency is measured on: a day's worth of orders already there, and a small one. */
export const LATENCY_BOARDS = { large: 10_000, small: 100 }

export const THROUGHPUT = {
  rates: [250, 500, 1_000, 2_000, 4_000, 8_000, 12_000, 16_000],
  /** Tried once when even the first rate fails, so that the figure says how far off it is. */
  fallbackRate: 100,
  seconds: 10,
  p99LimitMs: 1_000,
}

// Five loads of each: one page load moves by a fifth between runs on a shared machine.
export const RENDER = { orders: [1_000, 10_000], loads: 5 }

/** A busy day: 12 hours, 200 orders an hour, a reconnection every 5 minutes, 5 s an hour. */
export const SOAK_DAY: DayOptions = {
  hours: 12,
  ordersPerHour: 200,
  secondsPerHour: 5,
  reconnectEveryMinutes: 5,
}

export const SOAK = { warmupHours: 0.5, reconnects: 1_000 }

/** Cold start from a busy day's journal, three times; heap per order on a board of 10,000. */
export const START = { runs: 3, heapOrders: 10_000 }

/** Ten screens on one hub at the latency run's rate, for 20 s. */
export const HUB = { screens: 10, rate: 100, seconds: 20, warmupSeconds: 3 }
