// When an order started, on this machine's clock: what every age, late colour and late count
// subtracts from `now`. Shared by the kitchen's cards and the dispatcher's figures.
import type { BoardOrder } from './board'

/**
 * The backend's createdAt moved onto this machine's clock by `offsetMs` (the backend's clock minus
 * this one's), when the order is known and its createdAt was plausible on arrival; else when the
 * order arrived here.
 */
export const startedAt = (entry: BoardOrder, offsetMs: number): number =>
  entry.order === null || entry.agesFromArrival === true
    ? entry.receivedAt
    : entry.order.createdAt - offsetMs
