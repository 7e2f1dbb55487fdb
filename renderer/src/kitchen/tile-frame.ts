// What the tiled board has learned from the screen: the space it packs into, each ticket's
// measured size, and which page is shown. Window state (not the core's): another screen of the
// same board is another size, on another page.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { TileFrame, TileSize } from './tile-pack'

/** How long «Новый заказ № … на стр. …» stays over the board. */
export const ANNOUNCE_MS = 8_000

/** A new order that landed on a page not shown. */
export interface Announcement {
  number: number
  /** 1-based, as shown. */
  page: number
}

/** A drawn ticket's size, and the width it was drawn at (a size holds for that width only). */
export interface Measured {
  size: TileSize
  width: number
}

/** Widths this close (px) are one column width: the grid's fractions round either way. */
export const SAME_WIDTH_PX = 2

export const useTileFrameStore = defineStore('tileFrame', () => {
  /** Null until the board has been laid out once (and in a test's DOM, which lays out nothing). */
  const frame = shallowRef<TileFrame | null>(null)
  /** The root font size in px, which an unmeasured ticket's estimate scales with. */
  const rem = ref(16)
  const measured = shallowRef<ReadonlyMap<string, Measured>>(new Map())
  /** The page asked for, 0-based; shown clamped to the pages there are. */
  const page = ref(0)
  const announcement = ref<Announcement | null>(null)
  let announceTimer: ReturnType<typeof setTimeout> | undefined

  function setFrame(next: TileFrame, remPx: number): void {
    rem.value = remPx
    frame.value = next
  }

  /**
   * A ticket's size at the frame's column width, or null (not drawn at it yet). Kept per width,
   * not cleared when the width changes: the tickets may have been measured at the new width just
   * before the frame learns of it (the observers report in either order), and are not measured
   * again until they change.
   */
  function sizeOf(id: string): TileSize | null {
    const known = measured.value.get(id)
    const width = frame.value?.width
    if (known === undefined || width === undefined) return null
    return Math.abs(known.width - width) <= SAME_WIDTH_PX ? known.size : null
  }

  /** Records drawn tickets; one new map per batch, so packing runs once per batch. */
  function record(batch: Iterable<[string, Measured]>): void {
    let changed: Map<string, Measured> | null = null
    for (const [id, next] of batch) {
      const known = (changed ?? measured.value).get(id)
      if (known !== undefined && known.width === next.width && sameSize(known.size, next.size))
        continue
      changed ??= new Map(measured.value)
      changed.set(id, next)
    }
    if (changed !== null) measured.value = changed
  }

  function announce(next: Announcement): void {
    announcement.value = next
    clearTimeout(announceTimer)
    announceTimer = setTimeout(() => (announcement.value = null), ANNOUNCE_MS)
  }

  return { frame, rem, measured, page, announcement, setFrame, sizeOf, record, announce }
})

function sameSize(a: TileSize, b: TileSize): boolean {
  return (
    a.height === b.height &&
    a.breaks.length === b.breaks.length &&
    a.breaks.every((at, index) => at === b.breaks[index])
  )
}
