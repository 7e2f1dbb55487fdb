// Board: the core's one truth about orders. It applies changes with the shared reducer, numbers
// them, journals them and tells listeners. A journal that cannot be written is reported and the
// board keeps working in memory: a full disk must not stop orders reaching the screen.
import { EventEmitter } from 'node:events'
import {
  applyChange,
  DEFAULT_RETENTION_MS,
  isExpired,
  type BoardChange,
  type BoardEvent,
  type BoardOrder,
  type BoardSnapshot,
} from '../common/board'
import { Journal, type JournalOptions } from './journal'
import { consoleLogger, type Logger } from './logger'
import { withSharedChange } from './shared-parts'

/** How long after a start the journal waits to fold the changes it replayed into a snapshot. */
export const COMPACT_AFTER_OPEN_MS = 10_000

export interface BoardEvents {
  event: [BoardEvent]
}

/** Orders by `_id`, with a sequence number per change. */
export class Board extends EventEmitter<BoardEvents> {
  private readonly orders = new Map<string, BoardOrder>()
  private seq: number
  /** Why the journal is not being written, or null while it is. */
  journalError: string | null
  /** What was wrong with the journal on disk when it was read. */
  readonly warnings: string[]
  private compactTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    initial: { orders: BoardOrder[]; seq: number; warnings?: string[] },
    private journal: Journal | null = null,
    private readonly log: Logger = consoleLogger,
    journalError: string | null = null,
  ) {
    super()
    for (const order of initial.orders) this.orders.set(order.id, order)
    this.seq = initial.seq
    this.warnings = initial.warnings ?? []
    this.journalError = journalError
  }

  /** Rebuilds the board from the journal in `dir`; when the journal cannot be opened, starts empty in memory and says why. */
  static open(dir: string, options: JournalOptions & { log?: Logger } = {}): Board {
    const log = options.log ?? consoleLogger
    try {
      // A sync fails later, on the journal's timer: by then the board exists to say so.
      const syncErrors = { report: (_message: string): void => {} }
      const onSyncError = (message: string) => syncErrors.report(message)
      const { journal, recovered } = Journal.open(dir, { ...options, onSyncError })
      for (const warning of recovered.warnings) log.warn(warning, { dir })
      const board = new Board(recovered, journal, log)
      syncErrors.report = (message) => (board.journalError = message)
      // Replaying a day of changes is enough to reach the first ticket; rewriting them as a
      // snapshot (megabytes of JSON, synced) can come once the start is over.
      if (journal.needsCompaction) board.compactLater()
      return board
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log.error('the journal cannot be opened; the board is kept in memory only', { dir, message })
      return new Board({ orders: [], seq: 0 }, null, log, message)
    }
  }

  /** Applies a change; returns the numbered event, or null when it changed nothing. */
  apply(change: BoardChange): BoardEvent | null {
    // Equal products and variants are held once, by every order that has them (shared-parts.ts).
    const shared = withSharedChange(change)
    if (applyChange(this.orders, shared) === null) return null
    this.seq += 1
    const event: BoardEvent = { ...shared, seq: this.seq }
    this.record(event)
    this.emit('event', event)
    return event
  }

  /** Every order and the seq they are current as of. */
  snapshot(): BoardSnapshot {
    return { seq: this.seq, orders: [...this.orders.values()] }
  }

  /** One order by `_id`. */
  get(id: string): BoardOrder | undefined {
    return this.orders.get(id)
  }

  get size(): number {
    return this.orders.size
  }

  /** Bytes in the journal file (0 when there is none). */
  get journalBytes(): number {
    return this.journal?.size ?? 0
  }

  /**
   * Removes finished orders older than the retention, from the board and the journal, so a
   * display that runs for weeks holds a day of history, not all of it. Returns how many left.
   */
  expire(now: number, retentionMs = DEFAULT_RETENTION_MS): number {
    const expired = [...this.orders.values()].filter((order) => isExpired(order, now, retentionMs))
    for (const order of expired) this.apply({ type: 'order:expire', id: order.id, at: now })
    if (expired.length > 0) this.compactJournal()
    return expired.length
  }

  /** Closes the journal. */
  close(): void {
    if (this.compactTimer !== null) clearTimeout(this.compactTimer)
    this.compactTimer = null
    this.journal?.close()
    this.journal = null
  }

  /** Rewrites the journal as a snapshot of the board now. */
  private compactJournal(): void {
    if (this.compactTimer !== null) clearTimeout(this.compactTimer)
    this.compactTimer = null
    if (this.journal === null) return
    try {
      this.journal.compact(this.orders.values(), this.seq)
    } catch (error) {
      this.journalError = error instanceof Error ? error.message : String(error)
      this.log.error('cannot compact the journal', { message: this.journalError })
    }
  }

  private compactLater(): void {
    this.compactTimer = setTimeout(() => this.compactJournal(), COMPACT_AFTER_OPEN_MS)
    // A compaction still to come must not keep a process alive that has nothing else to do.
    this.compactTimer.unref?.()
  }

  private record(event: BoardEvent): void {
    if (this.journal === null) return
    try {
      this.journal.append(event)
      this.journalError = null
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (this.journalError === null) {
        this.log.error('cannot write the journal; keeping orders in memory', { message })
      }
      this.journalError = message
    }
  }
}
