// The answer to a snapshot request, as the bridge sends it: the frame's JSON put together from each
// entry's own. A board entry is never changed in place (a change makes a new entry), so the JSON of
// its card is made once, when a page first asks, and kept by the entry for as long as the board
// has it; every later snapshot (a reload, a resync, another tablet) only joins bytes: for 10,000
// orders a few milliseconds instead of a hundred of cutting, JSON.stringify and UTF-8 encoding.
import type { BoardOrder, BoardSnapshot } from '../common/board'
import { responseFrame } from '../common/bridge-frames'
import { withCard } from '../common/card-order'
import { KDS_REQUESTS, KdsRequestSchema } from '../common/kds-api'
import { cutForRole, seesCustomer, type ScreenRole } from '../common/roles'

/** Where the bridge takes snapshots from: the board's own entries, whole (KdsCore.entries). */
export interface SnapshotSource {
  entries(): BoardSnapshot
}

// Two encodings per entry: whole (kitchen, dispatch) and without the customer (stations, expo).
const encoded = new WeakMap<BoardOrder, Buffer>()
const encodedPrivate = new WeakMap<BoardOrder, Buffer>()
const COMMA = Buffer.from(',')

/** The UTF-8 JSON of an entry as a screen of `role` is sent it: its order cut down to the card. */
function cardBytes(entry: BoardOrder, role: ScreenRole): Buffer {
  const cache = seesCustomer(role) ? encoded : encodedPrivate
  let bytes = cache.get(entry)
  if (bytes === undefined) {
    // A buffer of its own, not a slice of Node's shared pool: a kept slice would keep its whole
    // pool alive, long after the entries that shared it are gone.
    const text = JSON.stringify(cutForRole(withCard(entry), role))
    bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text))
    bytes.write(text)
    cache.set(entry, bytes)
  }
  return bytes
}

/** The UTF-8 JSON of the response frame answering request `id` with the board's `entries`. */
export function snapshotFrame(
  id: number,
  entries: BoardSnapshot,
  role: ScreenRole = 'kitchen',
): Buffer {
  // The frame with no orders, split where they go: its only `[]` is the empty orders array, as
  // every other value in it is a number or a fixed word.
  const empty = JSON.stringify(
    responseFrame({ id, ok: true, result: { seq: entries.seq, orders: [] } }),
  )
  const at = empty.indexOf('[]') + 1
  const parts: Buffer[] = [Buffer.from(empty.slice(0, at))]
  entries.orders.forEach((entry, index) => {
    if (index > 0) parts.push(COMMA)
    parts.push(cardBytes(entry, role))
  })
  parts.push(Buffer.from(empty.slice(at)))
  return Buffer.concat(parts)
}

/**
 * The encoded answer when `frame` is a well-formed snapshot request the core answers, else null:
 * the frame then goes through dispatchRequest like any other, which says what is wrong with it.
 */
export function answerSnapshot(
  core: SnapshotSource,
  frame: unknown,
  role: ScreenRole = 'kitchen',
): Buffer | null {
  const request = KdsRequestSchema.safeParse(frame)
  if (!request.success || request.data.name !== 'snapshot') return null
  if (!KDS_REQUESTS.snapshot.args.safeParse(request.data.args).success) return null
  try {
    return snapshotFrame(request.data.id, core.entries(), role)
  } catch {
    return null
  }
}

/** Entries encoded per turn of the event loop while warming: the page's own files go between. */
const WARM_BATCH = 250

/**
 * Encodes each entry's card for `role` before any page asks. A start leaves the shell idle until
 * a page has loaded and asks for its snapshot, and the first answer for a day's board otherwise
 * encodes thousands of cards then, on the way to the first ticket. In batches, so the files the
 * page loads meanwhile are served between them; `stop()` ends it early.
 */
export function warmSnapshot(
  core: SnapshotSource,
  role: ScreenRole = 'kitchen',
): { done: Promise<void>; stop(): void } {
  const { orders } = core.entries()
  let next = 0
  let timer: ReturnType<typeof setImmediate> | null = null
  let finish = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  const batch = () => {
    timer = null
    const end = Math.min(next + WARM_BATCH, orders.length)
    for (; next < end; next += 1) {
      const entry = orders[next]
      if (entry !== undefined) cardBytes(entry, role)
    }
    if (next < orders.length) timer = setImmediate(batch)
    else finish()
  }
  timer = setImmediate(batch)
  return {
    done,
    stop() {
      if (timer !== null) clearImmediate(timer)
      timer = null
      finish()
    },
  }
}
