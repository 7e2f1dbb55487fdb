// Starts the stores against the core: the clock first, then settings, status and the board, each
// subscribing before it asks, so nothing pushed in between is missed.
import type { KdsApi } from '../../electron/common/kds-api'
import { kdsApi } from './api'
import { useHubStore } from './hub/hub-store'
import { useBoardStore } from './stores/board'
import { useClockStore } from './stores/clock'
import { useDiagnosticsStore } from './stores/diagnostics'
import { useOutboxStore } from './stores/outbox'
import { errorText } from './stores/errors'
import { useSettingsStore } from './stores/settings'
import { useStatusStore } from './stores/status'

/** Connects every store to the core; `api` defaults to this window's KdsApi. */
export function startSession(api?: KdsApi): void {
  useClockStore().start()
  let kds: KdsApi
  try {
    kds = api ?? kdsApi()
  } catch (failure) {
    useStatusStore().fail(errorText(failure))
    return
  }
  void useSettingsStore().start(kds)
  void useStatusStore().start(kds)
  void useBoardStore().start(kds)
  useDiagnosticsStore().start(kds)
  useHubStore().start(kds)
  void useOutboxStore().start(kds)
}
