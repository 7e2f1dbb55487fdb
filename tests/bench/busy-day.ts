// The journal of a busy day, as the core would have written it had it never compacted: 5,000
// orders arriving over 12 hours, each then walked through its conditions and bumped (30,000
// changes after the arrivals). The last orders are still in progress, so the board shows tickets.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BoardChange } from '../../electron/common/board'
import { JOURNAL_FILE } from '../../electron/core/journal'
import { eventLine, recordLine } from '../../electron/core/journal-records'
import { DEMO_MENU } from '../../electron/server/menu'
import { createOrderFactory } from '../../electron/server/order-factory'
import { seededRandom } from '../../electron/server/random'

export const BUSY_DAY = { orders: 5_000, changes: 30_000, hours: 12 }

const STEPS = ['ACCEPTED', 'COOKING', 'COLLECTED', 'DELIVERING', 'DELIVERED'] as const
/** Minutes from arrival to each step, then the bump. */
const STEP_MINUTES = [1, 3, 15, 20, 45]
const BUMP_MINUTES = 16

/** The journal's text: a snapshot header of an empty board, then every change of the day. */
export function busyDayText(now = Date.now()): { text: string; orders: number; changes: number } {
  const { orders, changes, hours } = BUSY_DAY
  const start = now - hours * 3_600_000
  const spacing = (hours * 3_600_000) / orders
  const factory = createOrderFactory({ menu: DEMO_MENU, now: () => now, random: seededRandom(11) })
  const timed: { at: number; change: BoardChange }[] = []
  let later = 0
  for (let index = 0; index < orders; index += 1) {
    const at = Math.round(start + index * spacing)
    const created = factory.create()
    if (!created.ok) throw new Error(`the factory refused an order: ${created.reason}`)
    const order = { ...created.value, condition: 'NEW' as const, createdAt: at, updatedAt: at }
    timed.push({ at, change: { type: 'order:new', order, at } })
    const id = order._id
    STEPS.forEach((condition, step) => {
      const when = at + (STEP_MINUTES[step] ?? 0) * 60_000
      if (when <= now && later < changes) {
        timed.push({ at: when, change: { type: 'order:condition', id, condition, at: when } })
        later += 1
      }
    })
    const bumped = at + BUMP_MINUTES * 60_000
    if (bumped <= now && later < changes) {
      timed.push({ at: bumped, change: { type: 'order:bump', id, at: bumped } })
      later += 1
    }
  }
  timed.sort((a, b) => a.at - b.at)
  let text = recordLine({ t: 'snapshot', seq: 0 })
  timed.forEach(({ change }, index) => {
    text += eventLine({ ...change, seq: index + 1 })
  })
  return { text, orders, changes: later }
}

/** Writes a journal's text into the data directory `dir`; answers the file's path. */
export function writeJournal(dir: string, text: string): string {
  const file = join(dir, JOURNAL_FILE)
  writeFileSync(file, text)
  return file
}
