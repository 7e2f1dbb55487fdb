// The app's lifecycle: one instance, one window, the core started once and closed on quit; the
// managed configuration applied, the log written to userData, and both processes self-healing.
import { BrowserWindow, app, dialog, powerSaveBlocker, safeStorage, session } from 'electron'
import { join, resolve } from 'node:path'
import { createFileLogger, teeLogger } from '../core/file-logger'
import { KdsCore, type DemoServer } from '../core/kds-core'
import type { Logger } from '../core/logger'
import { registerIpc } from './ipc'
import { chosenHub, forgetHubChoice, readHubChoice } from './hub-choice'
import { hubScreenExit } from './hub-screen-exit'
import { withHubScreen } from './hub-screen-host'
import { followLanSetting } from './lan-serve'
import { serveHub } from '../web/hub-host'
import { applyStartAtLogin } from './login-item'
import { managedSettingsBackend } from '../core/managed-backend'
import { loadManagedSettings } from '../core/managed-settings-load'
import { systemPrinter } from './system-printer'
import { rendererLocation, type RendererLocation } from './renderer-location'
import { hardenSession, installAppSecurity } from './security'
import { installCrashGuard, type ErrorSource } from './self-heal-main'
import { watchRenderer } from './self-heal-renderer'
import { guardSettings } from '../core/settings-guard'
import { createSettingsLock } from '../core/settings-pin'
import { electronSettingsBackend } from './settings-store'
import { watchTokenFile } from '../core/token-file-watch'
import { WINDOW_TITLE, createMainWindow, createViewWindow } from './window'

/** The file in userData that counts recent relaunches after a crash. */
export const RELAUNCH_FILE = 'relaunches.json'

export interface AppOptions {
  /** Starts the bundled reference server, for demo mode. */
  startDemo: () => Promise<DemoServer>
  /** The console; the log file in userData is added to it. */
  log: Logger
  /** Where the managed flags and variables are read (default: this process's). */
  argv?: readonly string[]
  env?: Readonly<Record<string, string | undefined>>
  /** Where uncaught errors are heard (default: process; tests pass a stand-in). */
  errors?: ErrorSource
}

