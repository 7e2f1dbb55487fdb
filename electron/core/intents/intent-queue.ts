// The journaled queue of intents: what the core must get out into the world (a condition to tell
// the backend, a ticket to print). An intent is recorded on disk before it is tried, tried with a
// timeout, retried with a capped backoff while the world is away, finished once (done, failed or
// dropped), visible while it waits, and still there after a restart. One queue per kind; the kind
// says how to try one (`perform`) and whether one is still needed (`check`).
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { z } from 'zod'
import { backoffDelay, type BackoffOptions } from '../backoff'
import type { JournalFs } from '../journal-fs'
import { consoleLogger, type Logger } from '../logger'
import { IntentFile } from './intent-file'
import type { EndState, Intent } from './intent-records'

export type { Intent, IntentState, EndState } from './intent-records'

/**
 * What one attempt came to. `retry`: not now (unreachable, busy); the others finish the intent.
 * `code` is the kind's own word for the reason (kept on the intent), for a screen to translate.
 */
export type AttemptOutcome =
  | { state: 'done'; reason?: string; code?: string }
  | { state: 'retry'; reason: string; code?: string }
  | { state: 'failed'; reason: string; code?: string }
  | { state: 'dropped'; reason: string; code?: string }

/** What `perform` is told about the attempt. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  attempt: number
  /** An earlier attempt was under way when the process stopped; it may have reached the world. */
  interrupted: boolean
  /** Aborted when the attempt times out or the queue closes. */
  signal: AbortSignal
}

/** One kind of intent. */
export interface IntentKind<P> {
  /** Names the journal file (`intents-<name>.jsonl`) and the log lines: lowercase, a-z0-9-. */
  name: string
  /** Every payload is parsed with it, when added and when read back from disk. */
  schema: z.ZodType<P>
  /** Intents with one key are tried one after another, in order; by default all share one key. */
  keyOf?: (payload: P) => string
  /** Asked before each attempt: an outcome here finishes the intent without trying it. */
  check?: (intent: Intent<P>) => AttemptOutcome | null
  /** Tries once. A throw (or the timeout) is a retry, with the error's message as the reason. */
  perform: (payload: P, context: AttemptContext) => Promise<AttemptOutcome>
}

export interface IntentQueueOptions {
  dataDir: string
  backoff?: BackoffOptions
  /** One attempt gets this long before it is aborted and retried; default 10 s. */
  attemptTimeoutMs?: number
  /** Finished intents stay listed (for a person to read) this long; default 24 hours. */
  keepEndedMs?: number
  /** Attempts under way at once, across keys; default 4. */
  maxConcurrent?: number
  now?: () => number
  random?: () => number
  log?: Logger
  fs?: JournalFs
}

export const INTENT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000, jitter: 0.3 }
const DAY_MS = 24 * 60 * 60 * 1000

interface QueueEvents<P> {
  /** An intent was added or changed state (a copy). */
  change: [intent: Intent<P>]
}

const copy = <P>(intent: Intent<P>): Intent<P> => ({ ...intent })
const isEnded = (intent: Intent<unknown>): boolean =>
  intent.state === 'done' || intent.state === 'failed' || intent.state === 'dropped'

/** A queue of one kind of intent, journaled in `dataDir`. */
export class IntentQueue<P> extends EventEmitter<QueueEvents<P>> {
  /** Problems met reading the journal at open; the queue works regardless. */
  readonly warnings: string[]
  private readonly intents: Map<string, Intent<P>>
  private readonly file: IntentFile
  private readonly running = new Map<string, AbortController>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private closed = false
  private readonly now: () => number
  private readonly log: Logger

  private constructor(
    private readonly kind: IntentKind<P>,
    private readonly options: IntentQueueOptions,
  ) {
    super()
    if (!/^[a-z0-9-]+$/.test(kind.name)) throw new Error(`bad intent kind name "${kind.name}"`)
    this.now = options.now ?? Date.now
    this.log = options.log ?? consoleLogger
    this.file = new IntentFile(options.dataDir, kind.name, options.fs)
    const { intents, warnings } = this.file.read(kind.schema)
    this.intents = intents
    this.warnings = warnings.map((warning) => `${this.file.path} ${warning}`)
    for (const warning of this.warnings) this.log.warn(warning)
    this.expire()
    this.file.rewrite(this.intents.values())
  }

  /** Reads the journal and starts trying what waits. */
  static open<P>(kind: IntentKind<P>, options: IntentQueueOptions): IntentQueue<P> {
    const queue = new IntentQueue(kind, options)
    queue.pump()
    return queue
  }

  /** Records a new intent (on disk before this returns; throws when it cannot be) and tries it. */
  add(payload: P): Intent<P> {
    if (this.closed) throw new Error(`the ${this.kind.name} queue is closed`)
    const parsed = this.kind.schema.parse(payload)
    const at = this.now()
    const id = randomUUID()
    this.file.append({ op: 'add', id, at, payload: parsed })
    const intent: Intent<P> = {
      id,
      payload: parsed,
      state: 'waiting',
      createdAt: at,
      attempts: 0,
      reason: null,
      code: null,
      nextAttemptAt: at,
      endedAt: null,
      interrupted: false,
    }
    this.intents.set(id, intent)
    this.emit('change', copy(intent))
    this.pump()
    return copy(intent)
  }

  /** Every intent held, in the order they were added (copies). */
  list(): Intent<P>[] {
    return [...this.intents.values()].map(copy)
  }

  get(id: string): Intent<P> | undefined {
    const intent = this.intents.get(id)
    return intent === undefined ? undefined : copy(intent)
  }

  /** How many are not finished yet: waiting or being tried. */
  get pending(): number {
    let count = 0
    for (const intent of this.intents.values()) if (!isEnded(intent)) count += 1
    return count
  }

