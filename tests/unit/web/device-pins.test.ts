import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_COOKIE } from '../../../electron/common/hub'
import type { Connection } from '../../../electron/web/connections'
import { DEVICES_FILE, DeviceStore } from '../../../electron/web/device-store'
import { LanHub } from '../../../electron/web/lan-hub'
import { fakeLog } from '../main/fake-log'

const dirs: string[] = []
const hubs: LanHub[] = []
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.stop()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kds-pins-'))
  dirs.push(dir)
  return dir
}

describe('DeviceStore pins', () => {
  it('loads a devices.json from before pins: every device as its screen asks', () => {
    const dir = tempDir()
    const key = 'an-old-key'
    const old = {
      devices: [
        {
          id: 'tablet-1',
          name: 'Горячий',
          keyHash: createHash('sha256').update(key).digest('hex'),
          pairedAt: 1,
          lastSeenAt: 2,
          address: '192.168.1.7',
          role: 'dispatch',
        },
      ],
    }
    writeFileSync(join(dir, DEVICES_FILE), JSON.stringify(old))
    const store = new DeviceStore(dir, fakeLog())
    expect(store.byKey(key)).toMatchObject({ id: 'tablet-1', role: 'dispatch', pinnedRole: null })
  })

  it('keeps a pin across a restart, clears it, and refuses a device it does not know', () => {
    const dir = tempDir()
    const log = fakeLog()
    const store = new DeviceStore(dir, log)
    const { device, key } = store.pair('Планшет', 5)
    expect(device.pinnedRole).toBeNull()
    expect(store.pin(device.id, 'station:hot')).toBe(true)
    // Where it connects from and as what it asked does not move the pin.
    store.seen(device.id, { at: 9, address: '192.168.1.7', role: 'station:hot' })
    expect(new DeviceStore(dir, log).byKey(key)?.pinnedRole).toBe('station:hot')
    expect(JSON.parse(readFileSync(join(dir, DEVICES_FILE), 'utf8'))).toMatchObject({
      devices: [{ pinnedRole: 'station:hot' }],
    })
    expect(store.pin(device.id, null)).toBe(true)
    expect(new DeviceStore(dir, log).byKey(key)?.pinnedRole).toBeNull()
    expect(store.pin('nobody', 'expo')).toBe(false)
  })

  it('does not load a pin that names no role', () => {
    const dir = tempDir()
    const log = fakeLog()
    const { device } = new DeviceStore(dir, log).pair('Планшет', 5)
    const file = join(dir, DEVICES_FILE)
    const text = readFileSync(file, 'utf8').replace('"pinnedRole": null', '"pinnedRole": "boss"')
    writeFileSync(file, text)
    expect(new DeviceStore(dir, log).list().map((entry) => entry.id)).not.toContain(device.id)
  })
})

describe('LanHub pins', () => {
  function hub() {
    const closed: [string, string][] = []
    const onChange = vi.fn()
    const lan = new LanHub({
      dataDir: tempDir(),
      log: fakeLog(),
      onCode: () => {},
      onChange,
      closeDevice: (id, why) => closed.push([id, why]),
    })
    hubs.push(lan)
    const { device, key } = lan.store.pair('Планшет', 1)
    const cookie = `${DEVICE_COOKIE}=${key}`
    return { lan, device, cookie, closed, onChange }
  }

  it('admits a pinned device as its pinned role, and lists the pin', () => {
    const { lan, device, cookie } = hub()
    expect(lan.admit(cookie)).toEqual({ ok: true, deviceId: device.id, pinned: null })
    lan.setDeviceRole(device.id, 'station:cold')
    expect(lan.admit(cookie)).toEqual({ ok: true, deviceId: device.id, pinned: 'station:cold' })
    expect(lan.devices()).toEqual([expect.objectContaining({ pinnedRole: 'station:cold' })])
  })

  it('closes a connected device so it comes back as its new role; the same pin closes nothing', () => {
    const { lan, device, closed, onChange } = hub()
    const connection: Connection = {
      role: 'dispatch',
      pinned: null,
      deviceId: device.id,
      address: '192.168.1.7',
      loopback: false,
    }
    lan.opened(connection)
    onChange.mockClear()
    lan.setDeviceRole(device.id, 'station:hot')
    expect(closed).toEqual([[device.id, 'repinned']])
    expect(onChange).toHaveBeenCalled()
    lan.setDeviceRole(device.id, 'station:hot')
    expect(closed).toHaveLength(1)
    lan.setDeviceRole(device.id, null)
    expect(closed).toHaveLength(2)
    expect(() => lan.setDeviceRole('nobody', 'expo')).toThrow(/no paired device/)
  })

  it('closes a revoked device as revoked', () => {
    const { lan, device, closed } = hub()
    lan.revokeDevice(device.id)
    expect(closed).toEqual([[device.id, 'revoked']])
  })
})
