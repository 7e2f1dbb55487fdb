// CatchUp: what the core does when a connection begins that the server could not recover. With
// a resync source it fetches the backend's orders and merges them; without one (or when the
// fetch fails) it records the gap, so the screen can say which minutes may be missing.
import type { Gap, ResyncReport } from '../common/status'
import type { FeedSession } from './order-feed'
import type { Board } from './board'
import type { Logger } from './logger'
import { fetchResync, type ResyncOptions, type ResyncSource } from './resync'

/** Fetch a little before the gap began: the two clocks may disagree by some seconds. */
const CLOCK_MARGIN_MS = 60_000

export class CatchUp {
  private readonly open: Gap[] = []
  private nextId = 1
  lastResync: ResyncReport | null = null

  constructor(
    private readonly board: Board,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly options: ResyncOptions = {},
  ) {}

  /** The gaps not yet dismissed, oldest first. */
  get gaps(): readonly Gap[] {
    return this.open
  }

  /** Handles the start of a session; resolves when the board has caught up or the gap is noted. */
  async onSession(session: FeedSession, source: ResyncSource | null): Promise<void> {
    if (session.recovered) return
    const { gap } = session
    if (source === null) {
      if (gap !== null) this.note(gap, 'no-resync-source', 'no resync source is configured')
      return
    }
    const at = this.now()
    try {
      const since = gap === null ? null : gap.from - CLOCK_MARGIN_MS
      const { orders, rejected } = await fetchResync(source, since, this.options)
      for (const reason of rejected) this.log.warn('resync: rejected an order', { reason })
      for (const order of orders) this.board.apply({ type: 'order:new', order, at, resync: true })
      this.lastResync = { at, orders: orders.length, rejected: rejected.length, error: null }
      this.log.info('resync done', { orders: orders.length, rejected: rejected.length })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.lastResync = { at, orders: 0, rejected: 0, error: message }
      this.log.error('resync failed', { message })
      if (gap !== null) this.note(gap, 'resync-failed', message)
    }
  }

  /** Forgets a gap a person has read. Returns whether there was one with that id. */
  dismiss(id: number): boolean {
    const index = this.open.findIndex((gap) => gap.id === id)
    if (index >= 0) this.open.splice(index, 1)
    return index >= 0
  }

  private note(gap: { from: number; to: number }, code: Gap['code'], reason: string): void {
    this.open.push({ id: this.nextId++, ...gap, code, reason })
    this.log.warn('events may have been missed', { ...gap, reason })
  }
}
