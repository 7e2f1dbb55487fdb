// Orders for renderer tests, built from the spec's example payload and parsed like real ones.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BoardEvent, BoardOrder } from '../../../electron/common/board'
import { parseOrder } from '../../../electron/common/protocol/events'
import type { Order } from '../../../electron/common/protocol/schemas'

// Read by path: under jsdom the global URL is jsdom's, which fixtures/load.ts's fs call rejects.
const orderNew: unknown = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/order-new.json'), 'utf8'),
)

let counter = 0

/** A parsed order: the spec's example with `overrides`, and a fresh `_id` unless given. */
export function makeOrder(overrides: Record<string, unknown> = {}): Order {
  counter += 1
  const id = `order${String(counter).padStart(4, '0')}`
  const parsed = parseOrder({ ...(structuredClone(orderNew) as object), _id: id, ...overrides })
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value
}

/** A board entry for `order`, in its own condition unless told. */
export function entryOf(
  order: Order,
  condition = order.condition,
  at = order.createdAt,
): BoardOrder {
  return {
    id: order._id,
    order,
    condition,
    history: [{ condition, at }],
    receivedAt: at,
    changedAt: at,
  }
}

export const newEvent = (seq: number, order: Order, at = 1_000): BoardEvent => ({
  type: 'order:new',
  order,
  at,
  seq,
})

export const conditionEvent = (
  seq: number,
  id: string,
  condition: string,
  at = 2_000,
): BoardEvent => ({ type: 'order:condition', id, condition, at, seq })

/** A product line as the backend sends it, with an optional variant title. */
export function product(title: string, number: number, variant: string | null = null) {
  return {
    cost: 100,
    weight: 300,
    number,
    product: {
      _id: `p${title.length}${number}`,
      visible: true,
      title,
      description: '',
      ingredients: [],
      images: [],
      type: 'SINGLE',
      cost: 100,
      weight: 300,
      createdAt: 1,
      updatedAt: 1,
    },
    variant: variant === null ? null : { _id: 'v1', title: variant },
  }
}
