// The app's lifecycle: one instance, one window, the core started once and closed on quit.
import { BrowserWindow, app, dialog, safeStorage, session } from 'electron'
import { join, resolve } from 'node:path'
import { KdsCore, type DemoServer } from '../core/kds-core'
import type { Logger } from '../core/logger'
import { registerIpc } from './ipc'
import { rendererLocation } from './renderer-location'
import { hardenSession, installAppSecurity } from './security'
import { electronSettingsBackend } from './settings-store'
import { WINDOW_TITLE, createMainWindow } from './window'

export interface AppOptions {
  /** Starts the bundled reference server, for demo mode. */
  startDemo: () => Promise<DemoServer>
  log: Logger
}

/** Starts the Electron shell; resolves once the window is open (or the app is quitting). */
export async function startApp({ startDemo, log }: AppOptions): Promise<void> {
  useUserDataDirSwitch()
  const location = rendererLocation(app.isPackaged)
  installAppSecurity(app, location, log)
  // A second instance would write the same journal; it hands over to the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  let core: KdsCore | null = null
  let disposeIpc = () => {}
  let closed = false
  const windows = () => BrowserWindow.getAllWindows()
  const openWindow = () => windows()[0] ?? createMainWindow(location, log)

  app.on('second-instance', () => {
    if (core === null) return
    const window = openWindow()
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core !== null) openWindow()
  })
  // Quitting waits for the core to close, so the journal is flushed and the demo server stopped.
  app.on('will-quit', (event) => {
    if (core === null || closed) return
    event.preventDefault()
    const closing = core
    core = null
    disposeIpc()
    closing
      .close()
      .catch((error: unknown) =>
        log.error('the core did not close cleanly', { error: String(error) }),
      )
      .finally(() => {
        closed = true
        app.quit()
      })
  })

  await app.whenReady()
  hardenSession(session.defaultSession, log)
  const userData = app.getPath('userData')
  try {
    core = await KdsCore.start({
      dataDir: join(userData, 'data'),
      settings: electronSettingsBackend({ dir: userData, cipher: safeStorage, log }),
      startDemo,
      log,
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    log.error('the core did not start', { error: reason })
    dialog.showErrorBox(WINDOW_TITLE, `The display could not start: ${reason}`)
    app.exit(1)
    return
  }
  disposeIpc = registerIpc({ core, windows, location, log })
  openWindow()
}

/** Honours `--user-data-dir=<dir>` (tests, side-by-side profiles) before anything reads userData. */
function useUserDataDirSwitch(): void {
  const dir = app.commandLine.getSwitchValue('user-data-dir')
  if (dir !== '') app.setPath('userData', resolve(dir))
}
