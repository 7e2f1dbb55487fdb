// Self-healing of the display's renderer. A crashed renderer is reloaded, after a pause that
// doubles with each crash in a row (capped), so a page that crashes while loading does not spin;
// a hung one is killed after a grace period, which reloads it the same way. The board itself
// lives in the core, so a reloaded page asks for a snapshot and shows everything again.
import type { BrowserWindow, Event, RenderProcessGoneDetails } from 'electron'
import type { Logger } from '../core/logger'

export interface RendererWatchdogOptions {
  log: Logger
  /** How long the page may be unresponsive before it is killed and reloaded (default 15 s). */
  hangMs?: number
  /** The pause before the first reload after a crash (default 1 s); doubled each crash after. */
  firstDelayMs?: number
  /** The longest pause (default 1 minute). */
  maxDelayMs?: number
  /** A renderer that lived this long was healthy: the pause starts over (default 1 minute). */
  stableMs?: number
  now?: () => number
}

/** Watches `window`'s renderer and heals it; returns the undo. */
export function watchRenderer(window: BrowserWindow, options: RendererWatchdogOptions): () => void {
  const { log, hangMs = 15_000, firstDelayMs = 1_000, maxDelayMs = 60_000 } = options
  const { stableMs = 60_000, now = Date.now } = options
  const contents = window.webContents
  let crashes = 0
  let lastCrashAt = Number.NEGATIVE_INFINITY
  let reloadTimer: ReturnType<typeof setTimeout> | undefined
  let hangTimer: ReturnType<typeof setTimeout> | undefined

  const onGone = (_event: Event, details: RenderProcessGoneDetails) => {
    clearTimeout(hangTimer)
    hangTimer = undefined
    if (window.isDestroyed()) return
    if (now() - lastCrashAt > stableMs) crashes = 0
    lastCrashAt = now()
    crashes += 1
    const delayMs = Math.min(firstDelayMs * 2 ** (crashes - 1), maxDelayMs)
    log.error('the renderer is gone; reloading it', {
      reason: details.reason,
      exitCode: details.exitCode,
      crashesInARow: crashes,
      delayMs,
    })
    clearTimeout(reloadTimer)
    reloadTimer = setTimeout(() => {
      if (!window.isDestroyed()) contents.reload()
    }, delayMs)
  }
  const onUnresponsive = () => {
    if (hangTimer !== undefined) return
    log.warn('the renderer is not responding', { graceMs: hangMs })
    hangTimer = setTimeout(() => {
      hangTimer = undefined
      if (window.isDestroyed()) return
      log.error('the renderer stayed unresponsive; restarting it', { afterMs: hangMs })
      // Ends with render-process-gone (reason "killed"), which reloads it in a new process.
      contents.forcefullyCrashRenderer()
    }, hangMs)
  }
  const onResponsive = () => {
    if (hangTimer === undefined) return
    clearTimeout(hangTimer)
    hangTimer = undefined
    log.info('the renderer is responding again')
  }

  contents.on('render-process-gone', onGone)
  contents.on('unresponsive', onUnresponsive)
  contents.on('responsive', onResponsive)
  const dispose = () => {
    clearTimeout(reloadTimer)
    clearTimeout(hangTimer)
    if (contents.isDestroyed()) return
    contents.off('render-process-gone', onGone)
    contents.off('unresponsive', onUnresponsive)
    contents.off('responsive', onResponsive)
  }
  window.once('closed', dispose)
  return dispose
}
