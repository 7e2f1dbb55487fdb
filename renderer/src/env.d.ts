// What the renderer's global scope holds: the KdsApi the Electron preload exposes. In the browser
// shell there is no preload and `window.kds` stays undefined (api.ts then uses the bridge).
import type { KdsApi } from '../../electron/common/kds-api'

declare global {
  interface Window {
    kds?: KdsApi
  }
}

export {}
