import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_DISPLAY_SETTINGS } from '../../../electron/common/settings'
import { TOKEN_KEY, electronSettingsBackend } from '../../../electron/main/settings-store'
import {
  TOKEN_NOTICE_MEMORY_ONLY,
  TOKEN_NOTICE_UNREADABLE,
  canEncrypt,
} from '../../../electron/main/token-vault'
import { resetElectronMock, safeStorage } from './electron-mock'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('electron-store', async () => ({
  default: (await import('./electron-mock')).ElectronStoreOnConf,
}))

const TOKEN = 'secret-token-4f9a'
let dir: string
const file = () => join(dir, 'settings.json')
const backend = () =>
  electronSettingsBackend({ dir, cipher: safeStorage, log: fakeLog(), now: () => 42 })

beforeEach(() => {
  resetElectronMock()
  dir = mkdtempSync(join(tmpdir(), 'kds-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('display settings', () => {
  it('are the defaults (demo mode) on first run, without writing anything', () => {
    expect(backend().load()).toEqual({
      display: DEFAULT_DISPLAY_SETTINGS,
      token: null,
      tokenStorage: 'none',
      tokenNotice: null,
      warnings: [],
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('are saved and read back', () => {
    const display = {
      ...DEFAULT_DISPLAY_SETTINGS,
      serverUrl: 'https://api.example.com',
      language: 'en' as const,
    }
    backend().saveDisplay(display)
    expect(backend().load().display).toEqual(display)
  })

  it('fall back key by key, each bad key named in a warning, the file left as it is', () => {
    const stored = JSON.stringify({
      serverUrl: 'https://api.example.com',
      language: 'klingon',
      thresholds: { warnMinutes: 30, lateMinutes: 20 },
      unknownKey: true,
    })
    writeFileSync(file(), stored)
    const loaded = backend().load()
    expect(loaded.display).toEqual({
      ...DEFAULT_DISPLAY_SETTINGS,
      serverUrl: 'https://api.example.com',
    })
    expect(loaded.warnings).toHaveLength(2)
    expect(loaded.warnings[0]).toMatch(
      /"language" in .*settings\.json is invalid .*using the default "ru"/,
    )
    expect(loaded.warnings[1]).toMatch(/"thresholds" .* is invalid \(lateMinutes: the warning time/)
    expect(readFileSync(file(), 'utf8')).toBe(stored)
  })

  it('keep a copy of a bad file before it is first overwritten', () => {
    writeFileSync(file(), '{"language": "klingon"}')
    const settings = backend()
    settings.load()
    settings.saveDisplay({ ...DEFAULT_DISPLAY_SETTINGS, language: 'en' })
    expect(readFileSync(`${file()}.bad-42`, 'utf8')).toBe('{"language": "klingon"}')
    expect(backend().load()).toMatchObject({ display: { language: 'en' }, warnings: [] })
  })

  it('survive a file that is not JSON: defaults, a warning naming the file, no crash', () => {
    writeFileSync(file(), '{"serverUrl": "https://api.exa')
    const loaded = backend().load()
    expect(loaded.display).toEqual(DEFAULT_DISPLAY_SETTINGS)
    expect(loaded.warnings).toEqual([
      expect.stringMatching(/settings\.json cannot be read \(.*JSON.*\); using the defaults/),
    ])
    expect(readFileSync(file(), 'utf8')).toBe('{"serverUrl": "https://api.exa')
  })

  it('last in memory, with a warning, where the store cannot be opened at all', () => {
    writeFileSync(join(dir, 'not-a-folder'), '')
    dir = join(dir, 'not-a-folder')
    const settings = backend()
    const loaded = settings.load()
    expect(loaded.display).toEqual(DEFAULT_DISPLAY_SETTINGS)
    expect(loaded.warnings).toEqual([expect.stringContaining('settings cannot be opened')])
    settings.saveDisplay({ ...DEFAULT_DISPLAY_SETTINGS, language: 'en' })
    expect(settings.load().display.language).toBe('en')
    expect(settings.saveToken(TOKEN)).toEqual({
      tokenStorage: 'memory',
      tokenNotice: TOKEN_NOTICE_MEMORY_ONLY,
    })
  })
})

describe('the token', () => {
  it('is stored encrypted (base64) where the key store is available, never in plain text', () => {
    expect(backend().saveToken(TOKEN)).toEqual({ tokenStorage: 'encrypted', tokenNotice: null })
    const raw = readFileSync(file(), 'utf8')
    expect(raw).not.toContain(TOKEN)
    const sealed: unknown = JSON.parse(raw)[TOKEN_KEY]
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/)
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o077).toBe(0)
    expect(backend().load()).toMatchObject({
      token: TOKEN,
      tokenStorage: 'encrypted',
      tokenNotice: null,
    })
  })

  it('is kept in memory only, with the notice, where the key store is unavailable', () => {
    safeStorage.available = false
    expect(backend().saveToken(TOKEN)).toEqual({
      tokenStorage: 'memory',
      tokenNotice: TOKEN_NOTICE_MEMORY_ONLY,
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('is kept in memory only where Linux offers only basic_text (a public key)', () => {
    safeStorage.backend = 'basic_text'
    expect(canEncrypt(safeStorage, 'linux')).toBe(false)
    expect(canEncrypt(safeStorage, 'win32')).toBe(true)
    if (process.platform === 'linux') {
      expect(backend().saveToken(TOKEN).tokenStorage).toBe('memory')
    }
  })

  it('replaces a stored one even when the new one cannot be stored', () => {
    backend().saveToken('old-token')
    safeStorage.available = false
    backend().saveToken(TOKEN)
    expect(JSON.parse(readFileSync(file(), 'utf8'))).not.toHaveProperty(TOKEN_KEY)
  })

  it('that cannot be decrypted is reported, and kept on disk', () => {
    writeFileSync(
      file(),
      JSON.stringify({ [TOKEN_KEY]: Buffer.from('garbage').toString('base64') }),
    )
    const loaded = backend().load()
    expect(loaded).toMatchObject({
      token: null,
      tokenStorage: 'none',
      tokenNotice: TOKEN_NOTICE_UNREADABLE,
    })
    expect(loaded.warnings).toEqual([expect.stringContaining(`"${TOKEN_KEY}"`)])
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toHaveProperty(TOKEN_KEY)
  })
})
