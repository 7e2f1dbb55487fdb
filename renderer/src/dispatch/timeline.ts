// The timeline: every condition change on the board, newest first. Histories are oldest first
// and the board may hold 10 000 orders, so the list is built once per board version and only the
// rows on screen are drawn.
import type { BoardOrder } from '../../../electron/common/board'

/** One condition change of one order. */
export interface TimelineEntry {
  /** Unique: the order's id and the change's place in its history. */
  key: string
  entry: BoardOrder
  condition: string
  at: number
  /** The change's index in the order's history. */
  index: number
}

/** Every change of every order, newest first (ties: the later in its history first, then by id). */
export function timelineOf(orders: Iterable<BoardOrder>): TimelineEntry[] {
  const list: TimelineEntry[] = []
  for (const entry of orders) {
    entry.history.forEach(({ condition, at }, index) => {
      list.push({ key: `${entry.id}:${index}`, entry, condition, at, index })
    })
  }
  return list.sort(
    (a, b) =>
      b.at - a.at ||
      b.index - a.index ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  )
}

/** One stay of an order in a condition: from when it was reached until the next change (or now). */
export interface Stay {
  condition: string
  at: number
  /** Milliseconds spent in it; null for the current one (the caller ticks it from the clock). */
  spent: number | null
}

/** The order's history as stays: the time spent in each condition between consecutive changes. */
export function staysOf(entry: BoardOrder): Stay[] {
  return entry.history.map(({ condition, at }, index) => {
    const next = entry.history[index + 1]
    return { condition, at, spent: next === undefined ? null : next.at - at }
  })
}
