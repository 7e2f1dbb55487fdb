// The board's version for figures that walk the whole board (the speed of service): it follows
// the board at most once every `everyMs`, the first change after a quiet spell at once and the
// last of a rush at the end of its interval. So a rush of events costs such a figure one walk of
// the board a second, not one per event, and nothing of it is missed.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { useBoardStore } from '../stores/board'

/** How often a figure over the whole board is made again while the board changes. */
export const SETTLE_MS = 1_000

/** The board store's version, changing at most once every `everyMs`. */
export function useSettledVersion(everyMs = SETTLE_MS): Readonly<Ref<number>> {
  const board = useBoardStore()
  const settled = ref(board.version)
  let last = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | null = null
  const follow = () => {
    timer = null
    last = performance.now()
    settled.value = board.version
  }
  watch(
    () => board.version,
    () => {
      if (timer !== null) return
      const wait = last + everyMs - performance.now()
      if (wait <= 0) follow()
      else timer = setTimeout(follow, wait)
    },
  )
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer)
  })
  return settled
}
