// The board's projection: a snapshot from the core, then the pushed events applied with the same
// reducer the core uses. A gap in `seq` means a fresh snapshot, never a guess.
import { defineStore } from 'pinia'
import { computed, markRaw, nextTick, ref, shallowRef } from 'vue'
import {
  applyChange,
  changeId,
  type BoardEvent,
  type BoardOrder,
} from '../../../electron/common/board'
import type { KdsApi } from '../../../electron/common/kds-api'
import { groupColumns } from '../columns'
import { useClockStore } from './clock'
import { errorText } from './errors'
import { useLinkStore } from './link'
import { atNextFrame } from './next-frame'

/** How long to wait before asking again for a snapshot that failed. */
export const SNAPSHOT_RETRY_MS = 2_000
/** Events kept while a snapshot is in flight; past this they are dropped, and another is asked for. */
export const MAX_BUFFERED = 10_000
/**
 * An event within this long of the end of the last redraw is part of a burst: the screen is
 * redrawn once for the burst (at the next frame) rather than once per event. A lone event is
 * drawn at once.
 */
export const BURST_MS = 4

/**
 * What keeps a view of the board up to date change by change rather than by walking the whole
 * board on every redraw: told of every entry that changed, as it changes (before the screen is
 * told), and of every snapshot that replaces the board.
 */
export interface BoardTracker {
  /** The board is now `orders` (kept by reference: later changes are made to this same map). */
  reset(orders: ReadonlyMap<string, BoardOrder>): void
  /** One entry changed: before (undefined if new) and after (undefined if it left the board). */
  update(prev: BoardOrder | undefined, next: BoardOrder | undefined): void
}

/** A live change applied to the board: the order before (undefined if new) and after it. */
export interface AppliedChange {
  event: BoardEvent
  prev: BoardOrder | undefined
  next: BoardOrder
}

