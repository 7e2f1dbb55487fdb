// The hub's network side as the core sees it: a shell that serves paired screens (the browser
// shell's --lan, the Electron app's lan setting) attaches one; without it the hub is local.
import type { Device, HubInfo } from '../common/hub'
import type { ScreenRole } from '../common/roles'

/** The devices and pairing of the bridge that serves the network. */
export interface HubLink {
  devices(): Device[]
  revokeDevice(id: string): null
  setDeviceRole(id: string, role: ScreenRole | null): null
  hubInfo(): HubInfo
}

/** What a hub that serves no network says of itself. */
export const LOCAL_HUB: HubInfo = {
  lan: false,
  addresses: [],
  port: null,
  pairingCode: null,
  pinnedRole: null,
}
