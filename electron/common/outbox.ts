// The outbox as the screens see it: the conditions the kitchen asked the backend for, while they
// wait, and the refusals and notes a person must read. The core journals and sends them.
import { z } from 'zod'
import { KITCHEN_ACTIONS } from './condition-action'
import { ConditionSchema, IdSchema } from './protocol/schemas'

const time = z.number().int().nonnegative()

/**
 * Why an entry is where it is. Waiting: `unreachable`, `timeout`, `server-error`. Refused:
 * `forbidden` (401/403), `unknown-order` (404), `refused` (another 4xx), `host` (the action goes
 * to another host than the backend). Dropped: `already` (the backend shows it or a later
 * condition), `off` (the action was turned off). Done: `sent`.
 */
export const OUTBOX_CODES = [
  'unreachable',
  'timeout',
  'server-error',
  'forbidden',
  'unknown-order',
  'refused',
  'host',
  'already',
  'off',
  'sent',
] as const
export const OutboxCodeSchema = z.enum(OUTBOX_CODES)
export type OutboxCode = z.infer<typeof OutboxCodeSchema>

/** One condition the kitchen asked for. */
export const OutboxEntrySchema = z.object({
  id: z.string().min(1).max(100),
  orderId: IdSchema,
  action: z.enum(KITCHEN_ACTIONS),
  condition: ConditionSchema,
  /** `done`: the backend said yes; the card moves when its own order:condition comes. */
  state: z.enum(['waiting', 'sending', 'done', 'failed', 'dropped']),
  code: OutboxCodeSchema.nullable(),
  /** The reason in words (the backend's message for a refusal), for the log and a tooltip. */
  reason: z.string().max(2_000).nullable(),
  attempts: z.number().int().nonnegative(),
  createdAt: time,
  nextAttemptAt: time.nullable(),
})
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>

/** The outbox in the status bar: whether it is on, what the actions set, what waits. */
export const OutboxStatusSchema = z.object({
  enabled: z.boolean(),
  /** The condition «Начать» sets, or null: no button. */
  start: ConditionSchema.nullable(),
  /** The condition a bump sets, or null: bumps stay local. */
  bump: ConditionSchema.nullable(),
  /** Entries not sent yet. */
  waiting: z.number().int().nonnegative(),
  /** Why the configured action cannot be used (it names the setting), or null. */
  problem: z.string().nullable(),
})
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>

export const OUTBOX_OFF: OutboxStatus = {
  enabled: false,
  start: null,
  bump: null,
  waiting: 0,
  problem: null,
}
