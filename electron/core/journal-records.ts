// The journal's line format and its replay, apart from the file system so both read on their own.
// A journal is JSON lines: a snapshot header, the orders it holds, then events appended since.
//
//   {"t":"snapshot","seq":41}              the board's sequence when the snapshot was taken
//   {"t":"order","order":{...BoardOrder}}  one per order in that snapshot
//   {"t":"event","event":{...BoardEvent}}  every change applied after it, in order
//
// The header carries seq once, so a snapshot of an empty board still remembers where it was.
import { z } from 'zod'
import {
  applyChange,
  BoardEventSchema,
  BoardOrderSchema,
  type BoardEvent,
  type BoardOrder,
} from '../common/board'
import { parseWith } from '../common/protocol/parse'
import { withSharedChange, withSharedEntry } from './shared-parts'

/** One line of the journal. */
export const JournalRecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('snapshot'), seq: z.number().int().nonnegative() }),
  z.object({ t: z.literal('order'), order: BoardOrderSchema }),
  z.object({ t: z.literal('event'), event: BoardEventSchema }),
])

export type JournalRecord = z.infer<typeof JournalRecordSchema>

/** A line that replay skipped; `line` counts from 1. */
export interface SkippedLine {
  line: number
  reason: string
  /** The last line, without its newline: a write cut short by a crash. */
  torn: boolean
}

/** The board as the journal's text describes it. */
export interface Replayed {
  orders: Map<string, BoardOrder>
  seq: number
  skipped: SkippedLine[]
  /** Event lines applied after the snapshot: none means the text is a snapshot already. */
  events: number
  /** Whether it began with a snapshot header (a new, empty journal does not). */
  header: boolean
}

/** Serialises one record as a journal line, newline included. */
export const recordLine = (record: JournalRecord): string => `${JSON.stringify(record)}\n`

/** The lines of a snapshot of `orders` at `seq`. */
export function snapshotText(orders: Iterable<BoardOrder>, seq: number): string {
  let text = recordLine({ t: 'snapshot', seq })
  for (const order of orders) text += recordLine({ t: 'order', order })
  return text
}

/** A journal line for one board event. */
export const eventLine = (event: BoardEvent): string => recordLine({ t: 'event', event })

/** Past this many, skipped lines are counted rather than listed: a garbage file is one problem. */
const MAX_LINE_WARNINGS = 10

/** The skipped lines as warnings a person can act on. */
export function describeSkipped(skipped: SkippedLine[]): string[] {
  const listed = skipped
    .slice(0, MAX_LINE_WARNINGS)
    .map(({ line, reason, torn }) =>
      torn
        ? `journal line ${line} is incomplete, a write cut short (${reason}); skipped`
        : `journal line ${line} is corrupt (${reason}); skipped`,
    )
  const more = skipped.length - listed.length
  return more > 0 ? [...listed, `${more} more journal lines are corrupt; skipped`] : listed
}

const MAX_REASON_LENGTH = 160

/** JSON.parse quotes the bad input; keep that quote printable and short, it ends up on screen. */
function printable(reason: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  const clean = reason.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?')
  return clean.length > MAX_REASON_LENGTH ? `${clean.slice(0, MAX_REASON_LENGTH)}…` : clean
}

function parseLine(
  text: string,
): { ok: true; record: JournalRecord } | { ok: false; reason: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: printable(error instanceof Error ? error.message : String(error)) }
  }
  const parsed = parseWith(JournalRecordSchema, value)
  return parsed.ok ? { ok: true, record: parsed.value } : parsed
}

/**
 * Rebuilds the board from a journal's text. Never throws: a line that is not a valid record is
 * reported in `skipped` and the rest is kept, since losing one change beats losing the board.
 */
export function replay(text: string): Replayed {
  const orders = new Map<string, BoardOrder>()
  const skipped: SkippedLine[] = []
  let seq = 0
  let events = 0
  let header = false
  const lines = text.split('\n')
  // A journal ends with a newline, so the last piece is empty unless a write was cut short.
  const last = lines.length - 1
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const parsed = parseLine(line)
    if (!parsed.ok) {
      skipped.push({ line: index + 1, reason: parsed.reason, torn: index === last })
      return
    }
    const { record } = parsed
    if (record.t === 'snapshot') {
      seq = Math.max(seq, record.seq)
      header ||= index === 0
    } else if (record.t === 'order') {
      orders.set(record.order.id, withSharedEntry(record.order))
    } else {
      applyChange(orders, withSharedChange(record.event))
      seq = Math.max(seq, record.event.seq)
      events += 1
    }
  })
  return { orders, seq, skipped, events, header }
}
