// The outbox: conditions the kitchen sets (a bump, «Начать»), told to the backend through the
// configured condition action, as intents of the journaled queue. The backend stays the truth:
// an intent is dropped when the board already shows its condition or a later one, and the card
// moves only when the backend's own order:condition arrives.
import { z } from 'zod'
import {
  actionHostProblem,
  fillAction,
  KITCHEN_ACTIONS,
  reachedCondition,
  type ConditionAction,
  type KitchenAction,
} from '../../common/condition-action'
import { OutboxCodeSchema, type OutboxCode, type OutboxEntry } from '../../common/outbox'
import { ConditionSchema, IdSchema } from '../../common/protocol/schemas'
import type { BackoffOptions } from '../backoff'
import type { Logger } from '../logger'
import { IntentQueue, type AttemptOutcome, type Intent } from './intent-queue'
import { httpOutcome } from './condition-http'

export const ConditionIntentSchema = z.object({
  orderId: IdSchema,
  action: z.enum(KITCHEN_ACTIONS),
  condition: ConditionSchema,
})
export type ConditionIntent = z.infer<typeof ConditionIntentSchema>

/** Where the action goes now: read at every attempt, so a changed setting applies to what waits. */
export interface OutboxTarget {
  action: ConditionAction
  /** `{server}`: the backend over HTTP. */
  server: string
  /** The backend as configured, for the host check. */
  serverUrl: string
  anyHost: boolean
  token: string
}

export interface ConditionOutboxOptions {
  dataDir: string
  log: Logger
  /** The action in force, or null when it is off. */
  target: () => OutboxTarget | null
  /** The order's condition on the board, as the backend last said it. */
  conditionOf: (orderId: string) => string | undefined
  /**
   * Whether the socket to the backend is up: only then is a condition sent, so the backend's
   * own order:condition that answers it cannot fall into an outage.
   */
  connected: () => boolean
  backoff?: BackoffOptions
  attemptTimeoutMs?: number
  fetch?: typeof fetch
}

const ended = (state: string) => state === 'done' || state === 'failed' || state === 'dropped'

/** The conditions waiting to be told to the backend, and what became of those told. */
export class ConditionOutbox {
  private readonly queue: IntentQueue<ConditionIntent>
  private readonly listeners = new Set<() => void>()
  /**
   * Bump intents, by order, whose condition has not come yet: the only ones a board change must
   * look at (the board changes thousands of times a second in a rush; bumps are few).
   */
  private readonly unapplied = new Map<string, Set<string>>()

  constructor(private readonly options: ConditionOutboxOptions) {
    const doFetch = options.fetch ?? fetch
    this.queue = IntentQueue.open<ConditionIntent>(
      {
        name: 'conditions',
        schema: ConditionIntentSchema,
        // One order's conditions go in the order they were set: «Начать», then the bump.
        keyOf: (intent) => intent.orderId,
        check: (intent) => this.check(intent),
        perform: async (intent, { signal }) => {
          const target = options.target()
          if (target === null) return dropped('off', 'the condition action was turned off')
          if (!options.connected()) {
            const reason = 'waiting for the connection to the backend'
            return { state: 'retry', reason, code: 'unreachable' }
          }
          const problem = actionHostProblem(target.action, target.serverUrl, target.anyHost)
          if (problem !== null) return { state: 'failed', reason: problem, code: 'host' }
          const request = fillAction(target.action, {
            server: target.server,
            id: intent.orderId,
            condition: intent.condition,
          })
          return httpOutcome(doFetch, request, target.token, signal)
        },
      },
      {
        dataDir: options.dataDir,
        log: options.log,
        backoff: options.backoff,
        attemptTimeoutMs: options.attemptTimeoutMs,
      },
    )
    this.queue.on('change', (intent) => {
      if (intent.state === 'failed') this.unapplied.get(intent.payload.orderId)?.delete(intent.id)
      this.changed()
    })
    // What reached its condition before this start was applied then; the rest waits for it.
    for (const intent of this.queue.list()) {
      const current = options.conditionOf(intent.payload.orderId)
      const reached = current !== undefined && reachedCondition(current, intent.payload.condition)
      if (!reached && intent.state !== 'failed') this.track(intent)
    }
  }

