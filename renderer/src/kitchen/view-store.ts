// What this window shows of the kitchen board: delivery or pickup, test orders or not, which
// conditions get a column, a search. View state of one window, kept in its localStorage, not in
// the core's settings: a second screen may show another cut of the same board.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { z } from 'zod'
import { KNOWN_CONDITIONS } from '../../../electron/common/conditions'

export const VIEW_STORAGE_KEY = 'kds.kitchen.view'

const DEFAULT_HIDDEN = KNOWN_CONDITIONS.filter((info) => info.final).map((info) => info.code)

export const ModeSchema = z.enum(['all', 'delivery', 'pickup'])
export type Mode = z.infer<typeof ModeSchema>

const SavedViewSchema = z.object({
  mode: ModeSchema.catch('all'),
  hideTest: z.boolean().catch(false),
  hiddenConditions: z
    .array(z.string().max(100))
    .max(100)
    .catch(() => [...DEFAULT_HIDDEN]),
})
type SavedView = z.infer<typeof SavedViewSchema>

/** Finished orders need no cook: their columns are hidden until someone asks for them. */
const DEFAULT_VIEW: SavedView = {
  mode: 'all',
  hideTest: false,
  hiddenConditions: DEFAULT_HIDDEN,
}

function load(): SavedView {
  try {
    const raw = globalThis.localStorage?.getItem(VIEW_STORAGE_KEY)
    if (raw === null || raw === undefined) return DEFAULT_VIEW
    const parsed = SavedViewSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : DEFAULT_VIEW
  } catch {
    // Unreadable or unavailable storage: the defaults, never a broken board.
    return DEFAULT_VIEW
  }
}

export const useKitchenViewStore = defineStore('kitchenView', () => {
  const saved = load()
  const mode = ref<Mode>(saved.mode)
  const hideTest = ref(saved.hideTest)
  const hiddenConditions = ref<string[]>([...saved.hiddenConditions])
  /** Order number or phone; not kept across reloads, a search is a moment's question. */
  const search = ref('')
  /** Which side panel is open beside the board. */
  const panel = ref<'allDay' | 'recent' | null>(null)
  const help = ref(false)

  const hidden = computed(() => new Set(hiddenConditions.value))

  watch([mode, hideTest, hiddenConditions], () => {
    const view: SavedView = {
      mode: mode.value,
      hideTest: hideTest.value,
      hiddenConditions: hiddenConditions.value,
    }
    try {
      globalThis.localStorage?.setItem(VIEW_STORAGE_KEY, JSON.stringify(view))
    } catch {
      // Full or forbidden storage: the view still works for this session.
    }
  })

  function toggleCondition(condition: string): void {
    hiddenConditions.value = hidden.value.has(condition)
      ? hiddenConditions.value.filter((c) => c !== condition)
      : [...hiddenConditions.value, condition]
  }

  function togglePanel(which: 'allDay' | 'recent'): void {
    panel.value = panel.value === which ? null : which
  }

  return {
    mode,
    hideTest,
    hiddenConditions,
    hidden,
    search,
    panel,
    help,
    toggleCondition,
    togglePanel,
  }
})
