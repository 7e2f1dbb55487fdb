import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KDS_CHANNELS } from '../../../electron/common/kds-api'
import { KdsCore, type KdsCoreOptions } from '../../../electron/core/kds-core'
import { startApp, type AppOptions } from '../../../electron/main/app'
import { rendererLocation } from '../../../electron/main/renderer-location'
import {
  BrowserWindow,
  app,
  dialog,
  ipcMain,
  powerSaveBlocker,
  resetElectronMock,
  session,
} from './electron-mock'
import { fakeCore } from './fake-core'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('electron-store', async () => ({
  default: (await import('./electron-mock')).ElectronStoreOnConf,
}))
vi.mock('../../../electron/core/kds-core', () => ({ KdsCore: { start: vi.fn() } }))

const start = vi.mocked(KdsCore.start)
const startDemo = vi.fn()
let userData: string
let errors: EventEmitter

/** startApp on a fresh profile, with no managed config unless `env` gives one. */
function startTheApp(options: Partial<AppOptions> = {}) {
  return startApp({
    startDemo,
    log: fakeLog(),
    argv: [],
    env: { KDS_CONFIG_FILE: join(userData, 'no-managed-config.json') },
    errors,
    ...options,
  })
}

function runningCore() {
  const core = Object.assign(fakeCore(), { close: vi.fn(async () => {}) })
  start.mockResolvedValue(core as unknown as KdsCore)
  return core
}

/** Emits a preventable app event, as Electron does, and tells whether it was prevented. */
function emitPreventable(name: string): boolean {
  let prevented = false
  app.emit(name, { preventDefault: () => (prevented = true) })
  return prevented
}

const platform = process.platform
const setPlatform = (value: NodeJS.Platform) =>
  Object.defineProperty(process, 'platform', { value })

beforeEach(() => {
  resetElectronMock()
  start.mockReset()
  userData = mkdtempSync(join(tmpdir(), 'kds-app-test-'))
  app.paths.set('userData', userData)
  errors = new EventEmitter()
})
afterEach(() => {
  setPlatform(platform)
  rmSync(userData, { recursive: true, force: true })
})

describe('startApp', () => {
  it('starts the core in userData with the demo, then wires IPC and opens one secure window', async () => {
    runningCore()
    await startTheApp()
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull()
    const options = start.mock.calls[0]?.[0] as KdsCoreOptions
    expect(options.dataDir).toBe(join(userData, 'data'))
    expect(options.startDemo).toBe(startDemo)
    expect(options.version).toBe('0.0.0-test')
    expect(options.settings.load().display.serverUrl).toBeNull()
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(true)
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it('takes userData from --user-data-dir, resolved from the current folder', async () => {
    runningCore()
    const profile = relative(process.cwd(), join(userData, 'profile'))
    app.commandLine.getSwitchValue.mockImplementation((name) =>
      name === 'user-data-dir' ? profile : '',
    )
    await startTheApp()
    expect(app.getPath('userData')).toBe(resolve(profile))
    expect((start.mock.calls[0]?.[0] as KdsCoreOptions).dataDir).toBe(
      join(resolve(profile), 'data'),
    )
  })

  it('hands over to the running instance when there is one', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false)
    await startTheApp()
    expect(app.quit).toHaveBeenCalled()
    expect(start).not.toHaveBeenCalled()
  })

  it('focuses its window when a second instance starts', async () => {
    runningCore()
    await startTheApp()
    app.emit('second-instance')
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
    expect(BrowserWindow.all[0]?.focus).toHaveBeenCalled()
  })

  it('says why and exits when the core cannot start', async () => {
    start.mockRejectedValue(new Error('journal locked'))
    await startTheApp()
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Kitchen Display',
      expect.stringContaining('journal locked'),
    )
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(BrowserWindow.all).toHaveLength(0)
  })
})

describe('quitting', () => {
  it('quits when the last window closes, except on macOS', async () => {
    runningCore()
    await startTheApp()
    setPlatform('darwin')
    app.emit('window-all-closed')
    expect(app.quit).not.toHaveBeenCalled()
    setPlatform('linux')
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalledTimes(1)
  })

  it('waits for core.close() before letting the app quit, once', async () => {
    const core = runningCore()
    await startTheApp()
    expect(emitPreventable('will-quit')).toBe(true)
    expect(core.close).toHaveBeenCalledTimes(1)
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(false)
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(emitPreventable('will-quit')).toBe(false)
    expect(core.close).toHaveBeenCalledTimes(1)
  })
})

