import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KDS_CHANNELS } from '../../../electron/common/kds-api'
import { KdsCore, type KdsCoreOptions } from '../../../electron/core/kds-core'
import { startApp } from '../../../electron/main/app'
import { BrowserWindow, app, dialog, ipcMain, resetElectronMock, session } from './electron-mock'
import { fakeCore } from './fake-core'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('electron-store', async () => ({
  default: (await import('./electron-mock')).ElectronStoreOnConf,
}))
vi.mock('../../../electron/core/kds-core', () => ({ KdsCore: { start: vi.fn() } }))

const start = vi.mocked(KdsCore.start)
const startDemo = vi.fn()

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
  app.paths.set('userData', resolve('/tmp/kds-app-test'))
})
afterEach(() => setPlatform(platform))

describe('startApp', () => {
  it('starts the core in userData with the demo, then wires IPC and opens one secure window', async () => {
    runningCore()
    await startApp({ startDemo, log: fakeLog() })
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull()
    const options = start.mock.calls[0]?.[0] as KdsCoreOptions
    expect(options.dataDir).toBe(join(resolve('/tmp/kds-app-test'), 'data'))
    expect(options.startDemo).toBe(startDemo)
    expect(options.settings.load().display.serverUrl).toBeNull()
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(true)
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it('takes userData from --user-data-dir', async () => {
    runningCore()
    app.commandLine.getSwitchValue.mockImplementation((name) =>
      name === 'user-data-dir' ? 'relative/profile' : '',
    )
    await startApp({ startDemo, log: fakeLog() })
    expect(app.getPath('userData')).toBe(resolve('relative/profile'))
  })

  it('hands over to the running instance when there is one', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false)
    await startApp({ startDemo, log: fakeLog() })
    expect(app.quit).toHaveBeenCalled()
    expect(start).not.toHaveBeenCalled()
  })

  it('focuses its window when a second instance starts', async () => {
    runningCore()
    await startApp({ startDemo, log: fakeLog() })
    app.emit('second-instance')
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
    expect(BrowserWindow.all[0]?.focus).toHaveBeenCalled()
  })

  it('says why and exits when the core cannot start', async () => {
    start.mockRejectedValue(new Error('journal locked'))
    await startApp({ startDemo, log: fakeLog() })
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
    await startApp({ startDemo, log: fakeLog() })
    setPlatform('darwin')
    app.emit('window-all-closed')
    expect(app.quit).not.toHaveBeenCalled()
    setPlatform('linux')
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalledTimes(1)
  })

  it('waits for core.close() before letting the app quit, once', async () => {
    const core = runningCore()
    await startApp({ startDemo, log: fakeLog() })
    expect(emitPreventable('will-quit')).toBe(true)
    expect(core.close).toHaveBeenCalledTimes(1)
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(false)
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(emitPreventable('will-quit')).toBe(false)
    expect(core.close).toHaveBeenCalledTimes(1)
  })
})
