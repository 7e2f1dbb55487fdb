// ============================================================================================
//  SECURITY. Every security measure of the Electron shell lives in this file, so a reviewer
//  reads one place: Electron's checklist as ARCHITECTURE.md applies it. Nothing here grants;
//  everything denies unless it is the app's own page.
// ============================================================================================
import { existsSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import {
  BrowserWindow,
  app as electronApp,
  shell,
  type App,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebFrameMain,
} from 'electron'
import type { Logger } from '../core/logger'
import { isAppUrl, isHttpUrl, type RendererLocation } from './renderer-location'

/**
 * Every window of the app, and the one place its webPreferences are written: isolated, sandboxed,
 * no Node. They are written out here, not spread from a constant, so that a reviewer and a
 * scanner (electronegativity, in `npm test`) read the very object Electron receives.
 */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string | null,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click would open a link in a new window; the window-open handler below denies
      // those anyway, and the display has no use for the event at all.
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker fetches dictionaries from a Google CDN; a display types almost nothing.
      spellcheck: false,
      // PRELOAD_JS_CHECK (reviewed): our own bundle, built from electron/preload; it exposes the
      // KdsApi contract through contextBridge and nothing of Node or Electron to the page. null
      // for a hub's page (a screen of a hub): a remote page gets no bridge into this process.
      ...(preload === null ? {} : { preload }),
    },
  })
}

/**
 * The CSP sent as a header on top of the renderer's own meta tag. No remote script, no eval.
 * Inline styles stay allowed because Vue binds `style` (card colours, virtual-list offsets);
 * `data:` images and fonts because Vite inlines small assets that way. 'self' also covers the
 * dev server's HMR WebSocket (CSP3 matches ws: to the page's host).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Opens our own page (another view of the board) in a new window the shell creates itself. */
export type AppWindowOpener = (url: string) => void

/** Before `ready`: every renderer sandboxed, and every WebContents hardened as it is created. */
export function installAppSecurity(
  app: App,
  location: RendererLocation,
  log: Logger,
  openAppWindow?: AppWindowOpener,
): void {
  app.enableSandbox()
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, location, log, openAppWindow),
  )
}

/**
 * Navigation only within the app, no webviews, and no window the page opens itself: our own page
 * (another view, for a second monitor) is handed to `openAppWindow`, which makes a window with the
 * same secure preferences; http/https go to the system browser; everything else is dropped.
 */
export function hardenWebContents(
  contents: WebContents,
  location: RendererLocation,
  log: Logger,
  openAppWindow?: AppWindowOpener,
): void {
  const stayHome = (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(location, event.url)) return
    event.preventDefault()
    log.warn('blocked a navigation away from the app', { url: event.url })
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('blocked a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (location.kind === 'hub') {
      // A remote page opens nothing: neither a window of ours nor the system browser.
      log.warn('blocked a window', { url })
    } else if (openAppWindow !== undefined && isAppUrl(location, url)) {
      // Denied here and made by the shell: the page never gets a handle on the new window, and the
      // window gets exactly the preferences of window.ts, not any the page asked for.
      log.info('opening another window of the app', { url })
      openAppWindow(url)
    } else if (isHttpUrl(url)) {
      // OPEN_EXTERNAL_JS_CHECK (reviewed): only http and https URLs reach the system browser, so a
      // page cannot make it run file:, smb: or a custom protocol's handler.
      shell.openExternal(url).catch((error: unknown) => {
        log.warn('could not open a link in the browser', { url, error: String(error) })
      })
    } else {
      log.warn('blocked a window', { url })
    }
    return { action: 'deny' }
  })
}

/**
 * After `ready`: the session grants no permission but full screen to its own page, adds the CSP header to every response, and
 * saves the files the page makes itself (blob: or data:, the CSV exports) to `downloadsDir`
 * without a dialog; any other download is cancelled.
 */
export function hardenSession(
  session: Session,
  location: RendererLocation,
  log: Logger,
  downloadsDir: () => string = () => electronApp.getPath('downloads'),
): void {
  session.on('will-download', (event, item) => {
    if (!/^(blob|data):/i.test(item.getURL())) {
      event.preventDefault()
      log.warn('blocked a download', { url: item.getURL() })
      return
    }
    const path = freePath(downloadsDir(), safeFileName(item.getFilename()))
    item.setSavePath(path)
    item.once('done', (_done, state) => {
      if (state === 'completed') log.info('saved a download', { path })
      else log.warn('a download did not finish', { path, state })
    })
  })
  // The one thing the display needs: its own page going full screen (the settings' switch).
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = ownsFullscreen(location, permission, details.requestingUrl)
    if (!granted) log.warn('denied a permission request', { permission })
    callback(granted)
  })
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    ownsFullscreen(location, permission, origin),
  )
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

/** Full screen for our own page only; a hub's remote page is granted nothing at all. */
function ownsFullscreen(location: RendererLocation, permission: string, url: string): boolean {
  return location.kind !== 'hub' && permission === 'fullscreen' && isAppUrl(location, url)
}

/**
 * Whether an IPC message comes from the main frame of one of our windows, showing our page.
 * Frames are matched by process and routing id, which identify a frame for its whole life.
 */
export function isTrustedSender(
  frame: WebFrameMain | null,
  windows: readonly BrowserWindow[],
  location: RendererLocation,
): boolean {
  // A hub's page is remote: no IPC answers it, whatever frame it is in.
  if (frame === null || location.kind === 'hub') return false
  const ours = windows.some((window) => {
    if (window.isDestroyed()) return false
    const main = window.webContents.mainFrame
    return main.processId === frame.processId && main.routingId === frame.routingId
  })
  return ours && isAppUrl(location, frame.url)
}

/** A file name without any directory, and without characters no file system likes. */
export function safeFileName(name: string): string {
  const clean = basename(name.replaceAll('\\', '/'))
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim()
  return clean === '' ? 'download' : clean
}

/** `dir/name`, or `dir/name (2).ext` and so on when the name is taken: nothing is overwritten. */
export function freePath(dir: string, name: string, exists = existsSync): string {
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  let path = join(dir, name)
  for (let n = 2; exists(path); n += 1) path = join(dir, `${stem} (${n})${ext}`)
  return path
}
