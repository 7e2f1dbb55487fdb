// The tiled board's pages, worked out inside the kitchen store: the tickets packed by their
// measured sizes (an estimate until a ticket has been drawn), the page shown, what is off it, and
// a word on the current page when a new order lands on another.
import { computed, watch, type ComputedRef } from 'vue'
import type { BoardOrder } from '../../../electron/common/board'
import { SAME_WIDTH_PX, useTileFrameStore, type Measured } from './tile-frame'
import { packTiles, pageOf, ticketsOn, type TilePage, type TileSize } from './tile-pack'

/**
 * A ticket not drawn yet, in rem: head, meta line and the «Готово» button, plus a line per product
 * and a note. Only a first guess: a drawn ticket is measured, and the pages follow.
 */
export function estimateTile(entry: BoardOrder, rem: number): TileSize {
  const order = entry.order
  if (order === null) return { height: 9 * rem, breaks: [] }
  const note = order.additionalInformation ? 3.5 : 0
  const pickup = order.delivery ? 0 : 1.8
  return { height: (11 + 2.1 * order.products.length + note + pickup) * rem, breaks: [] }
}

/** A ticket's measured size at column width `width`, as the frame store's sizeOf answers it. */
function sizeAt(
  measured: ReadonlyMap<string, Measured>,
  id: string,
  width: number,
): TileSize | null {
  const known = measured.get(id)
  if (known === undefined) return null
  return Math.abs(known.width - width) <= SAME_WIDTH_PX ? known.size : null
}

/** How many tickets after the page shown are drawn out of sight to be measured. */
const PROBE = 8

/** What is not on the page shown: how many tickets, and how many of those are late. */
export interface Offscreen {
  count: number
  late: number
}

/** `tiled`: whether the board shows the tiles now; while it does not, nothing here is worked out. */
export function useTilePages(
  tiles: ComputedRef<BoardOrder[]>,
  late: ComputedRef<number>,
  tiled: ComputedRef<boolean>,
) {
  const frame = useTileFrameStore()

  const pages = computed<TilePage[]>(() => {
    const f = frame.frame
    const list = tiles.value
    // Not laid out yet: one page of everything, uncut, until the screen says how much fits.
    if (f === null) {
      const column = list.map((_, index) => ({
        index,
        from: 0,
        to: 0,
        continued: false,
        cut: false,
      }))
      return [{ columns: [column] }]
    }
    // The store's state read once, not an action called per ticket: for 10,000 tickets the calls
    // through Pinia's action wrapper were most of the time of every repack (one a clock tick).
    const measured = frame.measured
    const rem = frame.rem
    return packTiles(
      list.map((entry) => sizeAt(measured, entry.id, f.width) ?? estimateTile(entry, rem)),
      f,
    )
  })
  const count = computed(() => Math.max(1, pages.value.length))
  const current = computed(() => Math.min(Math.max(frame.page, 0), count.value - 1))
  const page = computed(() => pages.value[current.value])
  /** Tickets that start on the page shown, in reading order: what the digit keys reach. */
  const visible = computed(() =>
    ticketsOn(page.value).flatMap((index) => {
      const entry = tiles.value[index]
      return entry === undefined ? [] : [entry]
    }),
  )
  const offscreen = computed<Offscreen>(() => {
    const shown = new Set<number>()
    for (const column of page.value?.columns ?? [])
      for (const piece of column) shown.add(piece.index)
    let lateOff = 0
    for (let index = 0; index < late.value; index += 1) if (!shown.has(index)) lateOff += 1
    return { count: tiles.value.length - shown.size, late: lateOff }
  })

  /**
   * The tickets after the page shown that have not been drawn at this width: drawn out of sight
   * so they are measured, since where the page ends depends on whether the next one fits. Without
   * them a page would change once its neighbour had been seen.
   */
  const unmeasuredNext = computed<BoardOrder[]>(() => {
    if (frame.frame === null) return []
    let last = -1
    for (const column of page.value?.columns ?? [])
      for (const piece of column) last = Math.max(last, piece.index)
    // Only the next PROBE: scanning on for unmeasured ones walked the whole board, eight tickets
    // a redraw, each measurement a repack and a redraw (a board of 10,000 never went quiet).
    const next: BoardOrder[] = []
    const end = Math.min(tiles.value.length, last + 1 + PROBE)
    for (let index = last + 1; index < end; index += 1) {
      const entry = tiles.value[index]
      if (entry !== undefined && frame.sizeOf(entry.id) === null) next.push(entry)
    }
    return next
  })

  function turn(step: number): void {
    frame.page = Math.min(Math.max(current.value + step, 0), count.value - 1)
  }

  /** Shows the page on which a ticket starts (a recalled one, say). */
  function reveal(id: string): void {
    const at = pageOf(
      pages.value,
      tiles.value.findIndex((entry) => entry.id === id),
    )
    if (at >= 0) frame.page = at
  }

  // A new order on a page not shown is said on the page shown. The first list is the board as it
  // was loaded (or as it was when the tiles were turned on), not news. The columns need no word:
  // the tiles are not worked out for them at all.
  let known: Set<string> | null = null
  watch(
    () => (tiled.value ? tiles.value : null),
    (list) => {
      if (list === null) {
        known = null
        return
      }
      announceNew(list)
    },
  )
  function announceNew(list: BoardOrder[]): void {
    const before = known
    known = new Set(list.map((entry) => entry.id))
    if (before === null || before.size === 0) return
    list.forEach((entry, index) => {
      if (before.has(entry.id) || entry.order === null) return
      const at = pageOf(pages.value, index)
      if (at >= 0 && at !== current.value)
        frame.announce({ number: entry.order.number, page: at + 1 })
    })
  }

  return { pages, count, current, page, visible, offscreen, unmeasuredNext, turn, reveal }
}