/** Starts the Electron shell; resolves once the window is open (or the app is quitting). */
export async function startApp(options: AppOptions): Promise<void> {
  const { startDemo, argv = process.argv, env = process.env } = options
  useUserDataDirSwitch()
  const userData = app.getPath('userData')
  const log = teeLogger(options.log, createFileLogger(join(userData, 'data', 'logs')))
  const managed = loadManagedSettings({ argv, env })
  const { kiosk, view, layout, startAtLogin, tokenFile } = managed.config
  // A screen of a hub (the managed hubUrl, else the settings' stored choice): the hub's page is
  // "our page", and this process runs no core of its own.
  const stored = readHubChoice(userData)
  const hub = chosenHub(managed, stored.choice)
  const location: RendererLocation =
    hub === null ? rendererLocation(app.isPackaged) : { kind: 'hub', url: hub.url }
  // Another view of the board for a second monitor: a window of our own, self-healing like the first.
  installAppSecurity(app, location, log, (url) => {
    watchRenderer(createViewWindow(location, log, url), { log })
  })
  // A second instance would write the same journal; it hands over to the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  installCrashGuard({
    app,
    log,
    stateFile: join(userData, RELAUNCH_FILE),
    onGiveUp: (message) => dialog.showErrorBox(WINDOW_TITLE, message),
    ...(options.errors === undefined ? {} : { source: options.errors }),
  })
  for (const warning of managed.warnings) log.warn(warning)
  if (stored.warning !== null) log.warn(stored.warning)

  let core: KdsCore | null = null
  // A screen of a hub has no core; its window may be reopened once the app is ready.
  let screenReady = false
  let dispose = () => {}
  let closing: Promise<void> | null = null
  let closed = false
  /** Closes the core once (journal flushed, demo server stopped), however many ask. */
  const closeCore = (): Promise<void> => {
    if (closing !== null) return closing
    const running = core
    core = null
    if (running === null) return Promise.resolve()
    dispose()
    closing = running
      .close()
      .catch((error: unknown) =>
        log.error('the core did not close cleanly', { error: String(error) }),
      )
    return closing
  }
  /** Starts the app again (into the mode now stored), once the core has closed. */
  const relaunch = () => {
    app.relaunch()
    void closeCore().finally(() => app.exit(0))
  }
  const exit =
    hub === null
      ? null
      : hubScreenExit({
          hub,
          leave: () => {
            forgetHubChoice(userData)
            relaunch()
          },
          quit: () => app.quit(),
          log,
        })
  const windows = () => BrowserWindow.getAllWindows()
  const openWindow = () => {
    const open = windows()[0]
    if (open !== undefined) return open
    const window = createMainWindow(location, log, { kiosk, view, layout })
    watchRenderer(window, { log })
    exit?.watch(window)
    return window
  }

  app.on('second-instance', () => {
    if (core === null && !screenReady) return
    const window = openWindow()
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core !== null || screenReady) openWindow()
  })
  app.on('child-process-gone', (_event, details) => {
    log.warn('a child process is gone', { type: details.type, reason: details.reason })
  })
  // Quitting waits for the core to close, so the journal is flushed and the demo server stopped.
  app.on('will-quit', (event) => {
    if (closed || (core === null && closing === null)) return
    event.preventDefault()
    void closeCore().finally(() => {
      closed = true
      app.quit()
    })
  })

  await app.whenReady()
  hardenSession(session.defaultSession, location, log)
  if (startAtLogin !== undefined) applyStartAtLogin(startAtLogin, { app, log })
  // A wall display that dims is a display nobody reads.
  if (kiosk === true) powerSaveBlocker.start('prevent-display-sleep')
  if (location.kind === 'hub') {
    // No core, feed, demo server, IPC or LAN: the hub's page pairs and talks over its bridge,
    // and its device cookie stays in this (persistent) session.
    log.info('this app is a screen of a hub', {
      hubUrl: location.url,
      ...(hub === null || hub.managedBy === null ? {} : { managedBy: hub.managedBy }),
    })
    exit?.installMenu(() => BrowserWindow.getFocusedWindow() ?? windows()[0] ?? null)
    screenReady = true
    openWindow()
    return
  }
  try {
    core = await KdsCore.start({
      dataDir: join(userData, 'data'),
      settings: managedSettingsBackend(
        electronSettingsBackend({ dir: userData, cipher: safeStorage, log }),
        managed,
      ),
      startDemo,
      log,
      version: app.getVersion(),
      systemPrint: systemPrinter(),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    log.error('the core did not start', { error: reason })
    dialog.showErrorBox(WINDOW_TITLE, `The display could not start: ${reason}`)
    app.exit(1)
    return
  }
  const running = core
  const disposeIpc = registerIpc({
    core: guardSettings(
      withHubScreen(running, { dir: userData, log, relaunch }),
      managed,
      createSettingsLock(managed.pin),
    ),
    windows,
    location,
    log,
  })
  const stopWatching =
    tokenFile === undefined
      ? () => {}
      : watchTokenFile(tokenFile, managed.token, (token) => running.updateSettings({ token }), {
          log,
        })
  // The `lan` setting: this app as the hub of a kitchen, serving paired screens.
  const stopLan = followLanSetting({
    core: running,
    serve: (args) => serveHub({ ...args, core: running }),
    managed,
    dataDir: join(userData, 'data'),
    location,
    log,
  })
  dispose = () => {
    disposeIpc()
    stopWatching()
    void stopLan()
  }
  openWindow()
}

/** Honours `--user-data-dir=<dir>` (tests, side-by-side profiles) before anything reads userData. */
function useUserDataDirSwitch(): void {
  const dir = app.commandLine.getSwitchValue('user-data-dir')
  if (dir !== '') app.setPath('userData', resolve(dir))
}
