// Settings as the core shows them (never the token), the one way to change them, and the PIN lock
// in front of them. The renderer never learns the PIN: it only passes on what a person typed.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { KdsApi, UnlockResult } from '../../../electron/common/kds-api'
import type { PrintDocument, PrinterInput } from '../../../electron/common/printers'
import {
  DEFAULT_DISPLAY_SETTINGS,
  type SettingsUpdate,
  type SettingsView,
} from '../../../electron/common/settings'
import { errorText } from './errors'
import { useLinkStore } from './link'

export const useSettingsStore = defineStore('settings', () => {
  const view = shallowRef<SettingsView | null>(null)
  /** Why the last change was refused, in the core's words; null after a success. */
  const error = ref<string | null>(null)
  const saving = ref(false)
  const link = useLinkStore()

  const language = computed(() => view.value?.language ?? DEFAULT_DISPLAY_SETTINGS.language)
  const currency = computed(() => view.value?.currency ?? DEFAULT_DISPLAY_SETTINGS.currency)
  const thresholds = computed(() => view.value?.thresholds ?? DEFAULT_DISPLAY_SETTINGS.thresholds)
  const theme = computed(() => view.value?.theme ?? DEFAULT_DISPLAY_SETTINGS.theme)
  const fontScale = computed(() => view.value?.fontScale ?? DEFAULT_DISPLAY_SETTINGS.fontScale)
  const layout = computed(() => view.value?.layout ?? DEFAULT_DISPLAY_SETTINGS.layout)
  /** Phone, address and totals on kitchen tickets too. */
  const kitchenDetails = computed(
    () => view.value?.kitchenDetails ?? DEFAULT_DISPLAY_SETTINGS.kitchenDetails,
  )
  /** Whether the settings screen needs the PIN first. */
  const locked = computed(() => view.value?.locked ?? false)
  /** Keys the administrator's managed configuration sets ('token' included): shown, not editable. */
  const managed = computed<ReadonlySet<string>>(() => new Set(view.value?.managed ?? []))
  /** Whether this window unlocked the settings, and so should lock them again when done. */
  const unlockedHere = ref(false)

  let api: KdsApi | null = null
  let unsubscribe: (() => void) | null = null
  let pushes = 0

  /** Subscribes, then asks for the settings now. */
  async function start(kds: KdsApi): Promise<void> {
    stop()
    api = kds
    unsubscribe = kds.subscribe((message) => {
      if (message.type !== 'settings') return
      pushes += 1
      view.value = message.settings
    })
    const before = pushes
    try {
      const answer = await kds.settings()
      if (pushes === before) view.value = answer
    } catch (failure) {
      error.value = errorText(failure)
    }
  }

  /** Asks the core to change settings; true when it accepted, else `error` says why. */
  async function update(change: SettingsUpdate): Promise<boolean> {
    if (api === null) {
      error.value = 'not connected to the core'
      return false
    }
    // While the hub is away a change would be sent when it is back, unseen: refuse it now.
    if (link.state !== 'open') {
      error.value = 'the hub is not answering; nothing was changed'
      return false
    }
    saving.value = true
    try {
      view.value = await api.updateSettings(change)
      error.value = null
      return true
    } catch (failure) {
      error.value = errorText(failure)
      return false
    } finally {
      saving.value = false
    }
  }

  /**
   * Passes a typed PIN to the core. Once it unlocks, the settings are asked for again (the view
   * then says unlocked). Null when the core could not be asked; `error` says why.
   */
  async function unlock(pin: string): Promise<UnlockResult | null> {
    if (api === null) {
      error.value = 'not connected to the core'
      return null
    }
    const kds = api
    try {
      const result = await kds.unlockSettings(pin)
      if (result.outcome === 'unlocked') {
        unlockedHere.value = true
        view.value = await kds.settings()
      }
      error.value = null
      return result
    } catch (failure) {
      error.value = errorText(failure)
      return null
    }
  }

  /** Locks the settings again if this window unlocked them; a failure leaves the core's own timeout. */
  async function relock(): Promise<void> {
    if (!unlockedHere.value || api === null) return
    unlockedHere.value = false
    try {
      view.value = await api.lockSettings()
    } catch {
      // The unlock runs out by itself in the core; nothing a person could do about it here.
    }
  }

  /** A ticket, label or test page as `printer` lays it out (an SVG); rejects saying why not. */
  async function printPreview(printer: PrinterInput, document: PrintDocument): Promise<string> {
    if (api === null) throw new Error('not connected to the core')
    return (await api.printPreview(printer, document)).svg
  }

  /** Prints the test page on `printer`; rejects with the reason it did not print. */
  async function testPrint(printer: PrinterInput): Promise<void> {
    if (api === null) throw new Error('not connected to the core')
    await api.testPrint(printer)
  }

  function clearError(): void {
    error.value = null
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    api = null
  }

  return {
    view,
    error,
    saving,
    language,
    currency,
    thresholds,
    theme,
    fontScale,
    layout,
    kitchenDetails,
    locked,
    managed,
    unlockedHere,
    start,
    update,
    unlock,
    relock,
    clearError,
    printPreview,
    testPrint,
    stop,
  }
})
