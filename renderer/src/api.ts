// The only place that touches `window.kds`. In Electron the preload exposes it; in the browser
// shell there is no preload, so the same contract comes over the bridge's WebSocket instead.
import type { KdsApi } from '../../electron/common/kds-api'
import { createBridgeApi, defaultBridgeUrl } from './bridge'
import { useLinkStore } from './stores/link'

/**
 * Without a frame for this long the bridge asks the hub whether it is there, and gives it up as
 * long again later: the «нет связи с хабом» banner then shows within about 3½ s of a drop.
 */
export const HUB_PROBE_MS = 1_500

let current: KdsApi | null = null

/** The KdsApi of this window: the preload's when present, else the browser shell's bridge. */
export function kdsApi(): KdsApi {
  if (current !== null) return current
  if (window.kds !== undefined) return (current = window.kds)
  const link = useLinkStore()
  current = createBridgeApi(defaultBridgeUrl(), {
    probeMs: HUB_PROBE_MS,
    onLink: (state) => link.report(state),
  })
  return current
}
