// When an order is due and when the kitchen should start it: a scheduled order by its `time`, an
// unscheduled one by its age against the late threshold. Pure, so the derived lists and the cards
// agree and tests need no clock.
import type { BoardOrder } from '../../../electron/common/board'
import { conditionInfo } from '../../../electron/common/conditions'
import { startedAt } from '../columns'

const MINUTE = 60_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/

/** An order's scheduled `time` as epoch ms: a number, or an ISO date; other text (`к 19:30`) is null. */
export function scheduledAt(time: number | string | null | undefined): number | null {
  if (time === null || time === undefined) return null
  if (typeof time === 'number') return time
  if (!ISO_DATE.test(time)) return null
  const at = Date.parse(time)
  return Number.isFinite(at) ? at : null
}

/** The minutes that decide an order's timing, and the backend's clock minus this machine's. */
export interface TimingRules {
  lateMinutes: number
  prepMinutes: number
  offsetMs: number
}

/** When an order is late, when it should be started, and its scheduled time if it has one. */
export interface Timing {
  /** Past this moment the order is late; Infinity for a finished one, which is never late. */
  due: number
  /** When to start cooking: the scheduled time minus the preparation time, else when it came. */
  start: number
  /** The scheduled time (epoch ms, this machine's clock), or null for one wanted as soon as possible. */
  scheduled: number | null
}

// Board entries are never changed in place (a change makes a new entry), so an entry's timing
// under the same rules is worked out once: the kitchen's columns ask for every order on every
// change of the board.
const known = new WeakMap<TimingRules, WeakMap<BoardOrder, Timing>>()

export function timingOf(entry: BoardOrder, rules: TimingRules): Timing {
  let byEntry = known.get(rules)
  if (byEntry === undefined) {
    byEntry = new WeakMap()
    known.set(rules, byEntry)
  }
  let timing = byEntry.get(entry)
  if (timing === undefined) {
    timing = workOut(entry, rules)
    byEntry.set(entry, timing)
  }
  return timing
}

function workOut(entry: BoardOrder, rules: TimingRules): Timing {
  // Times are on this machine's clock, which `now` ticks on: the backend's ones are moved onto it.
  const time = scheduledAt(entry.order?.time)
  const scheduled = time === null ? null : time - rules.offsetMs
  const since = startedAt(entry, rules.offsetMs)
  if (conditionInfo(entry.condition).final) {
    return { due: Infinity, start: scheduled ?? since, scheduled }
  }
  if (scheduled !== null) {
    return { due: scheduled, start: scheduled - rules.prepMinutes * MINUTE, scheduled }
  }
  return { due: since + rules.lateMinutes * MINUTE, start: since, scheduled }
}
