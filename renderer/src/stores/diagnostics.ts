// The diagnostics report, asked for while the panel is open, and its export to a file for support.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { KdsApi } from '../../../electron/common/kds-api'
import type { Diagnostics } from '../../../electron/common/status'
import { errorText } from './errors'

export const useDiagnosticsStore = defineStore('diagnostics', () => {
  const report = shallowRef<Diagnostics | null>(null)
  /** Why the last refresh failed; the last report stays shown meanwhile. */
  const error = ref<string | null>(null)
  const exporting = ref(false)
  /** Where the last export was written, and why the last one failed. */
  const exportedPath = ref<string | null>(null)
  const exportError = ref<string | null>(null)

  let api: KdsApi | null = null
  /** Counts refreshes, so a slow answer never replaces a newer one. */
  let asked = 0

  /** Remembers the api; nothing is asked until the panel opens. */
  function start(kds: KdsApi): void {
    api = kds
  }

  /** Asks for the report now. */
  async function refresh(): Promise<void> {
    if (api === null) {
      error.value = 'not connected to the core'
      return
    }
    const ticket = ++asked
    try {
      const answer = await api.diagnostics()
      if (ticket !== asked) return
      report.value = answer
      error.value = null
    } catch (failure) {
      if (ticket === asked) error.value = errorText(failure)
    }
  }

  /** Writes the report to a file in the data directory; `exportedPath` then says where. */
  async function exportReport(): Promise<void> {
    if (api === null || exporting.value) return
    exporting.value = true
    try {
      exportedPath.value = (await api.exportDiagnostics()).path
      exportError.value = null
    } catch (failure) {
      exportedPath.value = null
      exportError.value = errorText(failure)
    } finally {
      exporting.value = false
    }
  }

  /** Forgets the last export's outcome, for a panel opened anew. */
  function clearExport(): void {
    exportedPath.value = null
    exportError.value = null
  }

  function stop(): void {
    api = null
  }

  return {
    report,
    error,
    exporting,
    exportedPath,
    exportError,
    start,
    refresh,
    exportReport,
    clearExport,
    stop,
  }
})