  /** Makes every waiting intent due now: the world is back, no need to sit out the backoff. */
  retryNow(): void {
    const at = this.now()
    for (const intent of this.intents.values()) {
      if (intent.state === 'waiting' && (intent.nextAttemptAt ?? 0) > at) intent.nextAttemptAt = at
    }
    this.pump()
  }

  /** Forgets a finished intent a person has read; false when there is none such. */
  dismiss(id: string): boolean {
    const intent = this.intents.get(id)
    if (intent === undefined || !isEnded(intent)) return false
    this.file.append({ op: 'dismiss', id, at: this.now() })
    this.intents.delete(id)
    return true
  }

  /** Stops trying; attempts under way are aborted and stay on disk as interrupted. */
  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    for (const controller of this.running.values()) controller.abort(new Error('queue closed'))
    this.running.clear()
    this.file.close()
  }

  /** Starts every attempt that is due and allowed, and sets the timer for the next one due. */
  private pump(): void {
    if (this.closed) return
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const now = this.now()
    const busyKeys = new Set<string>()
    let nextDue = Infinity
    const maxConcurrent = this.options.maxConcurrent ?? 4
    for (const intent of this.intents.values()) {
      if (isEnded(intent)) continue
      const key = this.kind.keyOf?.(intent.payload) ?? ''
      // An earlier intent of this key is unfinished: this one waits behind it, in order.
      if (busyKeys.has(key)) continue
      busyKeys.add(key)
      if (intent.state !== 'waiting') continue
      const due = intent.nextAttemptAt ?? now
      if (due > now) nextDue = Math.min(nextDue, due)
      else if (this.running.size < maxConcurrent) void this.attempt(intent)
    }
    if (nextDue !== Infinity) {
      this.timer = setTimeout(() => this.pump(), Math.max(nextDue - now, 0))
      this.timer.unref?.()
    }
  }

  private async attempt(intent: Intent<P>): Promise<void> {
    const early = this.kind.check?.(copy(intent)) ?? null
    if (early !== null && early.state !== 'retry') {
      this.finish(intent, early)
      // The next intent of its key may go now; pump is running this very moment, so after it.
      queueMicrotask(() => this.pump())
      return
    }
    const attempt = intent.attempts + 1
    this.record(() => this.file.append({ op: 'try', id: intent.id, at: this.now(), attempt }))
    Object.assign(intent, { state: 'sending', attempts: attempt, nextAttemptAt: null })
    this.emit('change', copy(intent))
    const controller = new AbortController()
    this.running.set(intent.id, controller)
    const outcome = await this.perform(intent, attempt, controller)
    if (this.running.get(intent.id) !== controller) return // closed meanwhile
    this.running.delete(intent.id)
    intent.interrupted = false
    if (outcome.state === 'retry') this.retryLater(intent, outcome.reason, outcome.code ?? null)
    else this.finish(intent, outcome)
    this.pump()
  }

  private async perform(
    intent: Intent<P>,
    attempt: number,
    controller: AbortController,
  ): Promise<AttemptOutcome> {
    const timeoutMs = this.options.attemptTimeoutMs ?? 10_000
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<AttemptOutcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new Error(`no answer within ${timeoutMs} ms`))
        resolve({ state: 'retry', reason: `no answer within ${timeoutMs} ms`, code: 'timeout' })
      }, timeoutMs)
      timer.unref?.()
    })
    const context = { attempt, interrupted: intent.interrupted, signal: controller.signal }
    try {
      return await Promise.race([this.kind.perform(intent.payload, context), timedOut])
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { state: 'retry', reason, code: 'error' }
    } finally {
      clearTimeout(timer)
    }
  }

  private retryLater(intent: Intent<P>, reason: string, code: string | null): void {
    const delay = backoffDelay(
      intent.attempts,
      this.options.backoff ?? INTENT_BACKOFF,
      this.options.random,
    )
    const at = this.now()
    const nextAt = at + delay
    this.record(() => this.file.append({ op: 'retry', id: intent.id, at, reason, code, nextAt }))
    Object.assign(intent, { state: 'waiting', reason, code, nextAttemptAt: nextAt })
    this.log.warn(`${this.kind.name}: will try again`, { id: intent.id, reason, delayMs: delay })
    this.emit('change', copy(intent))
  }

  private finish(intent: Intent<P>, outcome: Exclude<AttemptOutcome, { state: 'retry' }>): void {
    const state: EndState = outcome.state
    const reason = outcome.reason ?? null
    const code = outcome.code ?? null
    const at = this.now()
    this.record(() => this.file.append({ op: 'end', id: intent.id, at, state, reason, code }))
    Object.assign(intent, { state, reason, code, nextAttemptAt: null, endedAt: at })
    intent.interrupted = false
    const fields = { id: intent.id, attempts: intent.attempts, reason, code }
    if (state === 'failed') this.log.error(`${this.kind.name}: refused`, fields)
    else this.log.info(`${this.kind.name}: ${state}`, fields)
    this.emit('change', copy(intent))
    if (this.file.needsRewrite(this.intents.size)) {
      this.expire()
      this.record(() => this.file.rewrite(this.intents.values()))
    }
  }

  /** A later record that cannot be written is logged: the state on disk is then one step behind. */
  private record(write: () => void): void {
    try {
      write()
    } catch (error) {
      this.log.error(String(error instanceof Error ? error.message : error))
    }
  }

  private expire(): void {
    const before = this.now() - (this.options.keepEndedMs ?? DAY_MS)
    for (const [id, intent] of this.intents) {
      if (isEnded(intent) && (intent.endedAt ?? 0) < before) this.intents.delete(id)
    }
  }
}
