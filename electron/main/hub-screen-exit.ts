// The way back from being a screen of a hub. The window shows the hub's page, with no preload and
// no IPC of ours, so main offers it: a menu item and Ctrl+Shift+H (heard before the page, so also
// in kiosk mode, where no menu shows) ask to leave; and when the hub's page does not load, a
// dialog says so, retries on its own, and offers to leave. Leaving forgets the stored choice and
// relaunches; a hub set by the administrator is not left from here, and the dialog says so.
import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { Logger } from '../core/logger'
import type { ChosenHub } from './hub-choice'
import { hubScreenText, type HubScreenTextKey } from './hub-screen-text'
import { isAppUrl } from './renderer-location'

/** The accelerator of «Перестать быть экраном хаба…». */
export const LEAVE_ACCELERATOR = 'CmdOrCtrl+Shift+H'

/** How long the unreachable hub waits between tries of its own (default 10 s). */
export const HUB_RETRY_MS = 10_000

/** Chromium's ERR_ABORTED: a load replaced by another one, not a hub that is away. */
const ERR_ABORTED = -3

export interface HubScreenExitOptions {
  hub: ChosenHub
  /** Forgets the stored choice and relaunches the app as a display of its own. */
  leave: () => void
  /** Quits the app (the way out of an unreachable hub the administrator set). */
  quit: () => void
  log: Logger
  retryMs?: number
}

/** The way back, once for the app; `watch` then follows each window of the hub's page. */
export function hubScreenExit(options: HubScreenExitOptions) {
  const { hub, leave, quit, log, retryMs = HUB_RETRY_MS } = options
  const text = (key: HubScreenTextKey, values: Record<string, string | number> = {}) =>
    hubScreenText(hub.language, key, { url: hub.url, ...values })
  const location = { kind: 'hub', url: hub.url } as const
  let asking = false

  /** Asks whether to stop being a screen of the hub; leaves when confirmed. */
  async function offerLeave(window: BrowserWindow | null): Promise<void> {
    if (asking) return
    asking = true
    try {
      const options =
        hub.managedBy === null
          ? {
              type: 'question' as const,
              message: text('leaveQuestion'),
              detail: text('leaveDetail'),
              buttons: [text('leave'), text('cancel')],
              defaultId: 1,
              cancelId: 1,
            }
          : {
              type: 'info' as const,
              message: text('managed', { origin: hub.managedBy }),
              detail: text('managedDetail'),
              buttons: [text('ok')],
            }
      const { response } = await (window === null
        ? dialog.showMessageBox(options)
        : dialog.showMessageBox(window, options))
      if (hub.managedBy === null && response === 0) {
        log.info('this app stops being a screen of a hub', { hubUrl: hub.url })
        leave()
      }
    } finally {
      asking = false
    }
  }

  /** The application menu: the usual ones, and «Экран хаба» with the way back. */
  function installMenu(focused: () => BrowserWindow | null): void {
    const template: MenuItemConstructorOptions[] = [
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      {
        label: text('menu'),
        submenu: [
          {
            label: text('leaveItem'),
            accelerator: LEAVE_ACCELERATOR,
            click: () => void offerLeave(focused()),
          },
        ],
      },
      { role: 'windowMenu' },
    ]
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  /** Follows a window of the hub's page: the key, and a page that did not load. */
  function watch(window: BrowserWindow): void {
    const contents = window.webContents
    let retry: ReturnType<typeof setTimeout> | null = null
    let prompt: AbortController | null = null
    let target = hub.url

    const load = () => {
      if (retry !== null) clearTimeout(retry)
      retry = null
      if (window.isDestroyed()) return
      // A failed load rejects, and did-fail-load says the rest.
      window.loadURL(target).catch(() => {})
    }
    const unreachable = async (reason: string) => {
      retry ??= setTimeout(load, retryMs)
      if (prompt !== null || window.isDestroyed()) return
      // A page that never loaded never showed its window: a dialog on a hidden one is lost.
      if (!window.isVisible()) window.show()
      const controller = new AbortController()
      prompt = controller
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        message: text('unreachable'),
        detail: text('unreachableDetail', { reason, seconds: Math.round(retryMs / 1000) }),
        buttons: [text('retry'), text(hub.managedBy === null ? 'leaveNow' : 'quit')],
        defaultId: 0,
        cancelId: 0,
        signal: controller.signal,
      })
      prompt = null
      // Closed because the page came after all: nothing to do.
      if (controller.signal.aborted) return
      if (response === 0) load()
      else if (hub.managedBy === null) leave()
      else quit()
    }

    contents.on('before-input-event', (event, input) => {
      const key = input.key.toLowerCase()
      if (input.type !== 'keyDown' || !input.shift || input.alt || key !== 'h') return
      if (!input.control && !input.meta) return
      event.preventDefault()
      void offerLeave(window)
    })
    contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      if (!isMainFrame || code === ERR_ABORTED) return
      // Tried again where it failed, when that is within the hub; the hub's address otherwise.
      target = isAppUrl(location, url) ? url : hub.url
      log.warn("the hub's page did not load", { hubUrl: hub.url, code, error: description })
      void unreachable(`${description} ${code}`)
    })
    // The hub's page committed (Chromium's error page, after did-fail-load, does not say this).
    contents.on('did-navigate', () => {
      if (retry !== null) clearTimeout(retry)
      retry = null
      prompt?.abort()
    })
    window.once('closed', () => {
      if (retry !== null) clearTimeout(retry)
      prompt?.abort()
    })
  }

  return { installMenu, watch, offerLeave }
}
