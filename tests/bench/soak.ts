// Soak, on one display (core + shell + page) against one reference server:
// 1. listeners (EventEmitter and socket.io-client listeners in the core's process, DOM listeners
//    in the page as the probe and as Chromium count them) before and after a thousand reconnects
//    through KdsCore, the way a new token reconnects (a new socket, at once); then the same for
//    the bare feed, the way a dropped network reconnects (the same socket, after a backoff);
// 2. a compressed busy day (soak-day.ts), with the heap of the core's process and of the page
//    after forced GC before and after it, as growth per simulated hour; a second screen takes a
//    snapshot before each reading, so what the core keeps for snapshots is counted (outside its
//    heap: the browser shell's cached JSON, reported beside the figure).
import type { Browser } from '@playwright/test'
import { openBoard } from './browser'
import { sleep, waitUntil } from './clock'
import { reconnectFeed, type FeedReconnects } from './feed-host'
import type { Census } from './listener-census'
import { WATCHER_TOKEN } from './reference'
import { playDay, type DayOptions, type DayResult } from './soak-day'
import { openStage } from './stage'

export interface SoakOptions {
  rendererDir: string
  /** Write CPU profiles there. */
  profileDir?: string
  day: DayOptions
  warmupHours: number
  reconnects: number
}

export interface HeapPoint {
  coreBytes: number
  /** The core's process outside its heap: buffers. */
  coreExternalBytes: number
  pageBytes: number
  orders: number
}

export interface ListenerPoint {
  core: Census
  /** DOM listeners held by live targets, as the page probe counts them. */
  dom: number
  /** Chromium's own count of JS event listeners and of DOM nodes. */
  chromiumListeners: number
  domNodes: number
}

export interface SoakResult {
  day: DayResult
  heapStart: HeapPoint
  heapEnd: HeapPoint
  /** MB per simulated hour, core + page. */
  heapGrowthMbPerHour: number
  coreGrowthMbPerHour: number
  pageGrowthMbPerHour: number
  /** Not in the figure, which is of heaps: the core's memory outside its heap, MB per hour. */
  coreExternalGrowthMbPerHour: number
  /** What holding the day's orders costs the core: a copy of them, measured. */
  bytesPerOrder: number
  /** Snapshots the page asked for during the day (after each reconnection). */
  pageSnapshots: number
  /** Millions of characters of JSON in those snapshots. */
  pageSnapshotMChars: number
  gapsLeft: number
  listenersBefore: ListenerPoint
  listenersAfter: ListenerPoint
  reconfigureSeconds: number
  feed: FeedReconnects
  /** The largest growth of any listener count over the reconnects. */
  listenersGrowth: number
}

const MB = 1024 * 1024
const WARMUP_RECONNECTS = 20
/** Node's HTTP server closes idle keep-alive sockets after 5 s. */
const KEEP_ALIVE_MS = 5_500

export async function measureSoak(browser: Browser, options: SoakOptions): Promise<SoakResult> {
  const stage = await openStage(browser, {
    layout: 'columns',
    rendererDir: options.rendererDir,
    resync: true,
    profileDir: options.profileDir,
  })
  const { reference, host, board } = stage
  try {
    const heap = async (): Promise<HeapPoint> => {
      const core = await host.heap()
      return {
        coreBytes: core.heapUsed,
        coreExternalBytes: core.external,
        pageBytes: await board.heap(),
        orders: core.orders,
      }
    }
    const listeners = async (): Promise<ListenerPoint> => {
      const { nodes, jsEventListeners } = await board.domCounters()
      return {
        core: await host.census(),
        dom: (await board.read()).domListeners,
        chromiumListeners: jsEventListeners,
        domNodes: nodes,
      }
    }
    // A second screen (a tablet mirroring the board) opens and takes a snapshot, then goes: what the
    // core keeps to answer snapshots is then in its memory, as it is once any page has asked.
    const mirror = async () => {
      const other = await openBoard(browser, host.url, { idle: false })
      try {
        await other.connected()
        const answered = await waitUntil(
          async () => (await other.read()).snapshots.some((entry) => entry.arrivedAt !== null),
          30_000,
        )
        if (!answered) throw new Error('the mirror got no snapshot')
      } finally {
        await other.close()
      }
    }
    const settle = async () => {
      await sleep(1_000)
      await board.connected()
      await waitUntil(async () => (await host.board()).state === 'connected', 10_000)
    }

    // The reconnects first, while the backend has no orders: a session the server did not
    // recover makes the core fetch the backend's whole list, which is not what is counted here.
    // A few reconnects warm up first, and idle keep-alive sockets (the page's HTTP requests, the
    // core's resync fetches) are let go before each count.
    await host.reconfigure(WARMUP_RECONNECTS)
    await sleep(KEEP_ALIVE_MS)
    await settle()
    const listenersBefore = await listeners()
    const started = performance.now()
    await host.reconfigure(options.reconnects)
    const reconfigureSeconds = (performance.now() - started) / 1_000
    await sleep(KEEP_ALIVE_MS)
    await settle()
    const listenersAfter = await listeners()
    const feed = await reconnectFeed(reference, WATCHER_TOKEN, options.reconnects)

    await playDay(reference, host, { ...options.day, hours: options.warmupHours, seed: 1 })
    await mirror()
    await settle()
    const heapStart = await heap()
    const snapshotsBefore = (await board.read()).snapshots.length
    const day = await playDay(reference, host, options.day)
    await mirror()
    await settle()
    const heapEnd = await heap()
    const snapshots = (await board.read()).snapshots.slice(snapshotsBefore)
    const { bytes, orders } = await host.boardCost()
    const { gaps } = await host.board()

    const perHour = (from: number, to: number) => (to - from) / MB / day.simulatedHours
    const coreGrowth = perHour(heapStart.coreBytes, heapEnd.coreBytes)
    const pageGrowth = perHour(heapStart.pageBytes, heapEnd.pageBytes)
    return {
      day,
      heapStart,
      heapEnd,
      heapGrowthMbPerHour: coreGrowth + pageGrowth,
      coreGrowthMbPerHour: coreGrowth,
      pageGrowthMbPerHour: pageGrowth,
      coreExternalGrowthMbPerHour: perHour(heapStart.coreExternalBytes, heapEnd.coreExternalBytes),
      bytesPerOrder: orders === 0 ? 0 : bytes / orders,
      pageSnapshots: snapshots.length,
      pageSnapshotMChars: snapshots.reduce((sum, snapshot) => sum + snapshot.chars, 0) / 1e6,
      gapsLeft: gaps,
      listenersBefore,
      listenersAfter,
      reconfigureSeconds,
      feed,
      listenersGrowth: Math.max(
        listenersAfter.core.listeners - listenersBefore.core.listeners,
        listenersAfter.dom - listenersBefore.dom,
        listenersAfter.chromiumListeners - listenersBefore.chromiumListeners,
        feed.after.listeners - feed.before.listeners,
      ),
    }
  } finally {
    await stage.stop()
  }
}
