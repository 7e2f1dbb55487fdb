// The print queue: the board's events become print jobs (a ticket when an order arrives, a bag
// label when it is bumped), each an intent of the core's journaled queue (intents/), so a ticket
// is on disk before it is tried, waits with a backoff while its printer is away, prints once when
// the printer is back, in order per printer, and survives a restart of the hub.
import { EventEmitter } from 'node:events'
import type { BoardEvent, BoardOrder } from '../../common/board'
import type { CardOrder } from '../../common/card-order'
import { conditionInfo } from '../../common/conditions'
import type { Printer, PrinterStatus } from '../../common/printers'
import type { Language } from '../../common/settings'
import type { BackoffOptions } from '../backoff'
import { IntentQueue, type AttemptOutcome, type Intent } from '../intents/intent-queue'
import type { JournalFs } from '../journal-fs'
import type { Logger } from '../logger'
import { NO_SYSTEM_PRINTING, deliver, type SystemPrint } from './print-output'
import {
  PrintJobSchema,
  documentFor,
  everyItem,
  itemsFor,
  jobDocument,
  onceKey,
  type PrintJob,
  type StationMatcher,
} from './print-jobs'

export interface PrintQueueOptions {
  dataDir: string
  /** The printers as configured now. */
  printers: () => readonly Printer[]
  /** An order on the board, or undefined. */
  order: (id: string) => BoardOrder | undefined
  language: () => Language
  systemPrint: SystemPrint | null
  stationMatcher?: StationMatcher
  stationName?: (id: string) => string | null
  /** Where a station's bump sends the ticket on (an assembly line's `next`), or null. */
  nextStation?: (station: string) => string | null
  /** One attempt at a network printer; default 5 s. */
  timeoutMs?: number
  backoff?: BackoffOptions
  now?: () => number
  log?: Logger
  fs?: JournalFs
}

/** Retries while a printer is away: soon at first, then every half minute. */
export const PRINT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000, jitter: 0.2 }

const isPending = (intent: Intent<PrintJob>) =>
  intent.state === 'waiting' || intent.state === 'sending'

/** Print jobs from board events, journaled and retried. */
export class PrintQueue extends EventEmitter<{ change: [] }> {
  private readonly queue: IntentQueue<PrintJob>
  /** Automatic prints already queued (done or not): each happens once per trigger. */
  private readonly printedOnce = new Set<string>()
  private readonly now: () => number

  constructor(private readonly options: PrintQueueOptions) {
    super()
    this.now = options.now ?? Date.now
    this.queue = IntentQueue.open(
      {
        name: 'print',
        schema: PrintJobSchema,
        keyOf: (job) => job.printer,
        perform: (job, context) => this.perform(job, context.signal, context.interrupted),
      },
      {
        dataDir: options.dataDir,
        backoff: options.backoff ?? PRINT_BACKOFF,
        attemptTimeoutMs: (options.timeoutMs ?? 5_000) + 2_000,
        log: options.log,
        fs: options.fs,
        now: options.now,
      },
    )
    for (const intent of this.queue.list()) {
      const key = onceKey(intent.payload)
      if (key !== null) this.printedOnce.add(key)
    }
    this.queue.on('change', () => this.emit('change'))
  }

  /** Problems met reading the queue's journal. */
  get warnings(): string[] {
    return this.queue.warnings
  }

  /** Tickets waiting to print, every printer together. */
  get waiting(): number {
    return this.queue.pending
  }

  /**
   * Queues what the event makes printers print: tickets for a new order (or for the station an
   * assembly line passes it on to), labels for the bump.
   */
  onBoardEvent(event: BoardEvent): void {
    if (event.type === 'station:bump') return this.passedOn(event.id, event.station)
    if (event.type !== 'order:new' && event.type !== 'order:bump') return
    const trigger = event.type === 'order:new' ? 'new' : 'ready'
    const id = event.type === 'order:new' ? event.order._id : event.id
    const entry = this.options.order(id)
    // A ticket for an order already finished (a resync catching up) would only waste paper.
    if (entry?.order == null || conditionInfo(entry.condition).final) return
    for (const printer of this.options.printers()) {
      if (printer.print !== trigger) continue
      if (trigger === 'new' && itemsFor(printer, entry.order, this.matcher) === null) continue
      this.add({ printer: printer.id, order: id, document: documentFor(printer), trigger })
    }
  }

