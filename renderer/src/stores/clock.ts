// The one timer of the board: every card and the status bar compute their ages from `now`.
//
// `now` is this machine's clock, which every time the board keeps itself (arrivals, condition
// changes, bumps) is measured on. The orders' own times (createdAt, a scheduled `time`) are the
// backend's clock: `toLocal` moves them onto this one by the core's estimate of the difference
// (CoreStatus.clock), so an age never subtracts one machine's clock from another's.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useStatusStore } from './status'

export const TICK_MS = 1_000

export const useClockStore = defineStore('clock', () => {
  const status = useStatusStore()
  const now = ref(Date.now())
  /** Midnight of today: changes once a day, so what depends only on the date is not redrawn per tick. */
  const today = computed(() => new Date(now.value).setHours(0, 0, 0, 0))
  /** The backend's clock minus this machine's (0 until the core has an estimate). */
  const offsetMs = computed(() => status.status?.clock.offsetMs ?? 0)
  /** The backend's time now: what the wall clock of the status bar shows. */
  const serverNow = computed(() => now.value + offsetMs.value)
  let timer: ReturnType<typeof setInterval> | null = null

  /** A time on the backend's clock, on this machine's. */
  const toLocal = (backendMs: number): number => backendMs - offsetMs.value

  /** Starts ticking (once; later calls do nothing). */
  function start(intervalMs = TICK_MS): void {
    if (timer !== null) return
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), intervalMs)
  }

  function stop(): void {
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  return { now, today, offsetMs, serverNow, toLocal, start, stop }
})
