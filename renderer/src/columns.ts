// The board as columns: one per condition that has orders, in lifecycle order, NEW always there.
import type { BoardOrder } from '../../electron/common/board'
import { compareConditions } from '../../electron/common/conditions'
import { startedAt } from '../../electron/common/order-time'

/** One column of the board. */
export interface Column {
  condition: string
  orders: BoardOrder[]
}

export { startedAt }

const ALWAYS_SHOWN = 'NEW'

/** Groups orders into columns; the oldest order first in each, as it is the most urgent. */
export function groupColumns(orders: Iterable<BoardOrder>, offsetMs: number): Column[] {
  const byAge = (a: BoardOrder, b: BoardOrder) =>
    startedAt(a, offsetMs) - startedAt(b, offsetMs) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const groups = new Map<string, BoardOrder[]>([[ALWAYS_SHOWN, []]])
  for (const entry of orders) {
    const group = groups.get(entry.condition)
    if (group === undefined) groups.set(entry.condition, [entry])
    else group.push(entry)
  }
  return [...groups.keys()]
    .sort(compareConditions)
    .map((condition) => ({ condition, orders: (groups.get(condition) ?? []).sort(byAge) }))
}
