import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  loadManagedSettings,
  managedConfigPath,
  readTokenFile,
} from '../../../electron/core/managed-settings-load'
import { pinMatches } from '../../../electron/core/settings-pin'

const TOKEN = 'kds-token-9f1c'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-managed-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function configFile(config: unknown): string {
  const file = join(dir, 'config.json')
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config))
  return file
}

describe('managedConfigPath', () => {
  it('is the documented system-wide path on each OS', () => {
    expect(managedConfigPath('linux', {})).toBe('/etc/kitchen-display/config.json')
    expect(managedConfigPath('darwin', {})).toBe(
      '/Library/Application Support/Kitchen Display/config.json',
    )
    expect(managedConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Kitchen Display\\config.json',
    )
    expect(managedConfigPath('win32', {})).toBe('C:\\ProgramData\\Kitchen Display\\config.json')
  })

  it('is KDS_CONFIG_FILE when that is set', () => {
    expect(managedConfigPath('linux', { KDS_CONFIG_FILE: '/tmp/kds.json' })).toBe('/tmp/kds.json')
  })
})

describe('loadManagedSettings', () => {
  it('is empty, without a warning, where no file exists', () => {
    const managed = loadManagedSettings({
      env: { KDS_CONFIG_FILE: join(dir, 'none.json') },
      argv: [],
    })
    expect(managed).toEqual({
      config: {},
      origins: {},
      token: null,
      pin: null,
      warnings: [],
      path: join(dir, 'none.json'),
    })
  })

  it('reads the token file into memory, and keeps the PIN only as a hash', () => {
    const tokenFile = join(dir, 'token')
    writeFileSync(tokenFile, `${TOKEN}\n`)
    const path = configFile({ tokenFile, settingsPin: '2468', kiosk: true })
    const managed = loadManagedSettings({ env: { KDS_CONFIG_FILE: path }, argv: [] })
    expect(managed.config).toEqual({ tokenFile, kiosk: true })
    expect(managed.token).toBe(TOKEN)
    expect(managed.pin).not.toBeNull()
    if (managed.pin !== null) {
      expect(pinMatches(managed.pin, '2468')).toBe(true)
      expect(pinMatches(managed.pin, '2469')).toBe(false)
    }
    expect(JSON.stringify(managed)).not.toContain('2468')
    expect(managed.warnings).toEqual([])
  })

  it('applies flags over the environment over the file', () => {
    const path = configFile({ serverUrl: 'https://file.example', language: 'en', view: 'kitchen' })
    const managed = loadManagedSettings({
      env: { KDS_CONFIG_FILE: path, KDS_SERVER_URL: 'https://env.example', KDS_VIEW: 'dispatch' },
      argv: ['--server=https://flag.example'],
    })
    expect(managed.config).toEqual({
      serverUrl: 'https://flag.example',
      language: 'en',
      view: 'dispatch',
    })
  })

  it('names the key of a token file that cannot be read, and never holds a token then', () => {
    const path = configFile({ tokenFile: join(dir, 'missing-token') })
    const managed = loadManagedSettings({ env: { KDS_CONFIG_FILE: path }, argv: [] })
    expect(managed.token).toBeNull()
    expect(managed.warnings).toEqual([
      expect.stringMatching(/^tokenFile \("tokenFile" in .*\): the token file .* \(ENOENT\)$/),
    ])
  })

  it('reports a file that exists but cannot be read, and goes on with the rest', () => {
    const managed = loadManagedSettings({
      env: { KDS_CONFIG_FILE: dir, KDS_KIOSK: '1' },
      argv: [],
    })
    expect(managed.config).toEqual({ kiosk: true })
    expect(managed.warnings).toEqual([expect.stringMatching(/cannot be read .*; ignored$/)])
  })

  it('reports an invalid file naming the key, keeping the valid keys', () => {
    const path = configFile({ language: 'klingon', kiosk: true })
    const managed = loadManagedSettings({ env: { KDS_CONFIG_FILE: path }, argv: [] })
    expect(managed.config).toEqual({ kiosk: true })
    expect(managed.warnings).toEqual([expect.stringMatching(/^"language" in .*config\.json/)])
  })
})

describe('readTokenFile', () => {
  const read = (text: string) => readTokenFile('/t', () => text)

  it('trims the token and refuses an empty file or more than one word', () => {
    expect(read(`  ${TOKEN}\r\n`)).toEqual({ token: TOKEN })
    expect(read('\n')).toEqual({ problem: 'the token file /t is empty' })
    expect(read('two words')).toEqual({
      problem: 'the token file /t must hold one token of at most 4096 characters',
    })
  })
})
