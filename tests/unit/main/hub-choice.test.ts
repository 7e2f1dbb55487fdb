// «Этот экран: экран хаба» as the settings store it: a zod-parsed file in userData that survives
// restarts, a corrupt one reported and ignored, and the managed hubUrl winning over it.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KDS_CHANNELS } from '../../../electron/common/kds-api'
import { KdsCore } from '../../../electron/core/kds-core'
import { startApp } from '../../../electron/main/app'
import {
  HUB_CHOICE_FILE,
  chosenHub,
  forgetHubChoice,
  readHubChoice,
  saveHubChoice,
} from '../../../electron/main/hub-choice'
import { BrowserWindow, app, ipcMain, resetElectronMock } from './electron-mock'
import { fakeCore } from './fake-core'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('electron-store', async () => ({
  default: (await import('./electron-mock')).ElectronStoreOnConf,
}))
vi.mock('../../../electron/core/kds-core', () => ({ KdsCore: { start: vi.fn() } }))

const HUB = 'http://192.168.1.20:5173/'
const start = vi.mocked(KdsCore.start)
let userData: string

const choiceFile = () => join(userData, HUB_CHOICE_FILE)

beforeEach(() => {
  resetElectronMock()
  start.mockReset()
  userData = mkdtempSync(join(tmpdir(), 'kds-hub-choice-test-'))
  app.paths.set('userData', userData)
})
afterEach(() => rmSync(userData, { recursive: true, force: true }))

describe('the stored choice', () => {
  it('is saved whole, read back, and forgotten', () => {
    expect(readHubChoice(userData)).toEqual({ choice: null, warning: null })
    saveHubChoice(userData, { hubUrl: HUB, language: 'en' })
    expect(readHubChoice(userData)).toEqual({
      choice: { hubUrl: HUB, language: 'en' },
      warning: null,
    })
    expect(existsSync(`${choiceFile()}.tmp`)).toBe(false)
    if (process.platform !== 'win32') expect(statSync(choiceFile()).mode & 0o777).toBe(0o600)
    forgetHubChoice(userData)
    expect(existsSync(choiceFile())).toBe(false)
    forgetHubChoice(userData)
  })

  it('refuses to store an address that is not http or https', () => {
    expect(() => saveHubChoice(userData, { hubUrl: 'ftp://hub/', language: 'ru' })).toThrow()
    expect(existsSync(choiceFile())).toBe(false)
  })

  it.each([
    ['not JSON', '{"hubUrl": "http://hub'],
    ['a bad address', JSON.stringify({ hubUrl: 'javascript:alert(1)', language: 'ru' })],
    ['no language', JSON.stringify({ hubUrl: HUB })],
    ['a list', '[]'],
  ])('reports a file holding %s, naming it, and ignores it', (_what, text) => {
    writeFileSync(choiceFile(), text)
    const stored = readHubChoice(userData)
    expect(stored.choice).toBeNull()
    expect(stored.warning).toContain(choiceFile())
    expect(stored.warning).toMatch(/ignored: this app is its own hub$/)
  })

  it('loses to the managed hubUrl, which names where it was set', () => {
    const stored = { hubUrl: 'http://10.0.0.9:5173/', language: 'en' as const }
    const managed = { config: { hubUrl: HUB }, origins: { hubUrl: 'KDS_HUB_URL' } }
    expect(chosenHub(managed, stored)).toEqual({
      url: HUB,
      managedBy: 'KDS_HUB_URL',
      language: 'en',
    })
    expect(chosenHub({ config: {}, origins: {} }, stored)).toEqual({
      url: 'http://10.0.0.9:5173/',
      managedBy: null,
      language: 'en',
    })
    expect(chosenHub({ config: { language: 'ru' }, origins: {} }, stored)?.language).toBe('ru')
    expect(chosenHub({ config: {}, origins: {} }, null)).toBeNull()
  })
})

/** startApp with `config` as the managed config file. */
async function startWith(config: Record<string, unknown> = {}) {
  const file = join(userData, 'config.json')
  writeFileSync(file, JSON.stringify(config))
  const log = fakeLog()
  const core = Object.assign(fakeCore(), { close: vi.fn(async () => {}) })
  start.mockResolvedValue(core as unknown as KdsCore)
  await startApp({ startDemo: vi.fn(), log, argv: [], env: { KDS_CONFIG_FILE: file } })
  return { log, core }
}

const loadedUrl = () => String(BrowserWindow.all[0]?.loadURL.mock.calls[0]?.[0])

describe('starting with a stored choice', () => {
  it('opens the stored hub, with no core of its own', async () => {
    saveHubChoice(userData, { hubUrl: HUB, language: 'ru' })
    const { log } = await startWith()
    expect(start).not.toHaveBeenCalled()
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(false)
    expect(loadedUrl()).toBe(HUB)
    expect(log.info).toHaveBeenCalledWith('this app is a screen of a hub', { hubUrl: HUB })
  })

  it('opens the managed hub instead, and says who set it', async () => {
    saveHubChoice(userData, { hubUrl: 'http://10.0.0.9:5173/', language: 'ru' })
    const { log } = await startWith({ hubUrl: HUB })
    expect(loadedUrl()).toBe(HUB)
    expect(log.info).toHaveBeenCalledWith('this app is a screen of a hub', {
      hubUrl: HUB,
      managedBy: expect.stringContaining('config.json') as string,
    })
  })

  it('is its own hub when the file is corrupt, and says so in the log', async () => {
    writeFileSync(choiceFile(), '{not json')
    const { log } = await startWith()
    expect(start).toHaveBeenCalledTimes(1)
    const warnings = log.warn.mock.calls.map(([message]) => String(message))
    expect(warnings).toEqual([expect.stringContaining(`${HUB_CHOICE_FILE} cannot be used`)])
    expect(BrowserWindow.all[0]?.loadFile).toHaveBeenCalled()
    // Left as found, for a person to look at; the next choice replaces it.
    expect(readFileSync(choiceFile(), 'utf8')).toBe('{not json')
  })
})
