// Settings as the core shows them (never the token), and the one way to change them.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { KdsApi } from '../../../electron/common/kds-api'
import {
  DEFAULT_DISPLAY_SETTINGS,
  type SettingsUpdate,
  type SettingsView,
} from '../../../electron/common/settings'
import { errorText } from './errors'

export const useSettingsStore = defineStore('settings', () => {
  const view = shallowRef<SettingsView | null>(null)
  /** Why the last change was refused, in the core's words; null after a success. */
  const error = ref<string | null>(null)
  const saving = ref(false)

  const language = computed(() => view.value?.language ?? DEFAULT_DISPLAY_SETTINGS.language)
  const currency = computed(() => view.value?.currency ?? DEFAULT_DISPLAY_SETTINGS.currency)
  const thresholds = computed(() => view.value?.thresholds ?? DEFAULT_DISPLAY_SETTINGS.thresholds)

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

  function clearError(): void {
    error.value = null
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    api = null
  }

  return { view, error, saving, language, currency, thresholds, start, update, clearError, stop }
})
