// The one timer of the board: every card and the status bar compute their ages from `now`.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export const TICK_MS = 1_000

export const useClockStore = defineStore('clock', () => {
  const now = ref(Date.now())
  /** Midnight of today: changes once a day, so what depends only on the date is not redrawn per tick. */
  const today = computed(() => new Date(now.value).setHours(0, 0, 0, 0))
  let timer: ReturnType<typeof setInterval> | null = null

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

  return { now, today, start, stop }
})
