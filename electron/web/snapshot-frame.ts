// The answer to a snapshot request, as the bridge sends it: the frame's JSON put together from each
// entry's own. A board entry is never changed in place and the core hands out the same screen entry
// for it every time (card-order.ts), so each entry is serialized once, when a page first asks, and
// every later snapshot (a reload, a resync, another tablet) only joins bytes: for 10,000 orders
// that is a few milliseconds instead of a hundred of JSON.stringify and UTF-8 encoding.
import type { BoardOrder, BoardSnapshot } from '../common/board'
import { responseFrame } from '../common/bridge-frames'
import { KDS_REQUESTS, KdsRequestSchema, type KdsHandlers } from '../common/kds-api'

const encoded = new WeakMap<BoardOrder, Buffer>()
const COMMA = Buffer.from(',')

function bytesOf(entry: BoardOrder): Buffer {
  let bytes = encoded.get(entry)
  if (bytes === undefined) {
    // A buffer of its own, not a slice of Node's shared pool: a kept slice would keep its whole
    // pool alive, long after the entries that shared it are gone.
    const text = JSON.stringify(entry)
    bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text))
    bytes.write(text)
    encoded.set(entry, bytes)
  }
  return bytes
}

/** The UTF-8 JSON of the response frame answering request `id` with `snapshot`. */
export function snapshotFrame(id: number, snapshot: BoardSnapshot): Buffer {
  // The frame with no orders, split where they go: its only `[]` is the empty orders array, as
  // every other value in it is a number or a fixed word.
  const empty = JSON.stringify(
    responseFrame({ id, ok: true, result: { seq: snapshot.seq, orders: [] } }),
  )
  const at = empty.indexOf('[]') + 1
  const parts: Buffer[] = [Buffer.from(empty.slice(0, at))]
  snapshot.orders.forEach((entry, index) => {
    if (index > 0) parts.push(COMMA)
    parts.push(bytesOf(entry))
  })
  parts.push(Buffer.from(empty.slice(at)))
  return Buffer.concat(parts)
}

/**
 * The encoded answer when `frame` is a well-formed snapshot request the core answers, else null:
 * the frame then goes through dispatchRequest like any other, which says what is wrong with it.
 */
export function answerSnapshot(core: Pick<KdsHandlers, 'snapshot'>, frame: unknown): Buffer | null {
  const request = KdsRequestSchema.safeParse(frame)
  if (!request.success || request.data.name !== 'snapshot') return null
  if (!KDS_REQUESTS.snapshot.args.safeParse(request.data.args).success) return null
  try {
    return snapshotFrame(request.data.id, core.snapshot())
  } catch {
    return null
  }
}
