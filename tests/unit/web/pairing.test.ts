import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cookieValue } from '../../../electron/web/connections'
import { DEVICES_FILE, DeviceStore } from '../../../electron/web/device-store'
import { PairingCode } from '../../../electron/web/pairing-code'
import { fakeLog } from '../main/fake-log'

const dirs: string[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kds-devices-'))
  dirs.push(dir)
  return dir
}

describe('PairingCode', () => {
  it('tells six digits at once, a new code every two minutes and after each use', () => {
    vi.useFakeTimers()
    const codes: string[] = []
    const pairing = new PairingCode({ onCode: (code) => codes.push(code) })
    expect(codes).toHaveLength(1)
    expect(codes[0]).toMatch(/^\d{6}$/)
    vi.advanceTimersByTime(2 * 60 * 1000 - 1)
    expect(codes).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(codes).toHaveLength(2)
    expect(codes[1]).not.toBe(codes[0])
    expect(pairing.attempt(pairing.current)).toEqual({ outcome: 'right' })
    expect(codes).toHaveLength(3)
    // A used code does not work twice.
    expect(pairing.attempt(codes[1] ?? '')).toEqual({ outcome: 'wrong' })
    pairing.stop()
  })

  it('pauses for a minute after five wrong codes, refusing even the right one, then forgets', () => {
    let now = 1_000
    const pairing = new PairingCode({ onCode: () => {}, now: () => now })
    const wrong = pairing.current === '000000' ? '000001' : '000000'
    for (let i = 0; i < 4; i += 1) expect(pairing.attempt(wrong)).toEqual({ outcome: 'wrong' })
    expect(pairing.attempt(wrong)).toEqual({ outcome: 'paused', until: 61_000 })
    expect(pairing.attempt(pairing.current)).toEqual({ outcome: 'paused', until: 61_000 })
    expect(pairing.pausedUntil()).toBe(61_000)
    now = 61_000
    expect(pairing.pausedUntil()).toBeNull()
    // The count starts again: four more wrong ones do not pause.
    for (let i = 0; i < 4; i += 1) expect(pairing.attempt(wrong)).toEqual({ outcome: 'wrong' })
    expect(pairing.attempt(pairing.current)).toEqual({ outcome: 'right' })
    pairing.stop()
  })
})

describe('DeviceStore', () => {
  it('keeps only a hash of each key, and the devices across a restart', () => {
    const dir = tempDir()
    const log = fakeLog()
    const store = new DeviceStore(dir, log)
    const { device, key } = store.pair('Планшет', 5)
    expect(Buffer.from(key, 'base64url').length).toBe(32)
    expect(store.byKey(key)?.id).toBe(device.id)
    expect(store.byKey(`${key}x`)).toBeUndefined()
    expect(store.byKey(undefined)).toBeUndefined()
    const text = readFileSync(join(dir, DEVICES_FILE), 'utf8')
    expect(text).not.toContain(key)
    expect(text).toContain('Планшет')

    store.seen(device.id, { at: 9, address: '192.168.1.7', role: 'station:hot' })
    const again = new DeviceStore(dir, log)
    expect(again.byKey(key)).toMatchObject({ name: 'Планшет', lastSeenAt: 9, role: 'station:hot' })
    expect(again.revoke(device.id)).toBe(true)
    expect(again.revoke(device.id)).toBe(false)
    expect(new DeviceStore(dir, log).byKey(key)).toBeUndefined()
  })

  it('starts with no device when devices.json is damaged, and says so', () => {
    const dir = tempDir()
    writeFileSync(join(dir, DEVICES_FILE), '{"devices": [{"id": 1}]}')
    const log = fakeLog()
    expect(new DeviceStore(dir, log).list()).toEqual([])
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringMatching(/devices\.json is not valid/),
      expect.objectContaining({ reason: expect.any(String) }),
    )
  })
})

describe('cookieValue', () => {
  it('finds one cookie among several', () => {
    expect(cookieValue('a=1; kds_device=abc_-; b=2', 'kds_device')).toBe('abc_-')
    expect(cookieValue('kds_devicex=1', 'kds_device')).toBeUndefined()
    expect(cookieValue(undefined, 'kds_device')).toBeUndefined()
  })
})
