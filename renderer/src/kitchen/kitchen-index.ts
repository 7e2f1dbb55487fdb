// The kitchen's columns and the tiles' order, kept up to date change by change (a BoardTracker):
// each shown order sits in two sorted lists of its column (by when to start it, by when it is
// due) and in the same two lists over the whole board, for the tiles. A change moves one order:
// a binary search in the lists it leaves and joins, no sort, no walk over the board. A column is
// made into arrays for the screen only when something in it changed, so the columns a change did
// not touch are the same objects as before. What it gives is what kitchenColumns and tileOrder
// (derive.ts) work out from scratch; the unit tests hold the two to each other.
import type { BoardOrder } from '../../../electron/common/board'
import { compareConditions } from '../../../electron/common/conditions'
import type { BoardTracker } from '../stores/board'
import { onKitchenBoard, type KitchenColumn, type KitchenFilter } from './derive'
import { timingOf, type TimingRules } from './schedule'
import { SortedList } from './sorted-list'

/** A shown order with the two times it is sorted by. */
interface Item {
  entry: BoardOrder
  start: number
  due: number
}

const byId = (a: BoardOrder, b: BoardOrder) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
// The same orders as derive.ts sorts by (a finished order is due at Infinity: NaN, so by id).
const byStart = (a: Item, b: Item) => a.start - b.start || byId(a.entry, b.entry)
const byDue = (a: Item, b: Item) => a.due - b.due || byId(a.entry, b.entry)

const ALWAYS_SHOWN = 'NEW'

/** One column's lists and the arrays last made of them (null: changed since). */
interface ColumnIndex {
  byStart: SortedList<Item>
  byDue: SortedList<Item>
  view: KitchenColumn | null
}

export class KitchenIndex implements BoardTracker {
  private orders: ReadonlyMap<string, BoardOrder> = new Map()
  private filter: KitchenFilter | null = null
  private rules: TimingRules | null = null
  /** Each shown order's item, by id: where to find it again when it changes. */
  private readonly items = new Map<string, Item>()
  private readonly byCondition = new Map<string, ColumnIndex>()
  private readonly allByStart = new SortedList<Item>(byStart)
  private readonly allByDue = new SortedList<Item>(byDue)

  /** Uses these filters and rules from now on; a different one rebuilds the index. */
  configure(filter: KitchenFilter, rules: TimingRules): void {
    if (filter === this.filter && rules === this.rules) return
    this.filter = filter
    this.rules = rules
    this.rebuild()
  }

  reset(orders: ReadonlyMap<string, BoardOrder>): void {
    this.orders = orders
    this.rebuild()
  }

  update(prev: BoardOrder | undefined, next: BoardOrder | undefined): void {
    const id = next?.id ?? prev?.id
    if (id === undefined || this.filter === null) return
    const old = this.items.get(id)
    if (old !== undefined) {
      this.items.delete(id)
      const column = this.byCondition.get(old.entry.condition)
      column?.byStart.remove(old)
      column?.byDue.remove(old)
      if (column !== undefined) column.view = null
      this.allByStart.remove(old)
      this.allByDue.remove(old)
    }
    if (next !== undefined) this.add(next)
  }

  /** The columns as kitchenColumns gives them: lifecycle order, NEW there unless hidden. */
  columns(): KitchenColumn[] {
    const hidden = this.filter?.hidden
    const shown: string[] = []
    for (const [condition, column] of this.byCondition) {
      if (
        column.byStart.size > 0 ||
        (condition === ALWAYS_SHOWN && hidden?.has(condition) !== true)
      )
        shown.push(condition)
    }
    if (hidden?.has(ALWAYS_SHOWN) !== true && !this.byCondition.has(ALWAYS_SHOWN))
      shown.push(ALWAYS_SHOWN)
    return shown.sort(compareConditions).map((condition) => this.viewOf(condition))
  }

  /** The tiles as tileOrder gives them, `late` being how many orders are late in all. */
  tiles(late: number): BoardOrder[] {
    const overdue = this.allByDue.items.slice(0, late)
    const lateItems = new Set(overdue)
    const tiles = overdue.map((item) => item.entry)
    for (const item of this.allByStart.items) if (!lateItems.has(item)) tiles.push(item.entry)
    return tiles
  }

  private viewOf(condition: string): KitchenColumn {
    const column = this.byCondition.get(condition)
    if (column === undefined) return { condition, orders: [], byDue: [] }
    column.view ??= {
      condition,
      orders: column.byStart.items.map((item) => item.entry),
      byDue: column.byDue.items.slice(),
    }
    return column.view
  }

  private add(entry: BoardOrder): void {
    if (this.filter === null || this.rules === null || !onKitchenBoard(entry, this.filter)) return
    const { start, due } = timingOf(entry, this.rules)
    const item: Item = { entry, start, due }
    this.items.set(entry.id, item)
    let column = this.byCondition.get(entry.condition)
    if (column === undefined) {
      column = { byStart: new SortedList(byStart), byDue: new SortedList(byDue), view: null }
      this.byCondition.set(entry.condition, column)
    }
    column.byStart.insert(item)
    column.byDue.insert(item)
    column.view = null
    this.allByStart.insert(item)
    this.allByDue.insert(item)
  }

  /**
   * Everything again from the board: once per snapshot or change of filters. Two sorts of the
   * shown orders in all (by start, by due); each column's lists are cut from them in order.
   */
  private rebuild(): void {
    this.items.clear()
    this.byCondition.clear()
    if (this.filter === null || this.rules === null) return
    const all: Item[] = []
    for (const entry of this.orders.values()) {
      if (!onKitchenBoard(entry, this.filter)) continue
      const { start, due } = timingOf(entry, this.rules)
      const item: Item = { entry, start, due }
      this.items.set(entry.id, item)
      all.push(item)
    }
    const starts = all.slice().sort(byStart)
    const dues = all.sort(byDue)
    const groups = new Map<string, { byStart: Item[]; byDue: Item[] }>()
    const groupOf = (condition: string) => {
      let group = groups.get(condition)
      if (group === undefined) groups.set(condition, (group = { byStart: [], byDue: [] }))
      return group
    }
    for (const item of starts) groupOf(item.entry.condition).byStart.push(item)
    for (const item of dues) groupOf(item.entry.condition).byDue.push(item)
    for (const [condition, group] of groups) {
      const column = { byStart: new SortedList(byStart), byDue: new SortedList(byDue), view: null }
      column.byStart.adopt(group.byStart)
      column.byDue.adopt(group.byDue)
      this.byCondition.set(condition, column)
    }
    this.allByStart.adopt(starts)
    this.allByDue.adopt(dues)
  }
}
