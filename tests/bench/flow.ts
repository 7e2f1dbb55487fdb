// The load: orders made by the reference server's own factory and emitted at a steady rate, half
// `order:new` and half `order:condition`. Every new order arrives in NEW, at the bottom (a column
// lists the oldest first); whenever more than `keepNew` wait there, the one waiting longest is
// accepted (NEW → ACCEPTED). So NEW stays short and each new card is drawn on screen (a column
// draws only the cards in view), while the board grows as a busy one does. At high rates a
// renderer that draws once per frame may see an order come and be accepted between two frames
// and never draw its card: such cards count as unseen, and the board check still counts every
// order. The emit time of every new order is taken just before it is made.
import { sleep } from './clock'
import type { Reference } from './reference'

/** What a run of the flow did. */
export interface FlowRun {
  events: number
  seconds: number
  /** Events per second actually emitted. */
  rate: number
}

/** Orders in flight, their emit times and the condition each should end in. */
export class OrderFlow {
  /** When each new order was emitted, by id. */
  readonly emittedAt = new Map<string, number>()
  /** The condition each order was last given, by id. */
  readonly expected = new Map<string, string>()
  events = 0
  private readonly waiting: string[] = []
  private head = 0

  constructor(
    private readonly reference: Reference,
    /** The server's clock: emit times are taken on it. */
    readonly clock: () => number,
    /** How many orders may wait in NEW before the one waiting longest is accepted. */
    private readonly keepNew = 3,
  ) {}

  /** Emits one event: accepts the oldest waiting order if too many wait, else a new order. */
  emitOne(): void {
    const oldest = this.waiting[this.head]
    if (oldest !== undefined && this.waiting.length - this.head > this.keepNew) {
      this.head += 1
      this.reference.handle.updateCondition(oldest, 'ACCEPTED')
      this.expected.set(oldest, 'ACCEPTED')
    } else {
      const at = this.clock()
      const created = this.reference.handle.createOrder()
      if (!created.ok) throw new Error(`the factory refused an order: ${created.reason}`)
      const id = created.value._id
      this.emittedAt.set(id, at)
      this.expected.set(id, 'NEW')
      this.waiting.push(id)
    }
    this.events += 1
  }

  /** Emits `rate` events a second for `durationMs`, catching up in bursts when it falls behind. */
  async run(rate: number, durationMs: number): Promise<FlowRun> {
    const total = Math.round((rate * durationMs) / 1_000)
    const start = this.clock()
    let sent = 0
    while (sent < total) {
      const due = Math.min(total, Math.floor(((this.clock() - start) * rate) / 1_000) + 1)
      for (; sent < due; sent += 1) this.emitOne()
      await sleep(start + (sent * 1_000) / rate - this.clock())
    }
    const seconds = (this.clock() - start) / 1_000
    return { events: sent, seconds, rate: sent / seconds }
  }

  /** How many orders should be in each condition. */
  expectedColumns(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const condition of this.expected.values()) {
      counts.set(condition, (counts.get(condition) ?? 0) + 1)
    }
    return counts
  }
}
