// The board as columns: one per condition that has orders, in lifecycle order, NEW always there.
import type { BoardOrder } from '../../electron/common/board'
import { compareConditions } from '../../electron/common/conditions'

/** One column of the board. */
export interface Column {
  condition: string
  orders: BoardOrder[]
}

/** When an order started, for its age and its place in a column: the backend's createdAt if known. */
export const startedAt = (entry: BoardOrder): number => entry.order?.createdAt ?? entry.receivedAt

const ALWAYS_SHOWN = 'NEW'

const byAge = (a: BoardOrder, b: BoardOrder) =>
  startedAt(a) - startedAt(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Groups orders into columns; the oldest order first in each, as it is the most urgent. */
export function groupColumns(orders: Iterable<BoardOrder>): Column[] {
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
