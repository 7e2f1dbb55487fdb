// Becoming a screen of a hub from the settings (stored, answered, relaunched once the core has
// closed) and the way back from main: the menu item, Ctrl+Shift+H, the unreachable hub's dialog;
// a hub the administrator set is not left from here.
import type { MessageBoxOptions } from 'electron'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KDS_CHANNELS } from '../../../electron/common/kds-api'
import { KdsCore } from '../../../electron/core/kds-core'
import { startApp } from '../../../electron/main/app'
import { HUB_CHOICE_FILE, readHubChoice, saveHubChoice } from '../../../electron/main/hub-choice'
import { rendererLocation } from '../../../electron/main/renderer-location'
import { BrowserWindow, Menu, app, dialog, ipcMain, resetElectronMock } from './electron-mock'
import { SETTINGS, fakeCore } from './fake-core'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('electron-store', async () => ({
  default: (await import('./electron-mock')).ElectronStoreOnConf,
}))
vi.mock('../../../electron/core/kds-core', () => ({ KdsCore: { start: vi.fn() } }))

const HUB = 'http://192.168.1.20:5173/'
const start = vi.mocked(KdsCore.start)
let userData: string

beforeEach(() => {
  resetElectronMock()
  start.mockReset()
  userData = mkdtempSync(join(tmpdir(), 'kds-hub-exit-test-'))
  app.paths.set('userData', userData)
})
afterEach(() => {
  vi.useRealTimers()
  rmSync(userData, { recursive: true, force: true })
})

/** startApp with `config` as the managed config file; the core closes when `closed` resolves. */
async function startWith(config: Record<string, unknown> = {}, closed = Promise.resolve()) {
  const file = join(userData, 'config.json')
  writeFileSync(file, JSON.stringify(config))
  const core = Object.assign(fakeCore(), { close: vi.fn(() => closed) })
  core.settings.mockReturnValue({ ...SETTINGS, language: 'en' })
  start.mockResolvedValue(core as unknown as KdsCore)
  const log = fakeLog()
  await startApp({ startDemo: vi.fn(), log, argv: [], env: { KDS_CONFIG_FILE: file } })
  return { core, log }
}

/** Asks the request handler as the window's own page would. */
async function ask(name: string, args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(KDS_CHANNELS.request)
  const senderFrame = BrowserWindow.all[0]?.webContents.mainFrame
  const location = rendererLocation(false, {})
  if (senderFrame === undefined || location.kind !== 'file') throw new Error('no window')
  senderFrame.url = pathToFileURL(location.path).href
  return handler?.({ senderFrame }, { id: 1, name, args })
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('becoming a screen of a hub from the settings', () => {
  it('stores the hub, answers, and relaunches once the core has closed', async () => {
    let close = () => {}
    const { core } = await startWith({}, new Promise<void>((resolve) => (close = resolve)))
    expect(await ask('hubScreen', [])).toEqual({
      id: 1,
      ok: true,
      result: { available: true, hubUrl: null, managedBy: null },
    })
    expect(await ask('becomeHubScreen', [` ${HUB} `])).toEqual({ id: 1, ok: true, result: null })
    expect(readHubChoice(userData).choice).toEqual({ hubUrl: HUB, language: 'en' })
    await settle()
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(core.close).toHaveBeenCalledTimes(1)
    expect(app.exit).not.toHaveBeenCalled()
    close()
    await settle()
    expect(app.exit).toHaveBeenCalledWith(0)
  })

  it('refuses an address that is not http or https, and stays the hub', async () => {
    await startWith()
    const answer = await ask('becomeHubScreen', ['smb://hub/'])
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('becomeHubScreen') })
    await settle()
    expect(existsSync(join(userData, HUB_CHOICE_FILE))).toBe(false)
    expect(app.relaunch).not.toHaveBeenCalled()
  })

  it('refuses while the settings are locked with the managed PIN', async () => {
    await startWith({ settingsPin: '2468' })
    const answer = await ask('becomeHubScreen', [HUB])
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('PIN') })
    await settle()
    expect(existsSync(join(userData, HUB_CHOICE_FILE))).toBe(false)
    expect(app.relaunch).not.toHaveBeenCalled()
  })
})

/** The menu item «Экран хаба» › leave, as built. */
function leaveItem(): { label: string; accelerator: string; click: () => void } {
  const menu = Menu.setApplicationMenu.mock.calls[0]?.[0] as {
    template: {
      label?: string
      submenu?: { label: string; accelerator: string; click: () => void }[]
    }[]
  }
  const item = menu.template.find((entry) => entry.submenu !== undefined)?.submenu?.[0]
  if (item === undefined) throw new Error('no menu item to leave')
  return item
}

const contents = () => {
  const window = BrowserWindow.all[0]
  if (window === undefined) throw new Error('no window')
  return window.webContents
}

/** Presses a key on the hub's page; answers whether main kept it from the page. */
function press(input: Record<string, unknown>): boolean {
  let prevented = false
  const event = { preventDefault: () => (prevented = true) }
  contents().emit('before-input-event', event, { type: 'keyDown', shift: true, ...input })
  return prevented
}

