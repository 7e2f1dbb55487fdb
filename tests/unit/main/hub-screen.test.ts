// An Electron app set to be a screen of a hub (managed key hubUrl): the hub's page in a window with
// no preload, no core of its own, and the hub's origin as the only "our page".
import type { BrowserWindow as ElectronWindow, Session, WebContents, WebFrameMain } from 'electron'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KDS_CHANNELS } from '../../../electron/common/kds-api'
import { parseManagedArgv, parseManagedEnv } from '../../../electron/common/managed-config'
import { KdsCore } from '../../../electron/core/kds-core'
import { startApp } from '../../../electron/main/app'
import type { RendererLocation } from '../../../electron/main/renderer-location'
import { hardenSession, hardenWebContents, isTrustedSender } from '../../../electron/main/security'
import {
  BrowserWindow,
  FakeFrame,
  FakeSession,
  FakeWebContents,
  app,
  ipcMain,
  resetElectronMock,
  shell,
} from './electron-mock'
import { fakeCore } from './fake-core'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('electron-store', async () => ({
  default: (await import('./electron-mock')).ElectronStoreOnConf,
}))
vi.mock('../../../electron/core/kds-core', () => ({ KdsCore: { start: vi.fn() } }))

const HUB = 'http://192.168.1.20:5173/'
const hub: RendererLocation = { kind: 'hub', url: HUB }
const start = vi.mocked(KdsCore.start)
let userData: string

/** startApp with `config` as the managed config file. */
async function startWith(config: Record<string, unknown>, argv: string[] = []) {
  const file = join(userData, 'config.json')
  writeFileSync(file, JSON.stringify(config))
  const log = fakeLog()
  start.mockResolvedValue(
    Object.assign(fakeCore(), { close: vi.fn(async () => {}) }) as unknown as KdsCore,
  )
  await startApp({ startDemo: vi.fn(), log, argv, env: { KDS_CONFIG_FILE: file } })
  return log
}

beforeEach(() => {
  resetElectronMock()
  start.mockReset()
  userData = mkdtempSync(join(tmpdir(), 'kds-hub-screen-test-'))
  app.paths.set('userData', userData)
})
afterEach(() => rmSync(userData, { recursive: true, force: true }))

describe('a screen of a hub', () => {
  it('loads the hub with its own screen and layout, without preload, core, IPC or LAN', async () => {
    await startWith({ hubUrl: HUB, view: 'station:hot', layout: 'columns' })
    expect(start).not.toHaveBeenCalled()
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(false)
    const [window, ...others] = BrowserWindow.all
    expect(others).toEqual([])
    const preferences = window?.options['webPreferences'] as Record<string, unknown>
    expect(preferences).not.toHaveProperty('preload')
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true })
    expect(window?.loadFile).not.toHaveBeenCalled()
    const loaded = new URL(String(window?.loadURL.mock.calls[0]?.[0]))
    expect(loaded.origin).toBe('http://192.168.1.20:5173')
    expect(loaded.searchParams.get('screen')).toBe('station:hot')
    expect(loaded.searchParams.get('layout')).toBe('columns')
    // Reopened on activate even though no core runs.
    if (window !== undefined) window.destroyed = true
    app.emit('activate')
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it('takes the address from --hub-url, and quits at once with no core to close', async () => {
    const log = await startWith({}, ['--hub-url', 'https://hub.kitchen.local/'])
    expect(start).not.toHaveBeenCalled()
    expect(String(BrowserWindow.all[0]?.loadURL.mock.calls[0]?.[0])).toBe(
      'https://hub.kitchen.local/',
    )
    expect(log.info).toHaveBeenCalledWith('this app is a screen of a hub', {
      hubUrl: 'https://hub.kitchen.local/',
      managedBy: '--hub-url',
    })
    let prevented = false
    app.emit('will-quit', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(false)
  })

  it.each(['ftp://hub.local/', 'not a url', 'http://[bad', 'javascript:alert(1)'])(
    'refuses hubUrl %j, naming the field, and stays its own hub',
    async (hubUrl) => {
      const log = await startWith({ hubUrl })
      const warnings = log.warn.mock.calls.map(([message]) => String(message))
      expect(warnings).toEqual([
        expect.stringMatching(/^"hubUrl" in .*config\.json: .* is invalid .*stays its own hub/),
      ])
      expect(start).toHaveBeenCalledTimes(1)
      const preferences = BrowserWindow.all[0]?.options['webPreferences'] as Record<string, unknown>
      expect(preferences['preload']).toEqual(expect.stringContaining('preload'))
    },
  )

  it('names the variable and the flag of a bad hubUrl', () => {
    expect(parseManagedEnv({ KDS_HUB_URL: 'smb://hub' }).warnings).toEqual([
      expect.stringMatching(/^KDS_HUB_URL: "smb:\/\/hub" is invalid .*own hub/),
    ])
    expect(parseManagedArgv(['--hub-url=hub']).warnings).toEqual([
      expect.stringMatching(/^--hub-url: "hub" is invalid/),
    ])
    expect(parseManagedEnv({ KDS_HUB_URL: ` ${HUB} ` }).values).toEqual({ hubUrl: HUB })
  })
})

describe("the hub's page as our page", () => {
  function hardened() {
    const contents = new FakeWebContents()
    const opened: string[] = []
    hardenWebContents(contents as unknown as WebContents, hub, fakeLog(), (url) => opened.push(url))
    return { contents, opened }
  }

  it('may navigate within the hub origin only', () => {
    const { contents } = hardened()
    expect(contents.emitPreventable('will-navigate', { url: `${HUB}?screen=expo#/` })).toBe(false)
    expect(contents.emitPreventable('will-redirect', { url: `${HUB}pair` })).toBe(false)
    for (const url of [
      'http://192.168.1.20:5174/',
      'https://192.168.1.20:5173/',
      'http://evil.example/',
      'file:///app/out/renderer/index.html',
    ]) {
      expect(contents.emitPreventable('will-navigate', { url })).toBe(true)
    }
  })

  it('opens no window, neither of ours nor in the system browser', () => {
    const { contents, opened } = hardened()
    for (const url of [`${HUB}#/dispatch`, 'https://example.com/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(opened).toEqual([])
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('is granted no permission, not even full screen', () => {
    const session = new FakeSession()
    hardenSession(session as unknown as Session, hub, fakeLog())
    const request = session.permissionRequestHandler as unknown as (...args: unknown[]) => void
    const check = session.permissionCheckHandler as unknown as (...args: unknown[]) => boolean
    const callback = vi.fn()
    request({}, 'fullscreen', callback, { requestingUrl: HUB })
    expect(callback).toHaveBeenCalledWith(false)
    expect(check({}, 'fullscreen', HUB, {})).toBe(false)
  })

  it('is never answered over IPC, even from our window', () => {
    const window = new BrowserWindow({})
    const main = window.webContents.mainFrame
    const frame = new FakeFrame(HUB, main.processId, main.routingId)
    expect(
      isTrustedSender(frame as unknown as WebFrameMain, [window as unknown as ElectronWindow], hub),
    ).toBe(false)
  })
})
