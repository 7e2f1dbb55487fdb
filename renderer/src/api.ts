// The only place that touches `window.kds`. In Electron the preload exposes it; in the browser
// shell there is no preload, so the same contract comes over the bridge's WebSocket instead.
import type { KdsApi } from '../../electron/common/kds-api'
import { createBridgeApi } from './bridge'

let current: KdsApi | null = null

/** The KdsApi of this window: the preload's when present, else the browser shell's bridge. */
export function kdsApi(): KdsApi {
  current ??= window.kds ?? createBridgeApi()
  return current
}