  /** A station bumped a ticket on to the next of its line: a ticket on the next one's printers. */
  private passedOn(id: string, from: string): void {
    const next = this.options.nextStation?.(from) ?? null
    const entry = this.options.order(id)
    if (next === null || entry?.order == null) return
    for (const printer of this.options.printers()) {
      if (printer.print !== 'new' || printer.station !== next) continue
      this.add({
        printer: printer.id,
        order: id,
        document: 'ticket',
        trigger: 'new',
        passedOn: true,
      })
    }
  }

  /**
   * Prints an order again, on purpose: on each printer that prints by itself, what it prints
   * (ticket or label); with none such, a ticket on every printer. Answers how many were queued.
   */
  reprint(id: string): number {
    const entry = this.options.order(id)
    if (entry?.order == null) throw new Error(`no order with _id "${id}" on the board`)
    const printers = this.options.printers()
    if (printers.length === 0) throw new Error('no printer is configured (settings, "printers")')
    const automatic = printers.filter((printer) => printer.print !== 'never')
    let queued = 0
    for (const printer of automatic.length > 0 ? automatic : printers) {
      const document = documentFor(printer)
      if (document === 'ticket' && itemsFor(printer, entry.order, this.matcher) === null) continue
      this.add({ printer: printer.id, order: id, document, trigger: 'reprint' })
      queued += 1
    }
    return queued
  }

  /** Each configured printer: whether it is down and how many tickets wait for it. */
  status(): PrinterStatus[] {
    const pending = this.queue.list().filter(isPending)
    return this.options.printers().map((printer) => {
      const mine = pending.filter((intent) => intent.payload.printer === printer.id)
      const head = mine[0]
      const failing = head !== undefined && head.attempts > 0 && head.reason !== null
      return {
        id: printer.id,
        name: printer.name,
        state: failing ? 'down' : 'ok',
        waiting: mine.length,
        error: failing ? head.reason : null,
      }
    })
  }

  /** Tries what waits at once: the printers' settings changed, or one is known to be back. */
  retryNow(): void {
    this.queue.retryNow()
  }

  close(): void {
    this.queue.close()
  }

  private get matcher(): StationMatcher {
    return this.options.stationMatcher ?? everyItem
  }

  private add(job: PrintJob): void {
    const key = onceKey(job)
    if (key !== null) {
      if (this.printedOnce.has(key)) return
      this.printedOnce.add(key)
    }
    this.queue.add(job)
  }

  private async perform(
    job: PrintJob,
    signal: AbortSignal,
    interrupted: boolean,
  ): Promise<AttemptOutcome> {
    const printer = this.options.printers().find((candidate) => candidate.id === job.printer)
    if (printer === undefined) {
      return { state: 'dropped', reason: `printer "${job.printer}" is no longer configured` }
    }
    const order: CardOrder | null = this.options.order(job.order)?.order ?? null
    if (order === null) {
      return { state: 'dropped', reason: `order ${job.order} is no longer on the board` }
    }
    const document = jobDocument(job, printer, order, {
      matcher: this.matcher,
      stationName: this.options.stationName ?? (() => null),
      language: this.options.language(),
      at: this.now(),
      // The hub stopped while this was being sent: it may be on paper already, so it says so.
      again: interrupted,
    })
    if (document === null) {
      return { state: 'dropped', reason: `none of its items are for station "${printer.station}"` }
    }
    try {
      const { systemPrint } = this.options
      await deliver(printer, document, {
        systemPrint,
        timeoutMs: this.options.timeoutMs ?? 5_000,
        signal,
      })
      return { state: 'done' }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return reason === NO_SYSTEM_PRINTING
        ? { state: 'failed', reason }
        : { state: 'retry', reason }
    }
  }
}
