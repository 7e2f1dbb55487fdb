// The parts many orders repeat, held once. Every order of a menu carries its products whole (title,
// description, ingredients, images, variants), so a board of 10,000 orders held 10,000 copies of a
// few dozen products: most of an order's heap. The board's entries are never changed in place (a
// change makes a new entry), so orders may share one copy of each equal product and variant.
// A part is kept only while some order holds it: the menu may change, the board must not grow.
import type { BoardChange, BoardOrder } from '../common/board'
import type { CardOrder, CardProduct } from '../common/card-order'

/** Equal parts by their JSON, each held weakly, so an expired menu item leaves with its orders. */
const parts = new Map<string, WeakRef<object>>()
const forget = new FinalizationRegistry<string>((key) => {
  // The key may have been taken since by an equal part: only a dead entry goes.
  if (parts.get(key)?.deref() === undefined) parts.delete(key)
})

/** The one copy of a part equal to `part` (its JSON, key order included): `part` when it is new. */
function shared<T extends object>(part: T): T {
  const key = JSON.stringify(part)
  const held = parts.get(key)?.deref()
  if (held !== undefined) return held as T
  parts.set(key, new WeakRef(part))
  forget.register(part, key)
  return part
}

function sharedItem(item: CardProduct): CardProduct {
  const product = shared(item.product)
  const variant = item.variant === null ? null : shared(item.variant)
  return product === item.product && variant === item.variant ? item : { ...item, product, variant }
}

/**
 * `order` with each product and variant replaced by the board's one copy of an equal one. A new
 * order when any was replaced; the caller's objects are left as they were.
 */
export function withSharedParts(order: CardOrder): CardOrder {
  const products = order.products.map(sharedItem)
  return products.every((item, index) => item === order.products[index])
    ? order
    : { ...order, products }
}

/** A board entry holding shared parts. */
export const withSharedEntry = (entry: BoardOrder): BoardOrder => {
  if (entry.order === null) return entry
  const order = withSharedParts(entry.order)
  return order === entry.order ? entry : { ...entry, order }
}

/** A change whose order (an `order:new`'s) holds shared parts; any other change as it is. */
export function withSharedChange<T extends BoardChange>(change: T): T {
  if (change.type !== 'order:new') return change
  const order = withSharedParts(change.order)
  return order === change.order ? change : { ...change, order }
}

/** How many distinct parts are held now (tests and diagnostics). */
export const sharedPartCount = (): number => parts.size