/** Asks the request handler as the window's own page (the built renderer) would. */
async function ask(name: string, args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(KDS_CHANNELS.request)
  const senderFrame = BrowserWindow.all[0]?.webContents.mainFrame
  const location = rendererLocation(false, {})
  if (senderFrame === undefined || location.kind !== 'file') throw new Error('no window')
  senderFrame.url = pathToFileURL(location.path).href
  return handler?.({ senderFrame }, { id: 1, name, args })
}

function managedConfig(config: unknown): Record<string, string> {
  const file = join(userData, 'config.json')
  writeFileSync(file, JSON.stringify(config))
  return { KDS_CONFIG_FILE: file }
}

describe('the log', () => {
  it('goes to data/logs/kds.log in userData as well as to the console, for the core too', async () => {
    runningCore()
    const log = fakeLog()
    await startTheApp({ log })
    const options = start.mock.calls[0]?.[0] as KdsCoreOptions
    options.log?.warn('journal replayed', { orders: 3 })
    expect(log.warn).toHaveBeenCalledWith('journal replayed', { orders: 3 })
    const file = readFileSync(join(userData, 'data', 'logs', 'kds.log'), 'utf8')
    expect(file).toContain('"message":"journal replayed","orders":3')
  })
})

describe('the managed configuration', () => {
  it('opens a kiosk window on its view, keeps the display awake, and starts at login', async () => {
    runningCore()
    app.isPackaged = true
    setPlatform('win32')
    await startTheApp({ env: managedConfig({ kiosk: true, view: 'dispatch', startAtLogin: true }) })
    const window = BrowserWindow.all[0]
    expect(window?.options).toMatchObject({ kiosk: true, fullscreen: true })
    expect(window?.loadFile).toHaveBeenCalledWith(expect.any(String), {
      query: { view: 'dispatch' },
    })
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep')
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true })
  })

  it('wins over the stored settings; a change to a managed key is refused', async () => {
    const core = runningCore()
    const tokenFile = join(userData, 'token')
    writeFileSync(tokenFile, 'file-token\n')
    await startTheApp({
      env: managedConfig({ serverUrl: 'https://managed.example', tokenFile }),
      argv: ['--language=en'],
    })
    const options = start.mock.calls[0]?.[0] as KdsCoreOptions
    expect(options.settings.load()).toMatchObject({
      display: { serverUrl: 'https://managed.example', language: 'en' },
      token: 'file-token',
      tokenStorage: 'memory',
    })
    expect(await ask('updateSettings', [{ serverUrl: 'https://elsewhere.example' }])).toEqual({
      id: 1,
      ok: false,
      error: expect.stringMatching(/^"serverUrl" is set by "serverUrl" in .*config\.json/),
    })
    expect(core.updateSettings).not.toHaveBeenCalled()
  })

  it('says what is wrong on screen, naming the key, and starts with the rest', async () => {
    runningCore()
    const log = fakeLog()
    await startTheApp({ log, env: managedConfig({ kiosk: true, view: 'bar' }) })
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^"view" in .*"bar" is invalid/),
      undefined,
    )
    const window = BrowserWindow.all[0]
    expect(window?.options).toMatchObject({ kiosk: true })
    // The warning reaches the status bar through the settings the core loads.
    const options = start.mock.calls[0]?.[0] as KdsCoreOptions
    expect(options.settings.load().warnings).toEqual([expect.stringMatching(/^"view" in /)])
  })
})

describe('self-healing', () => {
  afterEach(() => vi.useRealTimers())

  it('reloads a renderer that crashed', async () => {
    runningCore()
    await startTheApp()
    vi.useFakeTimers()
    const contents = BrowserWindow.all[0]?.webContents
    contents?.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    vi.advanceTimersByTime(1_000)
    expect(contents?.reload).toHaveBeenCalledTimes(1)
  })

  it('relaunches after an uncaught error in main, counting relaunches in userData', async () => {
    runningCore()
    await startTheApp()
    errors.emit('uncaughtException', new Error('boom'))
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(app.exit).toHaveBeenCalledWith(1)
    const counted: unknown = JSON.parse(readFileSync(join(userData, 'relaunches.json'), 'utf8'))
    expect(counted).toEqual({ relaunches: [expect.any(Number)] })
  })
})
