// The bump bar: a keyboard in disguise. Digits 1–9 select the card with that badge (reading order:
// column by column, top to bottom; tiled, on the page shown), arrows move the selection (tiled,
// left and right turn the page, as PgUp and PgDn do), Enter bumps the selected card, R,
// Backspace or minus recalls the last bumped, P prints the selected again, Escape clears, ? or F1
// shows the help.
import { onBeforeUnmount, onMounted } from 'vue'
import { useKitchenStore } from './kitchen-store'
import { useKitchenViewStore } from './view-store'

const ARROWS: Record<string, 'up' | 'down' | 'left' | 'right'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
}
/** Physical keys, so R works in the Russian layout (where it types К) too. */
const RECALL_CODES = new Set(['KeyR', 'Backspace', 'Minus', 'NumpadSubtract'])
const BUMP_KEYS = new Set(['Enter', 'NumpadEnter'])
/** P (З in the Russian layout): the selected ticket printed again. */
const PRINT_CODE = 'KeyP'
/** Page keys: the tiled board turns its pages (the columns layout scrolls instead). */
const PAGE_KEYS: Record<string, number> = { PageDown: 1, PageUp: -1 }

/** Whether a key press belongs to something else: typing in a field, or an open dialog. */
function elsewhere(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return true
  const target = event.target
  if (target instanceof HTMLElement) {
    if (target.isContentEditable) return true
    if (target.closest('input, textarea, select, [role="dialog"]') !== null) return true
  }
  return document.querySelector('[aria-modal="true"], .drawer-backdrop') !== null
}

/** What a key does on the kitchen board; true when it did something. */
export function handleKitchenKey(event: KeyboardEvent): boolean {
  if (elsewhere(event)) return false
  const kitchen = useKitchenStore()
  const view = useKitchenViewStore()
  if (event.key === '?' || event.key === 'F1') {
    view.help = !view.help
    return true
  }
  if (event.key === 'Escape') {
    if (view.help) view.help = false
    else kitchen.clearSelection()
    return true
  }
  const digit = /^Digit([1-9])$|^Numpad([1-9])$/.exec(event.code)
  if (digit !== null) return kitchen.selectDigit(Number(digit[1] ?? digit[2]))
  const step = PAGE_KEYS[event.key]
  if (step !== undefined && kitchen.layout === 'tiles') {
    kitchen.turnPage(step)
    return true
  }
  const arrow = ARROWS[event.key]
  if (arrow !== undefined) {
    kitchen.move(arrow)
    return true
  }
  if (BUMP_KEYS.has(event.key) || event.code === 'NumpadEnter') {
    // Without a selection Enter is left to a focused button; with one, it is the bump bar's.
    if (kitchen.selected === null) return false
    void kitchen.bumpSelected().catch(() => undefined)
    return true
  }
  if (event.code === PRINT_CODE) {
    if (kitchen.selected === null) return false
    void kitchen.reprintSelected().catch(() => undefined)
    return true
  }
  if (RECALL_CODES.has(event.code) || event.key === '-') {
    void kitchen.recall(null).catch(() => undefined)
    return true
  }
  return false
}

/** Listens for the bump bar's keys while the board is mounted. */
export function useKitchenKeys(): void {
  const listener = (event: KeyboardEvent) => {
    if (handleKitchenKey(event)) event.preventDefault()
  }
  onMounted(() => window.addEventListener('keydown', listener))
  onBeforeUnmount(() => window.removeEventListener('keydown', listener))
}
