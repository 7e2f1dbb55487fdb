// An intent queue's journal: JSON lines, one per change of an intent, replayed on open.
//
//   {"op":"add","id":"…","at":…,"payload":{…}}          recorded before the first attempt
//   {"op":"try","id":"…","at":…,"attempt":1}             an attempt starts (it may reach the world)
//   {"op":"retry","id":"…","at":…,"reason":"…","nextAt":…} it failed for now; next attempt at nextAt
//   {"op":"end","id":"…","at":…,"state":"done","reason":null}   finished: done, failed or dropped
//   {"op":"dismiss","id":"…","at":…}                     a person has read a finished intent
//
// The payload is checked against the kind's schema on replay: the file is input like any other.
import { z } from 'zod'
import { formatIssues } from '../../common/protocol/parse'

const time = z.number().int().nonnegative()
const IntentIdSchema = z.string().min(1).max(100)

/** How an intent ended. */
export const END_STATES = ['done', 'failed', 'dropped'] as const
export type EndState = (typeof END_STATES)[number]

/** Where an intent is: waiting for its (next) attempt, being tried, or finished. */
export type IntentState = 'waiting' | 'sending' | EndState

/** One line of an intent journal; the payload is still unknown here. */
export const IntentRecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: IntentIdSchema, at: time, payload: z.unknown() }),
  z.object({ op: z.literal('try'), id: IntentIdSchema, at: time, attempt: z.number().int() }),
  z.object({
    op: z.literal('retry'),
    id: IntentIdSchema,
    at: time,
    reason: z.string(),
    code: z.string().max(100).nullable().optional(),
    nextAt: time,
  }),
  z.object({
    op: z.literal('end'),
    id: IntentIdSchema,
    at: time,
    state: z.enum(END_STATES),
    reason: z.string().nullable(),
    code: z.string().max(100).nullable().optional(),
  }),
  z.object({ op: z.literal('dismiss'), id: IntentIdSchema, at: time }),
])
export type IntentRecord = z.infer<typeof IntentRecordSchema>

/** An intent as the queue holds it and shows it. */
export interface Intent<P> {
  id: string
  payload: P
  state: IntentState
  createdAt: number
  /** Attempts started so far. */
  attempts: number
  /** Why the last attempt did not finish it, or why it ended failed or dropped; null when none. */
  reason: string | null
  /** The kind's own word for the reason (e.g. `forbidden`), for a screen to translate; or null. */
  code: string | null
  /** When the next attempt is due, while waiting. */
  nextAttemptAt: number | null
  /** When it finished, or null. */
  endedAt: number | null
  /**
   * An attempt was under way when the process stopped: it may have reached the world. The kind
   * decides, before trying again, whether it is still needed.
   */
  interrupted: boolean
}

/** Serialises one record as a line, newline included. */
export const intentLine = (record: IntentRecord): string => `${JSON.stringify(record)}\n`

/** What replay found: the intents in creation order, and the lines it could not use. */
export interface ReplayedIntents<P> {
  intents: Map<string, Intent<P>>
  warnings: string[]
}

function applyRecord<P>(
  intents: Map<string, Intent<P>>,
  record: IntentRecord,
  payloadSchema: z.ZodType<P>,
): string | null {
  if (record.op === 'add') {
    const parsed = payloadSchema.safeParse(record.payload)
    if (!parsed.success) return `its payload is not valid (${formatIssues(parsed.error)})`
    intents.set(record.id, {
      id: record.id,
      payload: parsed.data,
      state: 'waiting',
      createdAt: record.at,
      attempts: 0,
      reason: null,
      code: null,
      nextAttemptAt: record.at,
      endedAt: null,
      interrupted: false,
    })
    return null
  }
  const intent = intents.get(record.id)
  // A change to an intent the file does not (or no longer) hold: nothing to apply it to.
  if (intent === undefined) return null
  switch (record.op) {
    case 'try':
      Object.assign(intent, { state: 'sending', attempts: record.attempt, nextAttemptAt: null })
      break
    case 'retry':
      Object.assign(intent, {
        state: 'waiting',
        reason: record.reason,
        code: record.code ?? null,
        nextAttemptAt: record.nextAt,
      })
      break
    case 'end':
      Object.assign(intent, {
        state: record.state,
        reason: record.reason,
        code: record.code ?? null,
        nextAttemptAt: null,
        endedAt: record.at,
      })
      break
    case 'dismiss':
      intents.delete(record.id)
      break
  }
  return null
}

/** Rebuilds the intents from a journal's text; a line that cannot be used is skipped and named. */
export function replayIntents<P>(text: string, payloadSchema: z.ZodType<P>): ReplayedIntents<P> {
  const intents = new Map<string, Intent<P>>()
  const warnings: string[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let problem: string | null
    try {
      const parsed = IntentRecordSchema.safeParse(JSON.parse(line))
      problem = parsed.success
        ? applyRecord(intents, parsed.data, payloadSchema)
        : formatIssues(parsed.error)
    } catch (error) {
      const torn = index === lines.length - 1
      problem = torn ? 'incomplete, a write cut short' : (error as Error).message.slice(0, 160)
    }
    if (problem !== null) warnings.push(`line ${index + 1}: ${problem}; skipped`)
  })
  for (const intent of intents.values()) {
    // It was being tried when the process stopped: try again, telling the kind it may have gone.
    if (intent.state === 'sending') {
      Object.assign(intent, {
        state: 'waiting',
        interrupted: true,
        nextAttemptAt: intent.createdAt,
      })
    }
  }
  return { intents, warnings }
}

/** The lines that recreate `intent` as it is: an add, then what brings it to its state. */
export function intentSnapshotLines<P>(intent: Intent<P>): string {
  const { id, createdAt: at } = intent
  let text = intentLine({ op: 'add', id, at, payload: intent.payload })
  if (intent.attempts > 0) {
    text += intentLine({ op: 'try', id, at, attempt: intent.attempts })
    // An interrupted intent stays a `try` with no outcome, so the next replay says so again.
    if (intent.state === 'waiting' && !intent.interrupted) {
      const reason = intent.reason ?? 'retry'
      const { code } = intent
      text += intentLine({ op: 'retry', id, at, reason, code, nextAt: intent.nextAttemptAt ?? at })
    }
  }
  if (intent.state === 'done' || intent.state === 'failed' || intent.state === 'dropped') {
    const endAt = intent.endedAt ?? at
    const { state, reason, code } = intent
    text += intentLine({ op: 'end', id, at: endAt, state, reason, code })
  }
  return text
}
