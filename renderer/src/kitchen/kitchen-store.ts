// The kitchen board as drawn: columns after the filters, late orders first; the all-day counts,
// the recent bumps, and the keyboard's selection. Everything heavy is computed once per board
// version (or filter change); the clock only moves the late prefix of each column.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BoardOrder } from '../../../electron/common/board'
import { DEFAULT_DISPLAY_SETTINGS } from '../../../electron/common/settings'
import { KNOWN_CONDITIONS } from '../../../electron/common/conditions'
import { useBoardStore } from '../stores/board'
import { useClockStore } from '../stores/clock'
import { useSettingsStore } from '../stores/settings'
import {
  allDayLines,
  arrange,
  conditionChoices,
  kitchenColumns,
  lateCount,
  recentBumps,
  type KitchenFilter,
} from './derive'
import { useKitchenViewStore } from './view-store'

/** A column as the kitchen draws it. */
export interface KitchenColumnView {
  condition: string
  orders: BoardOrder[]
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index])

/** How many cards the digit keys reach: 1 to 9. */
export const DIGIT_CARDS = 9

export const useKitchenStore = defineStore('kitchen', () => {
  const board = useBoardStore()
  const clock = useClockStore()
  const settings = useSettingsStore()
  const view = useKitchenViewStore()

  const rules = computed(() => ({
    lateMinutes: settings.thresholds.lateMinutes,
    prepMinutes: settings.view?.prepMinutes ?? DEFAULT_DISPLAY_SETTINGS.prepMinutes,
    offsetMs: clock.offsetMs,
  }))
  const filter = computed<KitchenFilter>(() => ({
    mode: view.mode,
    hideTest: view.hideTest,
    hidden: view.hidden,
    search: view.search,
  }))

  const base = computed(() => {
    void board.version
    return kitchenColumns(board.orders.values(), filter.value, rules.value)
  })
  // A string, so a tick that makes no new order late changes nothing downstream.
  const lateKey = computed(() => base.value.map((column) => lateCount(column, clock.now)).join(','))
  // A column whose cards are the same ones, in the same order, is the same object as before, and so
  // are the digits while the first nine cards stay: a change in one column redraws that column
  // only, and a long column's virtualizer is not rebuilt for every order that arrives elsewhere.
  const columns = computed<KitchenColumnView[]>((previous) => {
    const late = lateKey.value.split(',').map(Number)
    return base.value.map((column, index) => {
      const orders = arrange(column, late[index] ?? 0)
      const before = previous?.find((candidate) => candidate.condition === column.condition)
      return before !== undefined && sameItems(before.orders, orders)
        ? before
        : { condition: column.condition, orders }
    })
  })
  /** Every shown card in reading order: column by column, top to bottom. */
  const flat = computed(() => columns.value.flatMap((column) => column.orders))
  /** The digit of each of the first nine cards. */
  const digits = computed<ReadonlyMap<string, number>>((previous) => {
    const first = flat.value.slice(0, DIGIT_CARDS).map((entry) => entry.id)
    const same = previous !== undefined && sameItems([...previous.keys()], first)
    return same ? previous : new Map(first.map((id, index) => [id, index + 1]))
  })

  const allDay = computed(() => {
    void board.version
    return allDayLines(board.orders.values(), filter.value)
  })
  const recent = computed(() => {
    void board.version
    return recentBumps(board.orders.values())
  })
  const conditions = computed(() => {
    void board.version
    return conditionChoices(
      board.orders.values(),
      KNOWN_CONDITIONS.map((info) => info.code),
    )
  })

  const selectedId = ref<string | null>(null)
  /** Where the selection is: column and row, or null when the selected card is not shown. */
  const selection = computed(() => {
    const id = selectedId.value
    if (id === null) return null
    for (const [col, column] of columns.value.entries()) {
      const row = column.orders.findIndex((entry) => entry.id === id)
      if (row >= 0) return { col, row }
    }
    return null
  })
  const selected = computed<BoardOrder | null>(() => {
    const at = selection.value
    return at === null ? null : (columns.value[at.col]?.orders[at.row] ?? null)
  })

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
    const at = selection.value
    if (at === null) return selectFirst()
    const cols = columns.value
    const column = cols[at.col]
    if (column === undefined) return
    if (direction === 'up' || direction === 'down') {
      const row = Math.min(
        Math.max(at.row + (direction === 'down' ? 1 : -1), 0),
        column.orders.length - 1,
      )
      selectedId.value = column.orders[row]?.id ?? selectedId.value
      return
    }
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
      const orders = at === null ? [] : (columns.value[at.col]?.orders ?? [])
      const row = at?.row ?? 0
      selectedId.value = orders[row + 1]?.id ?? orders[row - 1]?.id ?? null
    }
    await board.bump(id)
  }

  /** Bumps the selected card, if any. */
  async function bumpSelected(): Promise<void> {
    const entry = selected.value
    if (entry !== null) await bump(entry.id)
  }

  /** Brings back an order (null: the last bumped) and selects it. */
  async function recall(id: string | null): Promise<void> {
    const recalled = await board.recall(id)
    if (recalled !== null) selectedId.value = recalled
  }

  function clearSelection(): void {
    selectedId.value = null
  }

  return {
    columns,
    flat,
    digits,
    allDay,
    recent,
    conditions,
    rules,
    selectedId,
    selected,
    selectDigit,
    move,
    bump,
    bumpSelected,
    recall,
    clearSelection,
  }
})
