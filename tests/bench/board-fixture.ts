// A board of N orders written as a journal (the core's own format, journal-records.ts), so the
// display starts with it as it would after a restart: the orders come from the reference
// server's factory, spread over the columns a kitchen works in, the oldest an hour or more old.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BoardOrder } from '../../electron/common/board'
import { JOURNAL_FILE } from '../../electron/core/journal'
import { snapshotText } from '../../electron/core/journal-records'
import { DEMO_MENU } from '../../electron/server/menu'
import { createOrderFactory } from '../../electron/server/order-factory'
import { seededRandom } from '../../electron/server/random'

type Condition = 'NEW' | 'ACCEPTED' | 'COOKING' | 'COLLECTED' | 'DELIVERING'
const CONDITIONS: readonly Condition[] = ['NEW', 'ACCEPTED', 'COOKING', 'COLLECTED', 'DELIVERING']
/** Orders arrived one every few seconds. */
const SPACING_MS = 3_000

/** The orders of a busy board, all still in progress. */
export function boardOrders(
  count: number,
  now = Date.now(),
  conditions: readonly Condition[] = CONDITIONS,
): BoardOrder[] {
  const factory = createOrderFactory({ menu: DEMO_MENU, now: () => now, random: seededRandom(7) })
  const orders: BoardOrder[] = []
  for (let index = 0; index < count; index += 1) {
    const created = factory.create()
    if (!created.ok) throw new Error(`the factory refused an order: ${created.reason}`)
    const condition = conditions[index % conditions.length] ?? 'NEW'
    const at = now - (count - index) * SPACING_MS
    const order = { ...created.value, condition, createdAt: at, updatedAt: at }
    orders.push({
      id: order._id,
      order,
      condition,
      history: [{ condition, at }],
      receivedAt: at,
      changedAt: at,
    })
  }
  return orders
}

/** Writes a journal of `count` orders into the data directory `dir`. */
export function writeBoardJournal(
  dir: string,
  count: number,
  conditions: readonly Condition[] = CONDITIONS,
): void {
  writeFileSync(
    join(dir, JOURNAL_FILE),
    snapshotText(boardOrders(count, Date.now(), conditions), count),
  )
}

/** The conditions of a board that a latency run adds its own new orders to: none waits in NEW,
 * so each new card lands in view at the top of its column. */
export const PAST_NEW: readonly Condition[] = CONDITIONS.filter((condition) => condition !== 'NEW')
