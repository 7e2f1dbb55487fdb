// Since when the board on screen has not been live. The status bar and the stripe over the board
// both say it, so they must agree: one definition, here.
import { computed, type ComputedRef } from 'vue'
import { useBoardStore } from './stores/board'
import { useStatusStore } from './stores/status'

/**
 * While the link is down, when the data on screen was last known to be current; null while live.
 * When the link was live before, that is when it was lost (the core's `lostAt`). When it never was
 * (the program started while the server was away and the board came from the journal), the newest
 * thing it knows of is the best honest answer: the last event, else the board's last change.
 */
export function useStaleSince(): ComputedRef<number | null> {
  const status = useStatusStore()
  const board = useBoardStore()
  return computed(() => {
    const outage = status.outage
    if (outage === null) return null
    if (outage.afterLive) return outage.since
    const known = Math.max(status.lastEventAt ?? 0, board.lastChangeAt ?? 0)
    return known > 0 ? Math.min(known, outage.since) : outage.since
  })
}
