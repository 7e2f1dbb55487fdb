// The display's window. Its webPreferences come from security.ts (createSecureWindow) and nowhere
// else.
import type { BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../core/logger'
import type { View } from '../common/managed-config'
import type { Layout } from '../common/settings'
import { parseScreenRole } from '../common/roles'
import type { RendererLocation } from './renderer-location'
import { createSecureWindow } from './security'

/** The window title, also shown by the taskbar. */
export const WINDOW_TITLE = 'Kitchen Display'

/** Dark like the renderer's theme, so nothing flashes white while it loads. */
export const BACKGROUND_COLOR = '#111318'

/** The preload bundle: one CommonJS file, because a sandboxed preload cannot load ES modules. */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

/** How the window opens, from the managed configuration. */
export interface WindowMode {
  /** Full screen without a frame, for a wall display nobody should leave. */
  kiosk?: boolean
  /** The board to open on; handed to the page as `?view=`. */
  view?: View
  /** The kitchen board's layout; handed to a hub's page as `?layout=`. */
  layout?: Layout
}

/** Opens the display window on the renderer; shown once it has painted. */
export function createMainWindow(
  location: RendererLocation,
  log: Logger,
  mode: WindowMode = {},
): BrowserWindow {
  const kiosk = mode.kiosk === true
  const window = createSecureWindow(
    {
      title: WINDOW_TITLE,
      width: 1280,
      height: 800,
      minWidth: 640,
      minHeight: 480,
      show: false,
      backgroundColor: BACKGROUND_COLOR,
      autoHideMenuBar: true,
      // Only when asked: an explicit `fullscreen: false` hides macOS's full-screen button.
      ...(kiosk ? { kiosk: true, fullscreen: true } : {}),
    },
    // A hub's page talks to the hub over its WebSocket bridge, as a tablet's browser does.
    location.kind === 'hub' ? null : PRELOAD_PATH,
  )
  window.once('ready-to-show', () => window.show())
  const loading =
    location.kind === 'file'
      ? window.loadFile(location.path, { query: pageQuery(location, mode) })
      : window.loadURL(withQuery(location.url, pageQuery(location, mode)))
  loading.catch((error: unknown) => {
    log.error('the renderer did not load', { error: String(error) })
    // A window that never shows looks like an app that never started.
    if (!window.isDestroyed()) window.show()
  })
  return window
}

/** What the page is told by its address: our page reads `?view=`, a hub's `?screen=`, `?layout=`. */
function pageQuery(location: RendererLocation, mode: WindowMode): Record<string, string> {
  if (location.kind !== 'hub') return mode.view === undefined ? {} : { view: mode.view }
  return {
    ...(mode.view === undefined ? {} : { screen: mode.view }),
    ...(mode.layout === undefined ? {} : { layout: mode.layout }),
  }
}

/** `url` with `query` added to its search parameters. */
function withQuery(url: string, query: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [key, value] of Object.entries(query)) parsed.searchParams.set(key, value)
  return parsed.toString()
}

/**
 * The view a URL of our page asks for: `#/dispatch` the dispatcher's, another hash the kitchen,
 * no hash its `?screen=` or `?view=` (as the renderer reads them).
 */
export function viewOfUrl(url: string): View {
  const parsed = new URL(url)
  if (parsed.hash !== '' && parsed.hash !== '#') {
    return parsed.hash === '#/dispatch' ? 'dispatch' : 'kitchen'
  }
  // `?screen=` (a kitchen of screens) wins over `?view=`, as in the renderer.
  const { searchParams } = parsed
  return (
    parseScreenRole(searchParams.get('screen')) ??
    parseScreenRole(searchParams.get('view')) ??
    'kitchen'
  )
}

/**
 * Another window on the same board, for a second monitor: our page in the view `url` asks for,
 * never in kiosk mode (it is moved to its screen by hand), with the same secure preferences.
 */
export function createViewWindow(
  location: RendererLocation,
  log: Logger,
  url: string,
): BrowserWindow {
  return createMainWindow(location, log, { view: viewOfUrl(url) })
}
