// The timeline: every condition change on the board, newest first. Histories are oldest first
// and the board may hold 10 000 orders, so the list is sorted once per snapshot, then kept in
// order change by change (TimelineIndex), and only the rows on screen are drawn.
import type { BoardOrder } from '../../../electron/common/board'
import { SortedList } from '../kitchen/sorted-list'

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

/** Newest first; ties: the later in its history first, then by id. A total order of entries. */
const newestFirst = (a: TimelineEntry, b: TimelineEntry): number =>
  b.at - a.at ||
  b.index - a.index ||
  (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0)

/** One order's changes as timeline entries. */
function entriesOf(entry: BoardOrder): TimelineEntry[] {
  return entry.history.map(({ condition, at }, index) => ({
    key: `${entry.id}:${index}`,
    entry,
    condition,
    at,
    index,
  }))
}

/** Every change of every order, newest first (ties: the later in its history first, then by id). */
export function timelineOf(orders: Iterable<BoardOrder>): TimelineEntry[] {
  const list: TimelineEntry[] = []
  for (const entry of orders) list.push(...entriesOf(entry))
  return list.sort(newestFirst)
}

/**
 * The timeline kept up to date change by change (a BoardTracker of the board store): a change
 * moves only its order's entries, found by a binary search, where building the timeline again
 * sorted every change of the day on every event.
 */
export class TimelineIndex {
  private readonly list = new SortedList<TimelineEntry>(newestFirst)

  /** The entries, newest first. Read-only: the list changes under it on the next change. */
  get items(): readonly TimelineEntry[] {
    return this.list.items
  }

  /** Bumped on every change. */
  get version(): number {
    return this.list.version
  }

  reset(orders: ReadonlyMap<string, BoardOrder>): void {
    this.list.reset(timelineOf(orders.values()))
  }

  update(prev: BoardOrder | undefined, next: BoardOrder | undefined): void {
    // The order's entries hold the order itself, as it is now: all of them are put in again.
    if (prev !== undefined) for (const item of entriesOf(prev)) this.list.remove(item)
    if (next !== undefined) for (const item of entriesOf(next)) this.list.insert(item)
  }
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
