import { describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_DISPLAY_SETTINGS,
  type DisplaySettings,
  type SettingsView,
} from '../../../electron/common/settings'
import type { LoadedSettings, SettingsBackend } from '../../../electron/core/settings-backend'
import {
  TOKEN_NOTICE_FILE_UNREADABLE,
  managedSettingsBackend,
} from '../../../electron/core/managed-backend'
import type { ManagedSettings } from '../../../electron/core/managed-settings-load'
import { guardSettings, settingsRefusal } from '../../../electron/core/settings-guard'
import { createSettingsLock, hashPin } from '../../../electron/core/settings-pin'
import { SETTINGS, fakeCore } from './fake-core'

const STORED: DisplaySettings = {
  ...DEFAULT_DISPLAY_SETTINGS,
  serverUrl: 'https://own.example',
  language: 'ru',
  currency: 'EUR',
}

function storedBackend(token: string | null = 'stored-token') {
  const loaded: LoadedSettings = {
    display: STORED,
    token,
    tokenStorage: token === null ? 'none' : 'encrypted',
    tokenNotice: null,
    warnings: [],
  }
  return {
    load: vi.fn(() => loaded),
    saveDisplay: vi.fn(),
    saveToken: vi.fn(() => ({ tokenStorage: 'encrypted' as const, tokenNotice: null })),
  } satisfies SettingsBackend
}

function managedWith(
  config: ManagedSettings['config'],
  token: string | null = null,
): ManagedSettings {
  const origins = Object.fromEntries(Object.keys(config).map((key) => [key, `"${key}" in /etc/x`]))
  return { config, origins, token, pin: null, warnings: [], path: '/etc/x' }
}

describe('managedSettingsBackend', () => {
  it('lays the managed values over the stored ones', () => {
    const inner = storedBackend()
    const backend = managedSettingsBackend(
      inner,
      managedWith({ serverUrl: 'https://managed.example', language: 'en', kiosk: true }),
    )
    expect(backend.load()).toEqual({
      display: { ...STORED, serverUrl: 'https://managed.example', language: 'en' },
      token: 'stored-token',
      tokenStorage: 'encrypted',
      tokenNotice: null,
      warnings: [],
    })
  })

  it('never writes a managed value back: the stored one stays in its place', () => {
    const inner = storedBackend()
    const backend = managedSettingsBackend(inner, managedWith({ serverUrl: 'https://m.example' }))
    backend.load()
    backend.saveDisplay({ ...STORED, serverUrl: 'https://m.example', currency: 'USD' })
    expect(inner.saveDisplay).toHaveBeenCalledWith({ ...STORED, currency: 'USD' })
  })

  it('uses the token file instead of the stored token, in memory only', () => {
    const inner = storedBackend()
    const backend = managedSettingsBackend(
      inner,
      managedWith({ tokenFile: '/etc/kitchen-display/token' }, 'file-token'),
    )
    expect(backend.load()).toMatchObject({
      token: 'file-token',
      tokenStorage: 'memory',
      tokenNotice: null,
    })
    expect(backend.saveToken('rotated')).toEqual({ tokenStorage: 'memory', tokenNotice: null })
    expect(inner.saveToken).not.toHaveBeenCalled()
  })

  it('says on screen when the token file gives no token, ignoring the stored one', () => {
    const backend = managedSettingsBackend(storedBackend(), managedWith({ tokenFile: '/x' }, null))
    expect(backend.load()).toMatchObject({
      token: null,
      tokenStorage: 'none',
      tokenNotice: TOKEN_NOTICE_FILE_UNREADABLE,
    })
  })

  it('passes everything through when nothing is managed', () => {
    const inner = storedBackend()
    const backend = managedSettingsBackend(inner, managedWith({}))
    expect(backend.load().display).toEqual(STORED)
    backend.saveToken('new')
    expect(inner.saveToken).toHaveBeenCalledWith('new')
  })
})

describe('the settings guard', () => {
  const current: SettingsView = { ...SETTINGS, serverUrl: 'https://m.example', language: 'en' }
  const managed = managedWith({ serverUrl: 'https://m.example', tokenFile: '/etc/t' })

  it('refuses a change to a managed key, naming it and where it is set', () => {
    expect(settingsRefusal({ serverUrl: 'https://other.example' }, current, managed, null)).toBe(
      '"serverUrl" is set by "serverUrl" in /etc/x; it cannot be changed here.',
    )
    expect(settingsRefusal({ token: 'typed' }, current, managed, null)).toMatch(
      /^"token" is read from the file set by "tokenFile" in \/etc\/x/,
    )
  })

  it('lets a form send a managed key back unchanged, and change the others', () => {
    expect(
      settingsRefusal({ serverUrl: 'https://m.example', language: 'ru' }, current, managed, null),
    ).toBeNull()
  })

  it('refuses every change while the PIN lock is closed, and none once it is opened', () => {
    let now = 0
    const lock = createSettingsLock(hashPin('2468'), { now: () => now, unlockMs: 1_000 })
    expect(settingsRefusal({ language: 'ru' }, current, managed, lock)).toMatch(/locked with a PIN/)
    expect(lock?.unlock('2468')).toBe('unlocked')
    expect(settingsRefusal({ language: 'ru' }, current, managed, lock)).toBeNull()
    now = 1_000
    expect(settingsRefusal({ language: 'ru' }, current, managed, lock)).toMatch(/locked/)
  })

  it('guards updateSettings of the core and passes every other request through', async () => {
    const core = fakeCore()
    core.settings.mockReturnValue(current)
    const guarded = guardSettings(core, managed, null)
    await expect(guarded.updateSettings({ serverUrl: 'https://evil.example' })).rejects.toThrow(
      /"serverUrl" is set by/,
    )
    expect(core.updateSettings).not.toHaveBeenCalled()
    await guarded.updateSettings({ currency: 'USD' })
    expect(core.updateSettings).toHaveBeenCalledWith({ currency: 'USD' })
    expect(guarded.snapshot()).toBe(core.snapshot())
    guarded.dismissGap(3)
    expect(core.dismissGap).toHaveBeenCalledWith(3)
    const listener = vi.fn()
    guarded.subscribe(listener)
    expect(core.listeners.size).toBe(1)
  })
})

describe('the PIN lock', () => {
  it('is absent without a PIN', () => {
    expect(createSettingsLock(null)).toBeNull()
  })

  it('pauses after five wrong attempts, refusing even the right PIN until the pause ends', () => {
    let now = 0
    const lock = createSettingsLock(hashPin('1357'), { now: () => now, pauseMs: 60_000 })
    for (let i = 0; i < 5; i += 1) expect(lock?.unlock('0000')).toBe('wrong')
    expect(lock?.unlock('1357')).toBe('paused')
    now = 60_000
    expect(lock?.unlock('1357')).toBe('unlocked')
    expect(lock?.locked()).toBe(false)
  })
})
