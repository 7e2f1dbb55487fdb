// The kitchen board as drawn: columns after the filters, late orders first; the all-day counts,
// the recent bumps, and the keyboard's selection. Everything heavy is computed once per board
// version (or filter change); the clock only moves the late prefix of each column.
import { defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import type { BoardOrder } from '../../../electron/common/board'
import { DEFAULT_DISPLAY_SETTINGS } from '../../../electron/common/settings'
import { KNOWN_CONDITIONS } from '../../../electron/common/conditions'
import { atStation, stationDone } from '../../../electron/common/station-progress'
import { useScreenStore } from '../hub/screen-store'
import { stationAllDay } from '../hub/ticket-lines'
import { useBoardStore } from '../stores/board'
import { useClockStore } from '../stores/clock'
import { useSettingsStore } from '../stores/settings'
import { AllDayCounts, ConditionCounts, RecentBumps } from './board-tallies'
import { arrange, lateCount, RECENT_LIMIT, type KitchenColumn, type KitchenFilter } from './derive'
import type { TimingRules } from './schedule'
import { KitchenIndex } from './kitchen-index'
import { useLayout } from './layout'
import { useTilePages } from './tile-pages'
import { useKitchenViewStore } from './view-store'

/** A column as the kitchen draws it. */
export interface KitchenColumnView {
  condition: string
  orders: BoardOrder[]
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((item, index) => item === b[index]))

const sameRules = (a: TimingRules, b: TimingRules): boolean =>
  a.lateMinutes === b.lateMinutes && a.prepMinutes === b.prepMinutes && a.offsetMs === b.offsetMs

const sameFilter = (a: KitchenFilter, b: KitchenFilter): boolean =>
  a.mode === b.mode &&
  a.hideTest === b.hideTest &&
  a.hidden === b.hidden &&
  a.search === b.search &&
  a.admit === b.admit

/** How many cards the digit keys reach: 1 to 9. */
export const DIGIT_CARDS = 9

export const useKitchenStore = defineStore('kitchen', () => {
  const board = useBoardStore()
  const clock = useClockStore()
  const settings = useSettingsStore()
  const view = useKitchenViewStore()
  const layout = useLayout()
  const screen = useScreenStore()

  // Both kept as the same object while their values stay: a new one rebuilds the index and the
  // all-day counts and re-times every card, and the status's first answer (the clock's offset,
  // the thresholds) would otherwise do all of that again right after a snapshot.
  const rules = computed<TimingRules>((previous) => {
    const next = {
      lateMinutes: settings.thresholds.lateMinutes,
      prepMinutes: settings.view?.prepMinutes ?? DEFAULT_DISPLAY_SETTINGS.prepMinutes,
      offsetMs: clock.offsetMs,
    }
    return previous !== undefined && sameRules(previous, next) ? previous : next
  })
  /** A station screen lets through only the tickets at that station now. */
  const admit = computed<Pick<KitchenFilter, 'admit'>>(() => {
    const station = screen.station
    if (station === null) return {}
    const routing = screen.routing
    return { admit: (entry) => atStation(entry, station, routing) }
  })
  const filter = computed<KitchenFilter>((previous) => {
    const next: KitchenFilter = {
      mode: view.mode,
      hideTest: view.hideTest,
      hidden: view.hidden,
      search: view.search,
      ...admit.value,
    }
    return previous !== undefined && sameFilter(previous, next) ? previous : next
  })

  // Kept up to date change by change (kitchen-index.ts, board-tallies.ts): a change of the
  // board costs the orders it touches, and a redraw remakes only the columns they are in.
  const index = markRaw(new KitchenIndex())
  const allDayCounts = markRaw(new AllDayCounts())
  const recentList = markRaw(new RecentBumps())
  const conditionCounts = markRaw(new ConditionCounts(KNOWN_CONDITIONS.map((info) => info.code)))
  for (const tracker of [index, allDayCounts, recentList, conditionCounts]) board.track(tracker)

  const base = computed(() => {
    void board.version
    index.configure(filter.value, rules.value)
    return index.columns()
  })
  // A string, so a tick that makes no new order late changes nothing downstream.
  const lateKey = computed(() => base.value.map((column) => lateCount(column, clock.now)).join(','))
  // A column whose cards are the same ones, in the same order, is the same object as before, and so
  // are the digits while the first nine cards stay: a change in one column redraws that column
  // only, and a long column's virtualizer is not rebuilt for every order that arrives elsewhere.
  // A column's arrangement is kept while the column and its late count stay the same.
  const arranged = new WeakMap<KitchenColumn, { late: number; orders: BoardOrder[] }>()
  const arrangeOnce = (column: KitchenColumn, late: number): BoardOrder[] => {
    const known = arranged.get(column)
    if (known !== undefined && known.late === late) return known.orders
    const orders = arrange(column, late)
    arranged.set(column, { late, orders })
    return orders
  }
  const columns = computed<KitchenColumnView[]>((previous) => {
    const late = lateKey.value.split(',').map(Number)
    return base.value.map((column, index) => {
      const orders = arrangeOnce(column, late[index] ?? 0)
      const before = previous?.find((candidate) => candidate.condition === column.condition)
      return before !== undefined && sameItems(before.orders, orders)
        ? before
        : { condition: column.condition, orders }
    })
  })
  /** Tiled: every shown ticket, the late ones first (most overdue first), then by start time. */
  const tiles = computed<BoardOrder[]>((previous) => {
    void base.value
    const next = index.tiles(tilesLate.value)
    return previous !== undefined && sameItems(previous, next) ? previous : next
  })
  const tilesLate = computed(() => lateKey.value.split(',').reduce((sum, n) => sum + Number(n), 0))
  const tiled = computed(() => layout.value === 'tiles')
  const pages = useTilePages(tiles, tilesLate, tiled)
  /** Every card the keys reach, in reading order: the tiled page shown, or column by column. */
  const flat = computed(() =>
    tiled.value ? pages.visible.value : columns.value.flatMap((column) => column.orders),
  )
  /** The digit of each of the first nine cards. */
  /** The first `count` cards of `flat`, without making all of it for the columns. */
  const firstCards = (count: number): BoardOrder[] => {
    if (tiled.value) return pages.visible.value.slice(0, count)
    const first: BoardOrder[] = []
    for (const column of columns.value) {
      for (const entry of column.orders) {
        if (first.length === count) return first
        first.push(entry)
      }
    }
    return first
  }
  const digits = computed<ReadonlyMap<string, number>>((previous) => {
    const first = firstCards(DIGIT_CARDS).map((entry) => entry.id)
    const same = previous !== undefined && sameItems([...previous.keys()], first)
    return same ? previous : new Map(first.map((id, index) => [id, index + 1]))
  })

  const allDay = computed(() => {
    const station = screen.station
    // A station counts what is still open there, over its own tickets.
    if (station !== null) {
      const shown = base.value.flatMap((column) => column.orders)
      return stationAllDay(shown, station, screen.routing)
    }
    void board.version
    allDayCounts.configure(filter.value)
    return allDayCounts.current()
  })
  const recent = computed(() => {
    void board.version
    const station = screen.station
    if (station === null) return recentList.current()
    // A station's own bumps: the tickets it passed on or finished, the latest first.
    const passed = [...board.orders.values()].filter(
      (entry) => entry.bumpedAt === undefined && stationDone(entry, station),
    )
    return passed.sort((a, b) => clearedAt(b) - clearedAt(a)).slice(0, RECENT_LIMIT)
  })
  /** When an order left this screen: its bump, or on a station that station's bump. */
  function clearedAt(entry: BoardOrder): number {
    const station = screen.station
    if (station === null) return entry.bumpedAt ?? entry.changedAt
    return entry.stationsDoneAt?.[station] ?? entry.changedAt
  }
  const conditions = computed(() => {
    void board.version
    return conditionCounts.current()
  })

  const selectedId = ref<string | null>(null)
  /** Where the selection is: column and row, or null when the selected card is not shown. */
  const selection = computed(() => {
    const id = selectedId.value
    if (id === null) return null
    // Tiled, the page shown is one column of reading order: a ticket on another page is not shown.
    if (tiled.value) {
      const row = flat.value.findIndex((entry) => entry.id === id)
      return row < 0 ? null : { col: 0, row }
    }
    for (const [col, column] of columns.value.entries()) {
      const row = column.orders.findIndex((entry) => entry.id === id)
      if (row >= 0) return { col, row }
    }
    return null
  })
  const selected = computed<BoardOrder | null>(() => {
    const at = selection.value
    if (at === null) return null
    return (tiled.value ? flat.value[at.row] : columns.value[at.col]?.orders[at.row]) ?? null
  })
  /** The selection's column as the keys see it: the tiled page's reading order, or a column. */
  const columnOf = (col: number): BoardOrder[] =>
    tiled.value ? flat.value : (columns.value[col]?.orders ?? [])

  /** Selects the card with digit `n` (1-based, reading order); false when there is none. */
  function selectDigit(n: number): boolean {
    const entry = flat.value[n - 1]
    if (entry === undefined || n > DIGIT_CARDS) return false
    selectedId.value = entry.id
    return true
  }

  function selectFirst(): void {
    selectedId.value = flat.value[0]?.id ?? null
  }

  /** Moves the selection: up and down in a column, left and right to the next non-empty one. */
  function move(direction: 'up' | 'down' | 'left' | 'right'): void {
    // Tiled, left and right turn the page (a bump bar has no scroll wheel).
    if (tiled.value && (direction === 'left' || direction === 'right')) {
      return pages.turn(direction === 'right' ? 1 : -1)
    }
    const at = selection.value
    if (at === null) return selectFirst()
    const column = columnOf(at.col)
    if (direction === 'up' || direction === 'down') {
      const row = Math.min(Math.max(at.row + (direction === 'down' ? 1 : -1), 0), column.length - 1)
      selectedId.value = column[row]?.id ?? selectedId.value
      return
    }
    const cols = columns.value
    const step = direction === 'right' ? 1 : -1
    for (let col = at.col + step; col >= 0 && col < cols.length; col += step) {
      const orders = cols[col]?.orders ?? []
      if (orders.length === 0) continue
      selectedId.value = orders[Math.min(at.row, orders.length - 1)]?.id ?? selectedId.value
      return
    }
  }

  /** Bumps an order; the selection goes to the card that takes its place. */
  async function bump(id: string): Promise<void> {
    if (selectedId.value === id) {
      const at = selection.value
      const orders = at === null ? [] : columnOf(at.col)
      const row = at?.row ?? 0
      selectedId.value = orders[row + 1]?.id ?? orders[row - 1]?.id ?? null
    }
    const station = screen.station
    if (station === null) await board.bump(id)
    else await board.bumpStation(id, station)
  }

  /** Bumps the selected card, if any. */
  async function bumpSelected(): Promise<void> {
    const entry = selected.value
    if (entry !== null) await bump(entry.id)
  }

  /** Prints the selected card's order again on its printers. */
  async function reprintSelected(): Promise<void> {
    const entry = selected.value
    if (entry !== null) await board.reprint(entry.id)
  }

  /** Brings back an order (null: the last bumped) and selects it. */
  async function recall(id: string | null): Promise<void> {
    const station = screen.station
    const recalled =
      station === null ? await board.recall(id) : await board.recallStation(station, id)
    if (recalled === null) return
    selectedId.value = recalled
    // Tiled, the recalled ticket may land on another page: show that one.
    if (tiled.value) pages.reveal(recalled)
  }

  function clearSelection(): void {
    selectedId.value = null
  }

  return {
    layout,
    columns,
    tiles,
    pages: pages.pages,
    pageCount: pages.count,
    pageIndex: pages.current,
    page: pages.page,
    offscreen: pages.offscreen,
    unmeasuredNext: pages.unmeasuredNext,
    turnPage: pages.turn,
    flat,
    digits,
    allDay,
    recent,
    clearedAt,
    conditions,
    rules,
    selectedId,
    selected,
    selectDigit,
    move,
    bump,
    bumpSelected,
    reprintSelected,
    recall,
    clearSelection,
  }
})