  private track(intent: Intent<ConditionIntent>): void {
    if (intent.payload.action !== 'bump') return
    const { orderId } = intent.payload
    const ids = this.unapplied.get(orderId) ?? new Set<string>()
    ids.add(intent.id)
    this.unapplied.set(orderId, ids)
  }

  /** Problems met reading the journal. */
  get warnings(): string[] {
    return this.queue.warnings
  }

  /** Asks for `condition` on the order; null when an unfinished ask for it already waits. */
  add(orderId: string, action: KitchenAction, condition: string): OutboxEntry | null {
    const waiting = this.queue
      .list()
      .some(
        (intent) =>
          !ended(intent.state) &&
          intent.payload.orderId === orderId &&
          intent.payload.condition === condition,
      )
    // A second tap is not a second intent: one ask, sent once.
    if (waiting) return null
    const intent = this.queue.add({ orderId, action, condition })
    // Tracked unless it ended at once (dropped: the board already shows it; the caller sees).
    const now = this.queue.get(intent.id)
    if (now !== undefined && now.state !== 'failed') this.track(now)
    return entryOf(intent)
  }

  /**
   * What the screens show: every entry not settled yet. Settled: sent and the backend's own
   * condition has come (nothing left to show), or dismissed.
   */
  entries(): OutboxEntry[] {
    return this.queue
      .list()
      .filter((intent) => !this.settled(intent))
      .map(entryOf)
  }

  /** Entries not sent yet. */
  get waiting(): number {
    return this.queue.pending
  }

  /**
   * Whether a bump of the order now has its condition on the board (the backend's): each bump
   * answers true once, so a recall is not undone by the next condition.
   */
  takeReachedBump(orderId: string, condition: string): boolean {
    const ids = this.unapplied.get(orderId)
    if (ids === undefined) return false
    let reached = false
    for (const id of ids) {
      const intent = this.queue.get(id)
      if (intent !== undefined && !reachedCondition(condition, intent.payload.condition)) continue
      ids.delete(id)
      reached ||= intent !== undefined
    }
    if (ids.size === 0) this.unapplied.delete(orderId)
    return reached
  }

  /** Forgets a refusal or a note a person has read. */
  dismiss(id: string): boolean {
    const done = this.queue.dismiss(id)
    if (done) this.changed()
    return done
  }

  /** The backend is back: what waits goes now. */
  retryNow(): void {
    this.queue.retryNow()
  }

  /** Calls `listener` whenever the entries may have changed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.listeners.clear()
    this.queue.close()
  }

  private settled(intent: Intent<ConditionIntent>): boolean {
    if (intent.state !== 'done') return false
    const current = this.options.conditionOf(intent.payload.orderId)
    return current === undefined || reachedCondition(current, intent.payload.condition)
  }

  private check(intent: Intent<ConditionIntent>): AttemptOutcome | null {
    const current = this.options.conditionOf(intent.payload.orderId)
    if (current !== undefined && reachedCondition(current, intent.payload.condition)) {
      return dropped('already', `the backend already shows ${current}`)
    }
    return null
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}

const dropped = (code: OutboxCode, reason: string): AttemptOutcome => ({
  state: 'dropped',
  reason,
  code,
})

function entryOf(intent: Intent<ConditionIntent>): OutboxEntry {
  const { orderId, action, condition } = intent.payload
  return {
    id: intent.id,
    orderId,
    action,
    condition,
    state: intent.state,
    code: OutboxCodeSchema.safeParse(intent.code).data ?? null,
    reason: intent.reason?.slice(0, 2_000) ?? null,
    attempts: intent.attempts,
    createdAt: intent.createdAt,
    nextAttemptAt: intent.nextAttemptAt,
  }
}