const asked = () => dialog.showMessageBox.mock.calls.map((call) => call.at(-1) as MessageBoxOptions)

describe('the way back', () => {
  it('asks, in the language of the choice, and on yes forgets the hub and relaunches', async () => {
    saveHubChoice(userData, { hubUrl: HUB, language: 'ru' })
    await startWith()
    expect(leaveItem()).toMatchObject({
      label: 'Перестать быть экраном хаба…',
      accelerator: 'CmdOrCtrl+Shift+H',
    })
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    leaveItem().click()
    await settle()
    expect(asked()[0]?.message).toBe(`Перестать быть экраном хаба ${HUB}?`)
    expect(app.relaunch).not.toHaveBeenCalled()
    expect(press({ key: 'H', control: true })).toBe(true)
    await settle()
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2)
    expect(existsSync(join(userData, HUB_CHOICE_FILE))).toBe(false)
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(app.exit).toHaveBeenCalledWith(0)
  })

  it('hears only Ctrl+Shift+H (or Cmd), and asks once however often it is pressed', async () => {
    saveHubChoice(userData, { hubUrl: HUB, language: 'en' })
    await startWith()
    expect(press({ key: 'h', control: true, shift: false })).toBe(false)
    expect(press({ key: 'h', control: true, alt: true })).toBe(false)
    expect(press({ key: 'j', control: true })).toBe(false)
    expect(press({ key: 'h' })).toBe(false)
    dialog.showMessageBox.mockReturnValueOnce(new Promise(() => {}))
    expect(press({ key: 'h', meta: true })).toBe(true)
    expect(press({ key: 'h', control: true })).toBe(true)
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1)
    expect(asked()[0]?.message).toBe(`Stop being a screen of the hub ${HUB}?`)
  })

  it('says a managed hub is the administrator’s, and stays', async () => {
    await startWith({ hubUrl: HUB, language: 'en' })
    press({ key: 'h', control: true })
    await settle()
    expect(asked()[0]?.message).toMatch(/the administrator set it so \(.*config\.json\)/)
    expect(asked()[0]?.buttons).toEqual(['OK'])
    expect(app.relaunch).not.toHaveBeenCalled()
  })
})

/** The hub's page failing to load, as Chromium says it. */
function failLoad(code = -102, isMainFrame = true, url = HUB) {
  contents().emit('did-fail-load', {}, code, 'ERR_CONNECTION_REFUSED', url, isMainFrame)
}

describe('a hub that cannot be reached', () => {
  it('says so with Retry and Leave; Retry loads it again, Leave leaves', async () => {
    saveHubChoice(userData, { hubUrl: HUB, language: 'ru' })
    await startWith()
    const window = BrowserWindow.all[0]
    failLoad(-3)
    failLoad(-102, false)
    expect(dialog.showMessageBox).not.toHaveBeenCalled()
    failLoad(-102, true, `${HUB}?screen=expo`)
    await settle()
    expect(window?.show).toHaveBeenCalled()
    expect(asked()[0]).toMatchObject({
      message: `Хаб ${HUB} недоступен`,
      buttons: ['Повторить', 'Перестать быть экраном хаба'],
    })
    expect(window?.loadURL).toHaveBeenLastCalledWith(`${HUB}?screen=expo`)
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    failLoad(-102, true, 'http://evil.example/')
    await settle()
    expect(window?.loadURL).toHaveBeenLastCalledWith(`${HUB}?screen=expo`)
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(existsSync(join(userData, HUB_CHOICE_FILE))).toBe(false)
  })

  it('tries again on its own, and closes the dialog once the page has come', async () => {
    vi.useFakeTimers()
    saveHubChoice(userData, { hubUrl: HUB, language: 'en' })
    await startWith()
    const window = BrowserWindow.all[0]
    let signal: AbortSignal | undefined
    dialog.showMessageBox.mockImplementationOnce(
      (_window, options) =>
        new Promise((resolve) => {
          signal = (options as MessageBoxOptions).signal
          signal?.addEventListener('abort', () => resolve({ response: 0, checkboxChecked: false }))
        }),
    )
    failLoad()
    const loads = window?.loadURL.mock.calls.length ?? 0
    await vi.advanceTimersByTimeAsync(10_000)
    expect(window?.loadURL.mock.calls.length).toBe(loads + 1)
    // Chromium's error page finishes loading too: not the hub.
    contents().emit('did-finish-load')
    await vi.advanceTimersByTimeAsync(0)
    expect(signal?.aborted).toBe(false)
    contents().emit('did-navigate', {}, HUB, 200, 'OK')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(signal?.aborted).toBe(true)
    expect(window?.loadURL.mock.calls.length).toBe(loads + 1)
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1)
    expect(app.relaunch).not.toHaveBeenCalled()
  })

  it('offers Quit, not Leave, for a managed hub', async () => {
    await startWith({ hubUrl: HUB })
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    failLoad()
    await settle()
    expect(asked()[0]?.buttons).toEqual(['Повторить', 'Выйти'])
    expect(app.quit).toHaveBeenCalled()
    expect(app.relaunch).not.toHaveBeenCalled()
  })
})
