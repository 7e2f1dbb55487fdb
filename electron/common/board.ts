// The board: every order the display knows, by `_id`, with its condition history. The reducer is
// pure and shared: the core applies it to the truth, the renderer to its projection.
import { z } from 'zod'
import { conditionInfo } from './conditions'
import { markStation } from './station-marks'
import { CardOrderSchema } from './card-order'
import { ConditionSchema, IdSchema } from './protocol/schemas'
import { StationIdSchema } from './stations'

const timestamp = z.number().int().nonnegative()

export const HistoryEntrySchema = z.object({ condition: ConditionSchema, at: timestamp })

/**
 * One order on the board. `order` is null while only condition changes have arrived for it; the
 * board validates the card's fields of it (card-order.ts) and keeps the rest as it came.
 */
export const BoardOrderSchema = z.object({
  id: IdSchema,
  order: CardOrderSchema.nullable(),
  /** The current condition: the latest observed, which may be newer than `order.condition`. */
  condition: ConditionSchema,
  /** Observed condition changes, oldest first; `at` is this machine's clock. */
  history: z.array(HistoryEntrySchema),
  /** When this display first heard of the order. */
  receivedAt: timestamp,
  /** When this entry last changed. */
  changedAt: timestamp,
  /** First learned from a resync after a gap, not live: it may have waited unseen. */
  resynced: z.boolean().optional(),
  /**
   * Its own createdAt was implausible when it arrived live (far in the future, or older than the
   * retention): it ages from `receivedAt`, and its card says so.
   */
  agesFromArrival: z.literal(true).optional(),
  /** When the kitchen bumped it off this display (a local mark; the backend knows nothing). */
  bumpedAt: timestamp.optional(),
  /** Indices of the items marked done (struck through), ascending. */
  itemsDone: z.array(z.number().int().nonnegative()).optional(),
  /** The stations that have bumped it, in the order they did. */
  stationsDone: z.array(StationIdSchema).optional(),
  /** When each station of `stationsDone` bumped it: "recall the last" at a station needs it. */
  stationsDoneAt: z.record(StationIdSchema, timestamp).optional(),
})

const FeedChanges = [
  z.object({
    type: z.literal('order:new'),
    order: CardOrderSchema,
    at: timestamp,
    /** Fetched by a resync rather than pushed live; `at` is then when the list was asked for. */
    resync: z.boolean().optional(),
    /** The order's createdAt was implausible on arrival (BoardOrder.agesFromArrival). */
    agesFromArrival: z.literal(true).optional(),
  }),
  z.object({
    type: z.literal('order:condition'),
    id: IdSchema,
    condition: ConditionSchema,
    at: timestamp,
  }),
] as const

/** Marks a person puts on an order on this display: bump hides it from the kitchen, recall undoes. */
const MarkChanges = [
  z.object({ type: z.literal('order:bump'), id: IdSchema, at: timestamp }),
  z.object({ type: z.literal('order:recall'), id: IdSchema, at: timestamp }),
] as const

const itemIndex = z.number().int().nonnegative().max(499)

/**
 * Marks made at a station (station-marks.ts applies them). A station's bump and recall carry the
 * items they mark, as the hub routed them then: replaying the journal after the stations were
 * edited gives the board that was, not a new one.
 */
const StationChanges = [
  z.object({
    type: z.literal('item:done'),
    id: IdSchema,
    item: itemIndex,
    done: z.boolean(),
    at: timestamp,
  }),
  z.object({
    type: z.literal('station:bump'),
    id: IdSchema,
    station: StationIdSchema,
    /** The station's items, marked done with the bump. */
    items: z.array(itemIndex).max(500),
    at: timestamp,
  }),
  z.object({
    type: z.literal('station:recall'),
    id: IdSchema,
    station: StationIdSchema,
    /** The station's items, open again: the ticket came back for a reason. */
    items: z.array(itemIndex).max(500),
    at: timestamp,
  }),
] as const

/** Housekeeping: a finished order past the retention leaves the board (and the journal). */
const ExpireChange = z.object({ type: z.literal('order:expire'), id: IdSchema, at: timestamp })

/** A change from the backend. `at` is when it was received. */
export const FeedChangeSchema = z.discriminatedUnion('type', [...FeedChanges])

/** A change to the board: from the backend, or a person's mark. */
export const BoardChangeSchema = z.discriminatedUnion('type', [
  ...FeedChanges,
  ...MarkChanges,
  ...StationChanges,
  ExpireChange,
])

const seqShape = { seq: z.number().int().positive() }
const [NewChange, ConditionChange] = FeedChanges
const [BumpChange, RecallChange] = MarkChanges
const [ItemChange, StationBumpChange, StationRecallChange] = StationChanges

/**
 * A change with its place in the board's sequence. Each change's own object with `seq` added, not
 * an intersection: zod parses both sides of an intersection and then merges the two results, which
 * made every event (the journal's replay, each push to a screen) cost its validation twice.
 */