export const useBoardStore = defineStore('board', () => {
  // Thousands of orders: the map is raw (no deep proxies) and `version` says when it changed.
  const orders = shallowRef<ReadonlyMap<string, BoardOrder>>(markRaw(new Map()))
  const version = ref(0)
  const seq = ref(0)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** How the last reprint of each order went (this window's, not journaled: a button's feedback). */
  const reprints = ref<Readonly<Record<string, { ok: boolean; reason: string | null }>>>({})
  const clock = useClockStore()
  const link = useLinkStore()

  const columns = computed(() => {
    void version.value
    return groupColumns(orders.value.values(), clock.offsetMs)
  })
  const count = computed(() => {
    void version.value
    return orders.value.size
  })
  // The newest change, kept as changes come: walked again only when the newest one is taken
  // back (its order expired, or changed to an earlier time), which almost never happens.
  let newest: number | null = null
  let newestStale = false
  const trackers = new Set<BoardTracker>()
  function tell(prev: BoardOrder | undefined, next: BoardOrder | undefined): void {
    if (next !== undefined && !newestStale) newest = Math.max(newest ?? 0, next.changedAt)
    if (prev !== undefined && prev.changedAt === newest && (next?.changedAt ?? -1) < newest) {
      newestStale = true
    }
    for (const tracker of trackers) tracker.update(prev, next)
  }
  function resetAll(): void {
    newestStale = true
    for (const tracker of trackers) tracker.reset(orders.value)
  }
  /** The newest change on the board, or null when it is empty: how fresh a journal's board is. */
  const lastChangeAt = computed(() => {
    void version.value
    if (newestStale) {
      newest = null
      for (const entry of orders.value.values()) newest = Math.max(newest ?? 0, entry.changedAt)
      newestStale = false
    }
    return newest
  })

  /** Keeps `tracker` up to date from now on (it is reset to the board at once); returns the
   * function that stops it. */
  function track(tracker: BoardTracker): () => void {
    trackers.add(tracker)
    tracker.reset(orders.value)
    return () => trackers.delete(tracker)
  }

  let api: KdsApi | null = null
  let unsubscribe: (() => void) | null = null
  /** Events held back while a snapshot is due or in flight; null while events apply directly. */
  let pending: BoardEvent[] | null = null
  /** Whether events were dropped (the buffer full) since the snapshot in flight was asked for. */
  let dropped = false
  let inFlight = false
  let retry: ReturnType<typeof setTimeout> | null = null
  /** Told of every live change (never of a snapshot): alerts and highlights hang on this. */
  const changeListeners = new Set<(change: AppliedChange) => void>()

  /** When the screen had last been redrawn for the board (Vue's update done). */
  let lastDrawnAt = Number.NEGATIVE_INFINITY
  /** Cancels the commit waiting for the next frame, while one does. */
  let frameDue: (() => void) | null = null
  /** A commit waits for the end of this task: every event of the task (a frame) goes with it. */
  let commitQueued = false

  function commit(): void {
    frameDue?.()
    frameDue = null
    commitQueued = false
    version.value += 1
    // After Vue's update of the screen, which the change above has just queued.
    void nextTick(() => (lastDrawnAt = performance.now()))
  }

  /**
   * Tells the screen the map changed. A lone event is drawn at the end of the task that brought
   * it (a microtask, before the screen is painted). An event that comes within BURST_MS of the
   * last redraw's end is part of a rush, or of a backlog the page is working through: it waits
   * for the next frame with every other event until then, so the page draws once a frame however
   * many come, and a page that fell behind catches up instead of redrawing for each one.
   */
  function changed(): void {
    if (frameDue !== null || commitQueued) return
    if (performance.now() - lastDrawnAt < BURST_MS) {
      frameDue = atNextFrame(commit)
      return
    }
    commitQueued = true
    queueMicrotask(() => {
      if (commitQueued) commit()
    })
  }

  function receive(event: BoardEvent): void {
    if (pending !== null) {
      if (pending.length < MAX_BUFFERED) pending.push(event)
      else dropped = true
      return
    }
    if (event.seq <= seq.value) return
    if (event.seq !== seq.value + 1) {
      pending = [event]
      void resync()
      return
    }
    const id = changeId(event)
    const prev = orders.value.get(id)
    const next = applyChange(orders.value as Map<string, BoardOrder>, event)
    seq.value = event.seq
    if (next !== null) tell(prev, orders.value.get(id))
    changed()
    if (next === null || event.type === 'order:expire') return
    for (const listener of changeListeners) listener({ event, prev, next })
  }

  /** Calls `listener` with every live change applied; returns the unsubscribe function. */
  function onChange(listener: (change: AppliedChange) => void): () => void {
    changeListeners.add(listener)
    return () => changeListeners.delete(listener)
  }

  /** Asks the core to bump an order off the kitchen board; the board changes when its event comes. */
  async function bump(id: string): Promise<void> {
    await link.act(() => core().bump(id))
  }

  /** Asks the core to bring back a bumped order (null: the last bumped); answers its id or null. */
  async function recall(id: string | null): Promise<string | null> {
    return link.act(() => core().recall(id))
  }

  /** Marks one item of an order done, or open again (a touch on a station's line). */
  async function itemDone(id: string, item: number, done: boolean): Promise<void> {
    await link.act(() => core().itemDone(id, item, done))
  }

  /** A station's bump: its items done, the ticket leaves the station (or goes on to `next`). */
  async function bumpStation(id: string, station: string): Promise<void> {
    await link.act(() => core().bumpStation(id, station))
  }

  /** Brings a ticket back to a station (null: its last bumped); answers its id or null. */
  async function recallStation(station: string, id: string | null): Promise<string | null> {
    return link.act(() => core().recallStation(station, id))
  }

  /** The api, or a refusal a person can read. */
  function core(): KdsApi {
    if (api === null) throw new Error('not connected to the core')
    return api
  }

  /**
   * Asks the core to print an order again; `reprints` says how it went, per order, for the card.
   * Rejects when the core refused (no printer configured, say).
   */
  async function reprint(id: string): Promise<void> {
    const source = api
    if (source === null) throw new Error('not connected to the core')
    try {
      // Through the link: while the hub is away the reprint is refused on screen, not sent later.
      await link.act(() => source.reprint(id))
      reprints.value = { ...reprints.value, [id]: { ok: true, reason: null } }
    } catch (failure) {
      reprints.value = { ...reprints.value, [id]: { ok: false, reason: errorText(failure) } }
      throw failure
    }
  }

  /** Takes a fresh snapshot, then applies the events buffered meanwhile. */
  async function resync(): Promise<void> {
    if (api === null || inFlight) return
    const source = api
    pending ??= []
    inFlight = true
    if (retry !== null) clearTimeout(retry)
    retry = null
    try {
      dropped = false
      const snapshot = await source.snapshot()
      if (source !== api) return
      orders.value = markRaw(new Map(snapshot.orders.map((entry) => [entry.id, entry])))
      seq.value = snapshot.seq
      resetAll()
      commit()
      loaded.value = true
      error.value = null
    } catch (failure) {
      if (source !== api) return
      error.value = errorText(failure)
      // Keep buffering: the retry's snapshot decides which of the held events still apply.
      retry = setTimeout(() => void resync(), SNAPSHOT_RETRY_MS)
      return
    } finally {
      if (source === api) inFlight = false
    }
    const held = pending ?? []
    pending = null
    for (const event of held) receive(event)
    // Some of what came during the snapshot is gone, and no event may follow to show the gap (the
    // end of a rush): ask again now.
    if (dropped) void resync()
  }

  /** Subscribes first, then snapshots, so no event falls between the two. */
  function start(kds: KdsApi): Promise<void> {
    stop()
    api = kds
    unsubscribe = kds.subscribe((message) => {
      if (message.type === 'event') receive(message.event)
      // Back from a lost link to the core: what it pushed meanwhile is gone, and no gap shows
      // until the next event (nor ever, if the core restarted and counts from lower). The core's
      // own reconnections to the backend need nothing here: what it catches up comes as events.
      if (message.type === 'resumed' && loaded.value) void resync()
    })
    return resync()
  }

  /** Unsubscribes and forgets the api; the orders stay on screen as they were. */
  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    api = null
    pending = null
    inFlight = false
    if (retry !== null) clearTimeout(retry)
    retry = null
  }

  return {
    reprints,
    reprint,
    orders,
    version,
    seq,
    loaded,
    error,
    columns,
    count,
    lastChangeAt,
    track,
    start,
    stop,
    resync,
    onChange,
    bump,
    recall,
    itemDone,
    bumpStation,
    recallStation,
  }
})
