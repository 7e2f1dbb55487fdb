// The kitchen's cut of the board, computed once per board version: which orders show, in which
// column and order, the all-day counts and the recent bumps. Pure functions of their inputs.
import type { BoardOrder } from '../../../electron/common/board'
import { compareConditions, conditionInfo } from '../../../electron/common/conditions'
import type { Mode } from './view-store'
import { timingOf, type Timing, type TimingRules } from './schedule'

/** What the window's filters let through. */
export interface KitchenFilter {
  mode: Mode
  hideTest: boolean
  hidden: ReadonlySet<string>
  search: string
  /** The screen's role lets it through (a station: its tickets now); absent: every order. */
  admit?: (entry: BoardOrder) => boolean
}

/** One kitchen column, before the clock decides which of its orders are late. */
export interface KitchenColumn {
  condition: string
  /** By when to start them, the earliest first. */
  orders: BoardOrder[]
  /** The same orders by when they are due, the earliest first: the late ones are a prefix. */
  byDue: { entry: BoardOrder; due: number }[]
}

const ALWAYS_SHOWN = 'NEW'

/** Whether an order passes the mode and test filters (not the search, not the columns). */
export function passesView(entry: BoardOrder, filter: Pick<KitchenFilter, 'mode' | 'hideTest'>) {
  const order = entry.order
  // A placeholder knows nothing but its condition: it shows unless a filter asks for a kind.
  if (order === null) return filter.mode === 'all'
  if (filter.hideTest && order.isTestOrder) return false
  if (filter.mode === 'delivery') return order.delivery
  if (filter.mode === 'pickup') return !order.delivery
  return true
}

const digits = (text: string) => text.replace(/\D/g, '')

/** Whether an order matches a search: its number from the start, or three or more phone digits. */
export function matchesSearch(entry: BoardOrder, search: string): boolean {
  // Asked of every order on every rebuild: no search is the common case, and costs nothing.
  if (search === '') return true
  const query = search.trim().replace(/^[#№]\s*/, '')
  if (query === '') return true
  const order = entry.order
  if (order === null) return false
  if (String(order.number).startsWith(query)) return true
  const wanted = digits(query)
  return wanted.length >= 3 && digits(order.phone ?? '').includes(wanted)
}

/** Whether an order is on the kitchen board at all: not bumped, its column shown, the filters. */
export function onKitchenBoard(entry: BoardOrder, filter: KitchenFilter): boolean {
  return (
    entry.bumpedAt === undefined &&
    !filter.hidden.has(entry.condition) &&
    (filter.admit?.(entry) ?? true) &&
    passesView(entry, filter) &&
    matchesSearch(entry, filter.search)
  )
}

const byId = (a: BoardOrder, b: BoardOrder) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Groups the shown orders into columns in lifecycle order; NEW is there unless hidden. */
export function kitchenColumns(
  orders: Iterable<BoardOrder>,
  filter: KitchenFilter,
  rules: TimingRules,
): KitchenColumn[] {
  const groups = new Map<string, { entry: BoardOrder; timing: Timing }[]>()
  if (!filter.hidden.has(ALWAYS_SHOWN)) groups.set(ALWAYS_SHOWN, [])
  for (const entry of orders) {
    if (!onKitchenBoard(entry, filter)) continue
    const item = { entry, timing: timingOf(entry, rules) }
    const group = groups.get(entry.condition)
    if (group === undefined) groups.set(entry.condition, [item])
    else group.push(item)
  }
  return [...groups.keys()].sort(compareConditions).map((condition) => {
    const items = groups.get(condition) ?? []
    const orders = items
      .sort((a, b) => a.timing.start - b.timing.start || byId(a.entry, b.entry))
      .map((item) => item.entry)
    const byDue = items
      .map((item) => ({ entry: item.entry, due: item.timing.due }))
      .sort((a, b) => a.due - b.due || byId(a.entry, b.entry))
    return { condition, orders, byDue }
  })
}

/** How many of a column's orders are late at `now`: a binary search over `byDue`. */
export function lateCount(column: KitchenColumn, now: number): number {
  let low = 0
  let high = column.byDue.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((column.byDue[mid]?.due ?? Infinity) <= now) low = mid + 1
    else high = mid
  }
  return low
}

/** A column's orders as drawn: the `late` most overdue first, then the rest by start time. */
export function arrange(column: KitchenColumn, late: number): BoardOrder[] {
  if (late === 0) return column.orders
  const first = column.byDue.slice(0, late).map((item) => item.entry)
  const lateIds = new Set(first.map((entry) => entry.id))
  return [...first, ...column.orders.filter((entry) => !lateIds.has(entry.id))]
}

/**
 * The tiled board's tickets: the late ones of every column first, the most overdue first, then
 * the rest by when to start them. `late[i]` is how many of column i are late.
 */
export function tileOrder(
  columns: readonly KitchenColumn[],
  late: readonly number[],
  rules: TimingRules,
): BoardOrder[] {
  const overdue = columns
    .flatMap((column, index) => column.byDue.slice(0, late[index] ?? 0))
    .sort((a, b) => a.due - b.due || byId(a.entry, b.entry))
    .map((item) => item.entry)
  const lateIds = new Set(overdue.map((entry) => entry.id))
  const rest = columns
    .flatMap((column) => column.orders)
    .filter((entry) => !lateIds.has(entry.id))
    .map((entry) => ({ entry, start: timingOf(entry, rules).start }))
    .sort((a, b) => a.start - b.start || byId(a.entry, b.entry))
    .map((item) => item.entry)
  return [...overdue, ...rest]
}

/** One line of the all-day summary: a product in one variant, and how many are wanted. */
export interface AllDayLine {
  key: string
  title: string
  variant: string | null
  count: number
}

/** Counts every product (by title and variant) over the orders still to cook, the most first. */
export function allDayLines(orders: Iterable<BoardOrder>, filter: KitchenFilter): AllDayLine[] {
  const lines = new Map<string, AllDayLine>()
  for (const entry of orders) {
    const order = entry.order
    if (order === null || entry.bumpedAt !== undefined) continue
    if (conditionInfo(entry.condition).final || filter.hidden.has(entry.condition)) continue
    if (!passesView(entry, filter)) continue
    for (const item of order.products) {
      const title = item.product.title
      const variant = item.variant?.title ?? null
      const key = `${title}\u0000${variant ?? ''}`
      const line = lines.get(key)
      if (line === undefined) lines.set(key, { key, title, variant, count: item.number })
      else line.count += item.number
    }
  }
  return [...lines.values()].sort(
    (a, b) =>
      b.count - a.count ||
      a.title.localeCompare(b.title) ||
      (a.variant ?? '').localeCompare(b.variant ?? ''),
  )
}

/** How many recently bumped orders the list keeps. */
export const RECENT_LIMIT = 20

/** The bumped orders, the latest bumped first (of two bumped in the same ms, by id), at most `limit`. */
export function recentBumps(orders: Iterable<BoardOrder>, limit = RECENT_LIMIT): BoardOrder[] {
  const bumped: BoardOrder[] = []
  for (const entry of orders) if (entry.bumpedAt !== undefined) bumped.push(entry)
  return bumped.sort((a, b) => (b.bumpedAt ?? 0) - (a.bumpedAt ?? 0) || byId(a, b)).slice(0, limit)
}

/** Every condition a column may be shown for: the known ones, then any other on the board. */
export function conditionChoices(orders: Iterable<BoardOrder>, known: string[]): string[] {
  const all = new Set(known)
  for (const entry of orders) all.add(entry.condition)
  return [...all].sort(compareConditions)
}
