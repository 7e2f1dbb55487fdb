// The server's orders, in memory. Bounded: a simulator running all day must not grow without end,
// so past `capacity` the oldest orders are forgotten (a real backend would archive them).
import type { Order } from '../common/protocol/schemas'

export const DEFAULT_STORE_CAPACITY = 10_000

/** Filters for listing orders. */
export interface ListQuery {
  /** Only orders changed at or after this epoch millisecond (`updatedAt`). */
  since?: number
  /** At most this many, newest first. */
  limit?: number
}

/** Orders by id, remembering the order they were created in. */
export class OrderStore {
  // A Map iterates in insertion order, which is creation order: the oldest comes first.
  readonly #orders = new Map<string, Order>()
  readonly #capacity: number

  constructor(capacity = DEFAULT_STORE_CAPACITY) {
    this.#capacity = capacity
  }

  /** How many orders are held. */
  get size(): number {
    return this.#orders.size
  }

  /** Adds a new order, forgetting the oldest if the store is full. */
  add(order: Order): void {
    this.#orders.set(order._id, order)
    for (const id of this.#orders.keys()) {
      if (this.#orders.size <= this.#capacity) break
      this.#orders.delete(id)
    }
  }

  /** The order with this id, if held. */
  get(id: string): Order | undefined {
    return this.#orders.get(id)
  }

  /** Replaces an order's condition; returns the updated order, or undefined for an unknown id. */
  setCondition(id: string, condition: string, at: number): Order | undefined {
    const order = this.#orders.get(id)
    if (order === undefined) return undefined
    const updated = { ...order, condition, updatedAt: at }
    this.#orders.set(id, updated)
    return updated
  }

  /** Orders newest first, filtered by `query`. */
  list(query: ListQuery = {}): Order[] {
    const newestFirst = [...this.#orders.values()].reverse()
    const since = query.since
    const matching =
      since === undefined ? newestFirst : newestFirst.filter((order) => order.updatedAt >= since)
    return query.limit === undefined ? matching : matching.slice(0, query.limit)
  }
}
