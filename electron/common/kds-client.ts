// The renderer side of the KdsApi, once for both transports: the preload (Electron IPC) and the
// browser shell's bridge (WebSocket) each give a way to send one request and to subscribe, and
// this maps every method of the contract onto them.
import type { KDS_REQUESTS, KdsApi, KdsMessage, KdsRequestName } from './kds-api'

/** The parsed answer of request `N`. */
export type KdsResult<N extends KdsRequestName> = ReturnType<
  (typeof KDS_REQUESTS)[N]['result']['parse']
>

/** Sends request `name` with `args` and resolves with its parsed answer. */
export type KdsRequester = <N extends KdsRequestName>(
  name: N,
  args: unknown[],
) => Promise<KdsResult<N>>

/** The KdsApi over `request` and `subscribe`. */
export function kdsApiOver(
  request: KdsRequester,
  subscribe: (listener: (message: KdsMessage) => void) => () => void,
): KdsApi {
  return {
    snapshot: () => request('snapshot', []),
    status: () => request('status', []),
    settings: () => request('settings', []),
    updateSettings: (update) => request('updateSettings', [update]),
    dismissGap: (id) => request('dismissGap', [id]),
    diagnostics: () => request('diagnostics', []),
    exportDiagnostics: () => request('exportDiagnostics', []),
    bump: (id) => request('bump', [id]),
    recall: (id) => request('recall', [id]),
    reprint: (id) => request('reprint', [id]),
    printPreview: (printer, document) => request('printPreview', [printer, document]),
    testPrint: (printer) => request('testPrint', [printer]),
    start: (id) => request('start', [id]),
    outbox: () => request('outbox', []),
    dismissOutbox: (id) => request('dismissOutbox', [id]),
    itemDone: (id, item, done) => request('itemDone', [id, item, done]),
    bumpStation: (id, station) => request('bumpStation', [id, station]),
    recallStation: (station, id) => request('recallStation', [station, id]),
    stations: () => request('stations', []),
    devices: () => request('devices', []),
    revokeDevice: (id) => request('revokeDevice', [id]),
    setDeviceRole: (id, role) => request('setDeviceRole', [id, role]),
    hubInfo: () => request('hubInfo', []),
    hubScreen: () => request('hubScreen', []),
    becomeHubScreen: (url) => request('becomeHubScreen', [url]),
    unlockSettings: (pin) => request('unlockSettings', [pin]),
    lockSettings: () => request('lockSettings', []),
    subscribe,
  }
}
