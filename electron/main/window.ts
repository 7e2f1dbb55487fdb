// The display's window. Its webPreferences come from security.ts and nowhere else.
import { BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../core/logger'
import type { RendererLocation } from './renderer-location'
import { SECURE_WEB_PREFERENCES } from './security'

/** The window title, also shown by the taskbar. */
export const WINDOW_TITLE = 'Kitchen Display'

/** Dark like the renderer's theme, so nothing flashes white while it loads. */
export const BACKGROUND_COLOR = '#111318'

/** The preload bundle: one CommonJS file, because a sandboxed preload cannot load ES modules. */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

/** Opens the display window on the renderer; shown once it has painted. */
export function createMainWindow(location: RendererLocation, log: Logger): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: PRELOAD_PATH },
  })
  window.once('ready-to-show', () => window.show())
  const loading =
    location.kind === 'dev' ? window.loadURL(location.url) : window.loadFile(location.path)
  loading.catch((error: unknown) => {
    log.error('the renderer did not load', { error: String(error) })
    // A window that never shows looks like an app that never started.
    if (!window.isDestroyed()) window.show()
  })
  return window
}
