// What `npm start` says while it provisions Electron, and when it cannot.
import type { InstallProgress } from './provision'

const MB = 1024 * 1024
const mb = (bytes: number) => (bytes / MB).toFixed(1)

/** One line of progress: the download (of its size when known), then the unpacking. */
export function progressText(version: string, progress: InstallProgress): string {
  if (progress.unpacked > 0) return `Unpacking Electron ${version}: ${mb(progress.unpacked)} MB`
  const of = progress.total === null ? '' : ` of ${mb(progress.total)}`
  return `Downloading Electron ${version} (once, on the first start): ${mb(progress.downloaded)}${of} MB`
}

/** One sentence: why there is no desktop app, what starts instead, and what to do about it. */
export function fallbackSentence(version: string, reason: string): string {
  return (
    `Electron ${version} could not be installed (${reason}), so the browser shell starts instead; ` +
    'for the desktop app, set ELECTRON_MIRROR to a mirror you can reach, or a proxy ' +
    '(HTTPS_PROXY with ELECTRON_GET_USE_PROXY=1), or run `npx install-electron` by hand, ' +
    'then `npm start` again.'
  )
}
