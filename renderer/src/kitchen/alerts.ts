// Alerts for live changes: a new order rings the bundled chime (never a test order, never the
// snapshot or a resync) and flashes its card; a condition change highlights its card briefly.
// The browser may refuse sound before a person has touched the page: that is said once, quietly.
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { DEFAULT_DISPLAY_SETTINGS } from '../../../electron/common/settings'
import { useScreenStore } from '../hub/screen-store'
import { useBoardStore, type AppliedChange } from '../stores/board'
import { useSettingsStore } from '../stores/settings'
import { passesView } from './derive'
import { useKitchenViewStore } from './view-store'

/** How long a new order's card flashes. */
export const FLASH_MS = 6_000
/** How long a card that changed condition stays highlighted. */
export const HIGHLIGHT_MS = 2_500
/** The pause between chimes while repeating. */
export const REPEAT_MS = 5_000

const CHIME_URL = new URL('./chime.wav', import.meta.url).href

/** Whether a live change is a new order a cook must hear about. */
function isNewOrder({ event, prev, next }: AppliedChange): boolean {
  if (event.type !== 'order:new' || event.resync === true || next.resynced === true) return false
  if (prev !== undefined && prev.order !== null) return false
  return next.order !== null && !next.order.isTestOrder && next.bumpedAt === undefined
}

export const useAlertStore = defineStore('kitchenAlerts', () => {
  const board = useBoardStore()
  const settings = useSettingsStore()
  const view = useKitchenViewStore()
  const screen = useScreenStore()

  /** Cards flashing as new, and cards highlighted after a condition change, by order id. */
  const flashing = reactive(new Set<string>())
  const highlighted = reactive(new Set<string>())
  /** The chime repeats until someone touches the screen or presses a key. */
  const ringing = ref(false)
  /** The browser refused to play before a gesture: show the hint (once). */
  const soundBlocked = ref(false)
  let hintShown = false

  let audio: HTMLAudioElement | null = null
  let repeat: ReturnType<typeof setInterval> | null = null
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let detach: (() => void) | null = null

  const alerts = () => settings.view?.alerts ?? DEFAULT_DISPLAY_SETTINGS.alerts

  function mark(set: Set<string>, id: string, ms: number): void {
    set.add(id)
    const timer = setTimeout(() => {
      set.delete(id)
      timers.delete(timer)
    }, ms)
    timers.add(timer)
  }

  function play(): void {
    const { sound, volume } = alerts()
    if (!sound) return
    audio ??= new Audio(CHIME_URL)
    // A rush is one chime, not a stutter: orders arriving while it sounds are heard in it.
    if (!audio.paused && !audio.ended) return
    audio.volume = volume
    audio.currentTime = 0
    let playing: Promise<void> | undefined
    try {
      playing = audio.play()
    } catch {
      playing = Promise.reject(new Error('play failed'))
    }
    // Autoplay policy: refused before a gesture. Quiet, and one hint.
    void playing?.catch(() => {
      if (!hintShown) soundBlocked.value = true
      hintShown = true
    })
  }

  /** Rings for a new order; repeats when the settings say so, until acknowledged. */
  function ring(): void {
    play()
    if (!alerts().repeat || !alerts().sound || repeat !== null) return
    ringing.value = true
    repeat = setInterval(play, REPEAT_MS)
  }

  /** A person touched the screen or pressed a key: stop repeating, hide the hint. */
  function acknowledge(): void {
    ringing.value = false
    soundBlocked.value = false
    if (repeat !== null) clearInterval(repeat)
    repeat = null
  }

  function onChange(change: AppliedChange): void {
    const { event, next } = change
    if (isNewOrder(change)) {
      mark(flashing, next.id, FLASH_MS)
      // Only what this window shows rings: a pickup-only screen stays quiet for deliveries, and
      // a station for orders with nothing of its own.
      if (passesView(next, view) && !view.hidden.has(next.condition) && screen.admits(next)) ring()
      return
    }
    const moved = change.prev !== undefined && change.prev.condition !== next.condition
    if ((event.type === 'order:condition' || event.type === 'order:new') && moved) {
      mark(highlighted, next.id, HIGHLIGHT_MS)
    }
  }

  /** Starts listening to the board and for gestures; returns the stop function. */
  function attach(): () => void {
    detach?.()
    const off = board.onChange(onChange)
    const gesture = () => acknowledge()
    window.addEventListener('pointerdown', gesture, true)
    window.addEventListener('keydown', gesture, true)
    detach = () => {
      off()
      window.removeEventListener('pointerdown', gesture, true)
      window.removeEventListener('keydown', gesture, true)
      acknowledge()
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      detach = null
    }
    return detach
  }

  return { flashing, highlighted, ringing, soundBlocked, attach, acknowledge }
})
