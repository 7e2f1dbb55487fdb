// Token rotation without a restart: the managed token file is read again every few seconds, and a
// new token reconnects the display. A file that is briefly missing or empty (being replaced)
// leaves the current token in use; the problem is logged once, the token never.
import type { Logger } from './logger'
import { readTokenFile } from './managed-settings-load'

export interface TokenFileWatchOptions {
  log: Logger
  /** How often the file is read (default 5 s). */
  intervalMs?: number
  readText?: (path: string) => string
}

/** Hands each new token in `path` to `apply`; returns the undo. */
export function watchTokenFile(
  path: string,
  initial: string | null,
  apply: (token: string) => Promise<unknown>,
  options: TokenFileWatchOptions,
): () => void {
  const { log, intervalMs = 5_000, readText } = options
  let current = initial
  let lastProblem: string | null = null
  const timer = setInterval(() => {
    const read = readTokenFile(path, readText)
    if ('problem' in read) {
      if (read.problem !== lastProblem) log.warn(`${read.problem}; keeping the current token`)
      lastProblem = read.problem
      return
    }
    lastProblem = null
    if (read.token === current) return
    current = read.token
    log.info('the token file changed; reconnecting with the new token', { file: path })
    apply(read.token).catch((error: unknown) =>
      log.error('the new token could not be applied', { error: String(error) }),
    )
  }, intervalMs)
  // Never the reason the app stays alive.
  timer.unref()
  return () => clearInterval(timer)
}
