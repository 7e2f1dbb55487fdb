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

export const useTileFrameStore = defineStore('tileFrame', () => {
  /** Null until the board has been laid out once (and in a test's DOM, which lays out nothing). */
  const frame = shallowRef<TileFrame | null>(null)
  /** The root font size in px, which an unmeasured ticket's estimate scales with. */
  const rem = ref(16)
  const sizes = shallowRef<ReadonlyMap<string, TileSize>>(new Map())
  /** The page asked for, 0-based; shown clamped to the pages there are. */
  const page = ref(0)
  const announcement = ref<Announcement | null>(null)
  let announceTimer: ReturnType<typeof setTimeout> | undefined

  function setFrame(next: TileFrame, remPx: number): void {
    const before = frame.value
    // Another column width makes every height another: measure again rather than trust the old.
    if (before !== null && before.width !== next.width) sizes.value = new Map()
    rem.value = remPx
    frame.value = next
  }

  /** Records measured tickets; one new map per batch, so packing runs once per batch. */
  function record(measured: Iterable<[string, TileSize]>): void {
    let changed: Map<string, TileSize> | null = null
    for (const [id, size] of measured) {
      const known = (changed ?? sizes.value).get(id)
      if (known !== undefined && sameSize(known, size)) continue
      changed ??= new Map(sizes.value)
      changed.set(id, size)
    }
    if (changed !== null) sizes.value = changed
  }

  function announce(next: Announcement): void {
    announcement.value = next
    clearTimeout(announceTimer)
    announceTimer = setTimeout(() => (announcement.value = null), ANNOUNCE_MS)
  }

  return { frame, rem, sizes, page, announcement, setFrame, record, announce }
})

function sameSize(a: TileSize, b: TileSize): boolean {
  return (
    a.height === b.height &&
    a.breaks.length === b.breaks.length &&
    a.breaks.every((at, index) => at === b.breaks[index])
  )
}
