// Speed of service from the condition changes this display observed: how long orders take from
// NEW to each later condition, how many come in per hour, and how many are late. Test orders
// (isTestOrder) are left out of every figure and only counted apart. Pure: the caller gives the
// clock and the day, so tests need no timers.
import type { BoardOrder } from './board'
import { compareConditions, conditionInfo } from './conditions'
import { startedAt } from './order-time'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The median and 90th percentile of one condition's times from NEW. */
export interface ConditionSpeed {
  condition: string
  /** Orders of the day that reached it after a NEW this display saw. */
  count: number
  p50: number
  p90: number
}

/** Today's speed of service. */
export interface ServiceSpeed {
  /** Orders whose first observed change falls on the day. */
  orders: number
  /** Orders that arrived within the hour before `now`. */
  lastHour: number
  /** Orders of the day by the hour they arrived (0..23, local time). */
  perHour: number[]
  /** Per later condition, in lifecycle order; only those some order reached. */
  conditions: ConditionSpeed[]
  /** Open orders (any day) past the late threshold or past their scheduled time. */
  late: number
  /** Test orders of the day: in none of the figures above. */
  testOrders: number
}

export interface SpeedOptions {
  now: number
  /** Local midnight that starts the day. */
  dayStart: number
  lateMinutes: number
  /** The backend's clock minus this machine's: orders' own times are the backend's (default 0). */
  offsetMs?: number
}

/**
 * The `p`-th percentile (0..1) of ascending `sorted`, interpolated between the closest ranks
 * (as spreadsheets' PERCENTILE.INC); null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.min(Math.max(p, 0), 1) * (sorted.length - 1)
  const low = Math.floor(rank)
  const lower = sorted[low] ?? 0
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower
  return lower + (upper - lower) * (rank - low)
}

/** The first time an order reached each condition, by code. */
export function reachedAt(entry: BoardOrder): Map<string, number> {
  const reached = new Map<string, number>()
  for (const { condition, at } of entry.history) {
    if (!reached.has(condition)) reached.set(condition, at)
  }
  return reached
}

/** When an order arrived on this display: its first observed change. */
export const arrivedAt = (entry: BoardOrder): number => entry.history[0]?.at ?? entry.receivedAt

/** Whether the backend marked the order as a test (isTestOrder). */
export const isTestEntry = (entry: BoardOrder): boolean => entry.order?.isTestOrder === true

/** Whether any of the order's changes falls within the day starting at `dayStart`. */
export function touchesDay(entry: BoardOrder, dayStart: number): boolean {
  return entry.history.some(({ at }) => at >= dayStart && at < dayStart + DAY)
}

/**
 * An order's scheduled time as epoch ms: numbers as they are, ISO dates parsed, "HH:MM" on the
 * day of `dayStart`; null for none or for text that is not a time.
 */
export function scheduledAt(time: number | string | null, dayStart: number): number | null {
  if (time === null) return null
  if (typeof time === 'number') return time
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
  if (clock !== null) {
    const hours = Number(clock[1])
    const minutes = Number(clock[2])
    if (hours > 23 || minutes > 59) return null
    const at = new Date(dayStart)
    at.setHours(hours, minutes, 0, 0)
    return at.getTime()
  }
  const parsed = Date.parse(time)
  return Number.isFinite(parsed) ? parsed : null
}

/**
 * Whether an open order is late: a scheduled one once its time has passed, any other once it is
 * older than `lateMinutes` (from the backend's createdAt when known). Finished orders never are.
 */
export function isLate(entry: BoardOrder, options: SpeedOptions): boolean {
  if (conditionInfo(entry.condition).final) return false
  // `now` is this machine's clock; the order's times are moved onto it.
  const offset = options.offsetMs ?? 0
  const scheduled = scheduledAt(entry.order?.time ?? null, options.dayStart)
  if (scheduled !== null) return options.now > scheduled - offset
  return options.now - startedAt(entry, offset) > options.lateMinutes * MINUTE
}

/**
 * Today's speed of service. Times count from the order's NEW: an order first seen in a later
 * condition (the display started mid-shift) has no known start and is left out of the times,
 * though it still counts as an order.
 */
export function serviceSpeed(orders: Iterable<BoardOrder>, options: SpeedOptions): ServiceSpeed {
  const { now, dayStart } = options
  const perHour = Array.from({ length: 24 }, () => 0)
  const times = new Map<string, number[]>()
  let count = 0
  let lastHour = 0
  let late = 0
  let testOrders = 0
  for (const entry of orders) {
    const test = isTestEntry(entry)
    if (!test && isLate(entry, options)) late += 1
    const arrived = arrivedAt(entry)
    if (arrived < dayStart || arrived >= dayStart + DAY) continue
    if (test) {
      testOrders += 1
      continue
    }
    count += 1
    // `now` may be rounded down to the minute: what arrived since still counts.
    if (arrived > now - HOUR) lastHour += 1
    const hour = new Date(arrived).getHours()
    perHour[hour] = (perHour[hour] ?? 0) + 1
    const first = entry.history[0]
    if (first?.condition !== 'NEW') continue
    for (const [condition, at] of reachedAt(entry)) {
      if (condition === 'NEW') continue
      const list = times.get(condition)
      if (list === undefined) times.set(condition, [at - first.at])
      else list.push(at - first.at)
    }
  }
  const conditions = [...times.keys()].sort(compareConditions).map((condition) => {
    const sorted = (times.get(condition) ?? []).sort((a, b) => a - b)
    return {
      condition,
      count: sorted.length,
      p50: percentile(sorted, 0.5) ?? 0,
      p90: percentile(sorted, 0.9) ?? 0,
    }
  })
  return { orders: count, lastHour, perHour, conditions, late, testOrders }
}
