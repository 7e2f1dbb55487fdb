import { describe, expect, it } from 'vitest'
import type { KdsHandlers } from '../../../electron/common/kds-api'
import { cutMessage, handlersFor } from '../../../electron/web/connection-handlers'
import type { Connection } from '../../../electron/web/connections'
import { PrinterSchema } from '../../../electron/common/printers'
import { kitchenOrder } from '../../fixtures/kitchen-orders'
import { SETTINGS, fakeCore } from '../main/fake-core'

const remote: Connection = {
  role: 'station:hot',
  pinned: null,
  deviceId: 'd1',
  address: '192.168.1.7',
  loopback: false,
}
const own: Connection = { ...remote, role: 'kitchen', loopback: true }
const HUB = {
  lan: true,
  addresses: ['http://192.168.1.2:5173/'],
  port: 5173,
  pairingCode: '123456',
  pinnedRole: null,
}

function core(): KdsHandlers {
  const fake = fakeCore()
  fake.hubInfo.mockReturnValue(HUB)
  return fake
}

describe('handlersFor', () => {
  it('gives the pairing code to the hub’s own screen only', () => {
    expect(handlersFor(core(), own).hubInfo()).toEqual(HUB)
    expect(handlersFor(core(), remote).hubInfo()).toEqual({ ...HUB, pairingCode: null })
  })

  it('revokes devices from the hub’s own screen only', () => {
    const handlers = core()
    expect(() => handlersFor(handlers, remote).revokeDevice('d2')).toThrow(/on the hub itself/)
    expect(handlers.revokeDevice).not.toHaveBeenCalled()
    expect(handlersFor(handlers, own).revokeDevice('d2')).toBeNull()
    expect(handlers.revokeDevice).toHaveBeenCalledWith('d2')
  })

  it('pins device roles from the hub’s own screen only', () => {
    const handlers = core()
    const paired = handlersFor(handlers, remote)
    expect(() => paired.setDeviceRole('d1', null)).toThrow(/pinned on the hub itself/)
    expect(handlers.setDeviceRole).not.toHaveBeenCalled()
    expect(handlersFor(handlers, own).setDeviceRole('d2', 'expo')).toBeNull()
    expect(handlers.setDeviceRole).toHaveBeenCalledWith('d2', 'expo')
  })

  it('tells each screen the role its device is pinned to', () => {
    const pinned: Connection = { ...remote, pinned: 'station:hot' }
    expect(handlersFor(core(), pinned).hubInfo().pinnedRole).toBe('station:hot')
    expect(handlersFor(core(), remote).hubInfo().pinnedRole).toBeNull()
  })

  it('sets up printers from the hub’s own screen only; a paired screen may reprint', async () => {
    const handlers = core()
    const printer = PrinterSchema.parse({
      id: 'p',
      name: 'П',
      kind: 'escpos-tcp',
      host: '10.0.0.9',
    })
    const paired = handlersFor(handlers, remote)
    expect(() => paired.printPreview(printer, 'label')).toThrow(
      /printers are set up on the hub itself/,
    )
    expect(() => paired.testPrint(printer)).toThrow(/on the hub itself/)
    expect(() => paired.updateSettings({ printers: [printer] })).toThrow(
      '"printers" is changed on the hub itself, not from a paired screen',
    )
    expect(handlers.printPreview).not.toHaveBeenCalled()
    expect(handlers.testPrint).not.toHaveBeenCalled()
    // The same list sent back (a whole settings form) is no change.
    await paired.updateSettings({ printers: [] })
    expect(paired.reprint('o1')).toBe(1)
    expect(handlersFor(handlers, own).printPreview(printer, 'label')).toEqual({ svg: '<svg/>' })
    await handlersFor(handlers, own).testPrint(printer)
    expect(handlers.testPrint).toHaveBeenCalledWith(printer)
  })

  it('passes everything else to the core', () => {
    const handlers = core()
    handlersFor(handlers, remote).bumpStation('o1', 'hot')
    expect(handlers.bumpStation).toHaveBeenCalledWith('o1', 'hot')
  })
})

describe('cutMessage', () => {
  const order = kitchenOrder('o1', 1, ['Суп'])
  const event = { type: 'order:new' as const, order, at: 1, seq: 2 }

  it('cuts the customer out of a new order for a station, not for the kitchen', () => {
    const cut = cutMessage({ type: 'event', event }, remote)
    expect(JSON.stringify(cut.message)).not.toContain(order.phone)
    const whole = cutMessage({ type: 'event', event }, own)
    expect(JSON.stringify(whole.message)).toContain(order.phone)
    expect(cut.key).not.toBe(whole.key)
  })

  it('hides the pairing code from a remote screen', () => {
    expect(cutMessage({ type: 'hub', hub: HUB }, remote).message).toEqual({
      type: 'hub',
      hub: { ...HUB, pairingCode: null },
    })
    expect(cutMessage({ type: 'hub', hub: HUB }, own).message).toEqual({ type: 'hub', hub: HUB })
  })

  it('tells each screen its own pin in the hub’s facts, encoded apart from the others', () => {
    const pinned: Connection = { ...remote, pinned: 'station:hot' }
    const cut = cutMessage({ type: 'hub', hub: HUB }, pinned)
    expect(cut.message).toEqual({
      type: 'hub',
      hub: { ...HUB, pairingCode: null, pinnedRole: 'station:hot' },
    })
    expect(cut.key).not.toBe(cutMessage({ type: 'hub', hub: HUB }, remote).key)
    const expo: Connection = { ...remote, role: 'expo', pinned: 'expo' }
    expect(cutMessage({ type: 'hub', hub: HUB }, expo).key).not.toBe(cut.key)
  })
})

describe('settings from a paired screen', () => {
  it('may not point the hub at another backend, set its token or turn off the network', async () => {
    const handlers = core()
    const tablet = handlersFor(handlers, remote)
    expect(() => tablet.updateSettings({ serverUrl: 'https://evil.example' })).toThrow(
      /"serverUrl" is changed on the hub itself/,
    )
    expect(() => tablet.updateSettings({ token: 'x' })).toThrow(/token is set on the hub itself/)
    expect(() => tablet.updateSettings({ lan: true })).toThrow(/"lan"/)
    expect(handlers.updateSettings).not.toHaveBeenCalled()
    // The rest, and the same values sent back, go through; the hub's own screen may change all.
    await tablet.updateSettings({ theme: 'light', serverUrl: SETTINGS.serverUrl })
    await handlersFor(handlers, own).updateSettings({ serverUrl: 'https://kds.example' })
    expect(handlers.updateSettings).toHaveBeenCalledTimes(2)
  })
})
