// Whether the board holds exactly what was emitted: every order once, in its last condition, in
// the core (its snapshot and its counters) and on screen (the renderer's column counts, and no
// card twice in the DOM).
import type { OrderFlow } from './flow'
import type { HostBoard } from './host'
import type { ProbeReading } from './page-probe'

export interface BoardCheck {
  lost: number
  duplicated: number
  /** Each layer's own figures, for the report. */
  detail: {
    coreMissing: number
    coreExtra: number
    feedMissing: number
    feedExtra: number
    screenMissing: number
    screenExtra: number
    domDuplicates: number
  }
}

/** Compares the board, in the core and on screen, with what `flow` emitted. */
export function checkBoard(flow: OrderFlow, core: HostBoard, screen: ProbeReading): BoardCheck {
  const held = new Map(core.orders)
  let coreMissing = 0
  for (const [id, condition] of flow.expected) if (held.get(id) !== condition) coreMissing += 1
  const coreExtra = [...held.keys()].filter((id) => !flow.expected.has(id)).length

  let screenMissing = 0
  let screenExtra = 0
  const expected = flow.expectedColumns()
  const conditions = new Set([...expected.keys(), ...Object.keys(screen.columns)])
  for (const condition of conditions) {
    const difference = (screen.columns[condition] ?? 0) - (expected.get(condition) ?? 0)
    if (difference < 0) screenMissing -= difference
    else screenExtra += difference
  }
  const detail = {
    coreMissing,
    coreExtra,
    feedMissing: Math.max(0, flow.events - core.received),
    feedExtra: Math.max(0, core.received - flow.events),
    screenMissing,
    screenExtra,
    domDuplicates: screen.duplicateDomIds,
  }
  return {
    lost: Math.max(detail.coreMissing, detail.feedMissing, detail.screenMissing),
    duplicated: Math.max(
      detail.coreExtra,
      detail.feedExtra,
      detail.screenExtra,
      detail.domDuplicates,
    ),
    detail,
  }
}

/** Whether the renderer's columns already add up to what was emitted. */
export function columnsMatch(flow: OrderFlow, columns: Record<string, number>): boolean {
  const expected = flow.expectedColumns()
  const conditions = new Set([...expected.keys(), ...Object.keys(columns)])
  return [...conditions].every((c) => (columns[c] ?? 0) === (expected.get(c) ?? 0))
}
