// What one bridge connection may ask and is told, by who it is: the pairing code only for the
// hub's own screen (on this machine), devices revoked and pinned to a role only from there, every
// order cut for the connection's role (roles.ts) before it leaves, and each screen told the role
// the hub pinned it to. A paired tablet may not point the hub at
// another backend either: the hub would send that server its token; nor set up printers (the hub
// would send bytes to any address it is given, and a preview shows a customer's address).
import type { HubInfo } from '../common/hub'
import type { KdsHandlers, KdsMessage } from '../common/kds-api'
import type { SettingsUpdate } from '../common/settings'
import { cutEventForRole, seesCustomer } from '../common/roles'
import type { Connection } from './connections'

/** `core`'s handlers as `connection` may use them. */
export function handlersFor(core: KdsHandlers, connection: Connection): KdsHandlers {
  const hubInfo = () => hubInfoFor(core.hubInfo(), connection)
  const revokeDevice = (id: string) => {
    if (!connection.loopback) {
      throw new Error('devices are revoked on the hub itself, not from a paired screen')
    }
    return core.revokeDevice(id)
  }
  const setDeviceRole: KdsHandlers['setDeviceRole'] = (id, role) => {
    // Else a station's tablet could unpin itself and ask for the customers' phones and addresses.
    if (!connection.loopback) {
      throw new Error('screen roles are pinned on the hub itself, not from a paired screen')
    }
    return core.setDeviceRole(id, role)
  }
  const updateSettings = (update: SettingsUpdate) => {
    const refused = connection.loopback ? null : remoteRefusal(update, core)
    if (refused !== null) throw new Error(refused)
    return core.updateSettings(update)
  }
  const onTheHub = <A extends unknown[], R>(method: (...args: A) => R) =>
    connection.loopback
      ? method
      : () => {
          throw new Error('printers are set up on the hub itself, not from a paired screen')
        }
  const printPreview = onTheHub(core.printPreview.bind(core))
  const testPrint = onTheHub(core.testPrint.bind(core))
  return new Proxy(core, {
    get(target, name, receiver) {
      if (name === 'printPreview') return printPreview
      if (name === 'testPrint') return testPrint
      if (name === 'hubInfo') return hubInfo
      if (name === 'revokeDevice') return revokeDevice
      if (name === 'setDeviceRole') return setDeviceRole
      if (name === 'updateSettings') return updateSettings
      const value: unknown = Reflect.get(target, name, receiver)
      // The core is a class: its methods need it as `this`.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** The settings only the hub's own screen may change: the backend, its token, the network. */
const HUB_ONLY = ['serverUrl', 'resyncUrl', 'lan', 'printers'] as const

/** Why a paired screen may not make `update`, or null when it may. */
function remoteRefusal(update: SettingsUpdate, core: KdsHandlers): string | null {
  if (update.token !== undefined)
    return 'the token is set on the hub itself, not from a paired screen'
  const current = core.settings()
  // The same value is fine: a settings form sends every field back.
  const changed = HUB_ONLY.find(
    (key) =>
      update[key] !== undefined && JSON.stringify(update[key]) !== JSON.stringify(current[key]),
  )
  return changed === undefined
    ? null
    : `"${changed}" is changed on the hub itself, not from a paired screen`
}

/** A pushed message as `connection` is sent it, and a key shared by the connections sent the same. */
export function cutMessage(
  message: KdsMessage,
  connection: Connection,
): { key: string; message: KdsMessage } {
  if (message.type === 'event') {
    const whole = seesCustomer(connection.role)
    const event = whole ? message.event : cutEventForRole(message.event, connection.role)
    return { key: whole ? 'whole' : 'private', message: { ...message, event } }
  }
  if (message.type === 'hub') {
    const key = `hub:${connection.loopback ? 'own' : 'remote'}:${connection.pinned ?? ''}`
    return { key, message: { ...message, hub: hubInfoFor(message.hub, connection) } }
  }
  return { key: 'whole', message }
}

/** The hub's facts as `connection` is told them: its pinned role; the code only on this machine. */
function hubInfoFor(info: HubInfo, connection: Connection): HubInfo {
  return {
    ...info,
    pairingCode: connection.loopback ? info.pairingCode : null,
    pinnedRole: connection.pinned,
  }
}