export const BoardEventSchema = z.discriminatedUnion('type', [
  NewChange.extend(seqShape),
  ConditionChange.extend(seqShape),
  BumpChange.extend(seqShape),
  RecallChange.extend(seqShape),
  ItemChange.extend(seqShape),
  StationBumpChange.extend(seqShape),
  StationRecallChange.extend(seqShape),
  ExpireChange.extend(seqShape),
])

export const BoardSnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  orders: z.array(BoardOrderSchema),
})

export type HistoryEntry = z.infer<typeof HistoryEntrySchema>
export type BoardOrder = z.infer<typeof BoardOrderSchema>
export type FeedChange = z.infer<typeof FeedChangeSchema>
export type BoardChange = z.infer<typeof BoardChangeSchema>
export type MarkChange = Extract<BoardChange, { type: 'order:bump' | 'order:recall' }>
export type StationChange = Extract<
  BoardChange,
  { type: 'item:done' | 'station:bump' | 'station:recall' }
>
export type BoardEvent = z.infer<typeof BoardEventSchema>
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>

/** The id of the order a change is about. */
export const changeId = (change: BoardChange): string =>
  change.type === 'order:new' ? change.order._id : change.id

/**
 * Applies one change to one order. Pure: returns `prev` itself when the change changes nothing
 * (a repeated condition), so callers can tell a real change from a duplicate.
 */
export function reduceOrder(prev: BoardOrder | undefined, change: FeedChange): BoardOrder {
  if (change.type === 'order:new') return receiveOrder(prev, change)
  const { id, condition, at } = change
  if (prev === undefined) {
    const history = [{ condition, at }]
    return { id, order: null, condition, history, receivedAt: at, changedAt: at }
  }
  if (condition === prev.condition) return prev
  const history = [...prev.history, { condition, at }]
  return { ...prev, condition, history, changedAt: at }
}

/** Applies a bump or a recall; `prev` itself when it changes nothing. */
export function markOrder(prev: BoardOrder, change: MarkChange): BoardOrder {
  if (change.type === 'order:bump') {
    return prev.bumpedAt === undefined
      ? { ...prev, bumpedAt: change.at, changedAt: change.at }
      : prev
  }
  if (prev.bumpedAt === undefined) return prev
  const recalled: BoardOrder = { ...prev, changedAt: change.at }
  delete recalled.bumpedAt
  return recalled
}

function receiveOrder(
  prev: BoardOrder | undefined,
  change: Extract<FeedChange, { type: 'order:new' }>,
): BoardOrder {
  const { order, at } = change
  const mark = {
    ...(change.resync === true ? { resynced: true } : {}),
    ...(change.agesFromArrival === true ? { agesFromArrival: true as const } : {}),
  }
  if (prev === undefined) {
    const history = [{ condition: order.condition, at }]
    const entry = { id: order._id, order, condition: order.condition, history }
    return { ...entry, receivedAt: at, changedAt: at, ...mark }
  }
  // A resync's `at` is when its list was asked for: a board that changed since knows better.
  if (change.resync === true && prev.changedAt >= at) return prev
  // Condition changes that came before their order are newer than the order's own condition.
  if (prev.order === null) return { ...prev, order, changedAt: at, ...mark }
  // An older or identical copy (a resync listing what the board has) changes nothing.
  if (order.updatedAt < prev.order.updatedAt) return prev
  const same = order.updatedAt === prev.order.updatedAt && order.condition === prev.order.condition
  if (same) return prev
  if (order.condition === prev.condition) return { ...prev, order, changedAt: at }
  const history = [...prev.history, { condition: order.condition, at }]
  return { ...prev, order, condition: order.condition, history, changedAt: at }
}

/**
 * Applies a change to a board held as a Map, in place: the board is large and changes are
 * frequent, so the map is shared while each order stays immutable. Returns the changed order
 * (for an expiry, the one removed), or null when nothing changed.
 */
export function applyChange(
  orders: Map<string, BoardOrder>,
  change: BoardChange,
): BoardOrder | null {
  const id = changeId(change)
  const prev = orders.get(id)
  if (change.type === 'order:expire') {
    // The removed order is the change; null when there was none.
    if (prev === undefined) return null
    orders.delete(id)
    return prev
  }
  let next: BoardOrder
  if (change.type === 'order:bump' || change.type === 'order:recall') {
    // A mark on an order the board does not have changes nothing.
    if (prev === undefined) return null
    next = markOrder(prev, change)
  } else if (
    change.type === 'item:done' ||
    change.type === 'station:bump' ||
    change.type === 'station:recall'
  ) {
    if (prev === undefined) return null
    next = markStation(prev, change)
  } else {
    next = reduceOrder(prev, change)
  }
  if (next === prev) return null
  orders.set(id, next)
  return next
}

/** How long a finished order stays on the board and in the journal: a day. */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000

/** Whether an order is finished and has not changed for longer than the retention. */
export const isExpired = (order: BoardOrder, now: number, retentionMs: number): boolean =>
  conditionInfo(order.condition).final && order.changedAt < now - retentionMs
