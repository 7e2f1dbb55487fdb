// The kitchen's side lists kept up to date change by change (BoardTrackers), so a change costs
// the order it touches: the all-day counts (a product's count goes up or down by that order's
// items), the recent bumps (a sorted list of the bumped orders) and the conditions on the board
// (a count each). Each gives what its function in derive.ts works out from scratch; the unit
// tests hold the two to each other.
import type { BoardOrder } from '../../../electron/common/board'
import { compareConditions, conditionInfo } from '../../../electron/common/conditions'
import type { BoardTracker } from '../stores/board'
import { passesView, RECENT_LIMIT, type AllDayLine, type KitchenFilter } from './derive'
import { SortedList } from './sorted-list'

/** Whether an order's items count in the all-day summary (allDayLines' test). */
function countsAllDay(entry: BoardOrder, filter: KitchenFilter): boolean {
  if (entry.order === null || entry.bumpedAt !== undefined) return false
  if (conditionInfo(entry.condition).final || filter.hidden.has(entry.condition)) return false
  return passesView(entry, filter)
}

interface Tally {
  title: string
  variant: string | null
  count: number
  /** Items adding to it: the line goes when none is left. */
  items: number
}

/**
 * allDayLines, by tallies. Lazy: nothing is counted until the lines are first asked for (the
 * panel shown), so a snapshot of thousands of orders costs the screen that hides the panel nothing;
 * from then on it is kept change by change.
 */
export class AllDayCounts implements BoardTracker {
  private orders: ReadonlyMap<string, BoardOrder> = new Map()
  private filter: KitchenFilter | null = null
  /** The tallies are not of the board now: worked out again when next asked for. */
  private stale = true
  /** The orders counted now, by id, as they were counted. */
  private readonly counted = new Map<string, BoardOrder>()
  private readonly tallies = new Map<string, Tally>()
  private lines: AllDayLine[] | null = null

  configure(filter: KitchenFilter): void {
    if (filter === this.filter) return
    this.filter = filter
    this.stale = true
  }

  reset(orders: ReadonlyMap<string, BoardOrder>): void {
    this.orders = orders
    this.stale = true
  }

  update(prev: BoardOrder | undefined, next: BoardOrder | undefined): void {
    const id = next?.id ?? prev?.id
    if (id === undefined || this.stale) return
    const old = this.counted.get(id)
    if (old !== undefined) this.count(old, -1)
    if (next !== undefined) this.count(next, 1)
  }

  /** The lines, the most first: sorted again only after a change, over the products, not orders. */
  current(): AllDayLine[] {
    if (this.stale) this.rebuild()
    this.lines ??= [...this.tallies.entries()]
      .map(([key, t]) => ({ key, title: t.title, variant: t.variant, count: t.count }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          a.title.localeCompare(b.title) ||
          (a.variant ?? '').localeCompare(b.variant ?? ''),
      )
    return this.lines
  }

  private count(entry: BoardOrder, sign: 1 | -1): void {
    if (sign === 1) {
      if (this.filter === null || !countsAllDay(entry, this.filter)) return
      this.counted.set(entry.id, entry)
    } else {
      this.counted.delete(entry.id)
    }
    this.lines = null
    for (const item of entry.order?.products ?? []) {
      const title = item.product.title
      const variant = item.variant?.title ?? null
      const key = `${title}\u0000${variant ?? ''}`
      const tally = this.tallies.get(key)
      if (tally === undefined) {
        this.tallies.set(key, { title, variant, count: item.number, items: 1 })
      } else {
        tally.count += sign * item.number
        tally.items += sign
        if (tally.items === 0) this.tallies.delete(key)
      }
    }
  }

  private rebuild(): void {
    this.stale = false
    this.counted.clear()
    this.tallies.clear()
    this.lines = null
    for (const entry of this.orders.values()) this.count(entry, 1)
  }
}

const latestBumpFirst = (a: BoardOrder, b: BoardOrder) =>
  (b.bumpedAt ?? 0) - (a.bumpedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** recentBumps, by a sorted list of the bumped orders. */
export class RecentBumps implements BoardTracker {
  private readonly bumped = new Map<string, BoardOrder>()
  private readonly list = new SortedList<BoardOrder>(latestBumpFirst)
  private recent: BoardOrder[] | null = null

  constructor(private readonly limit = RECENT_LIMIT) {}

  reset(orders: ReadonlyMap<string, BoardOrder>): void {
    this.bumped.clear()
    for (const entry of orders.values()) {
      if (entry.bumpedAt !== undefined) this.bumped.set(entry.id, entry)
    }
    this.list.reset([...this.bumped.values()])
    this.recent = null
  }

  update(prev: BoardOrder | undefined, next: BoardOrder | undefined): void {
    const id = next?.id ?? prev?.id
    if (id === undefined) return
    const old = this.bumped.get(id)
    if (old !== undefined) {
      this.bumped.delete(id)
      this.list.remove(old)
      this.recent = null
    }
    if (next?.bumpedAt !== undefined) {
      this.bumped.set(id, next)
      this.list.insert(next)
      this.recent = null
    }
  }

  current(): BoardOrder[] {
    this.recent ??= this.list.items.slice(0, this.limit)
    return this.recent
  }
}

/** conditionChoices, by a count of the orders in each condition. */
export class ConditionCounts implements BoardTracker {
  private readonly counts = new Map<string, number>()
  private choices: string[] | null = null

  constructor(private readonly known: readonly string[]) {}

  reset(orders: ReadonlyMap<string, BoardOrder>): void {
    this.counts.clear()
    this.choices = null
    for (const entry of orders.values()) this.add(entry.condition, 1)
  }

  update(prev: BoardOrder | undefined, next: BoardOrder | undefined): void {
    if (prev?.condition === next?.condition) return
    if (prev !== undefined) this.add(prev.condition, -1)
    if (next !== undefined) this.add(next.condition, 1)
  }

  /** Every condition a column may be shown for: the known ones, then any other on the board. */
  current(): string[] {
    this.choices ??= [...new Set([...this.known, ...this.counts.keys()])].sort(compareConditions)
    return this.choices
  }

  private add(condition: string, step: 1 | -1): void {
    const had = this.counts.has(condition)
    const count = (this.counts.get(condition) ?? 0) + step
    if (count > 0) this.counts.set(condition, count)
    else this.counts.delete(condition)
    // A condition came onto the board or left it: the choices change.
    if (had !== count > 0) this.choices = null
  }
}
