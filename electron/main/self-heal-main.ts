// Self-healing of the main process. An uncaught error leaves main in a state nobody planned for,
// so it is logged and the app starts afresh (the journal gives the board back). Relaunches are
// counted in a small file in userData, across processes: past a few in a short time the fault is
// not passing, and relaunching again would only hide it, so the app says so and stays down.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../core/logger'

/** The relaunch file's content. */
const HistorySchema = z.object({ relaunches: z.array(z.number()) })

export interface RelaunchPolicy {
  /** At most this many relaunches (default 3)... */
  max: number
  /** ...within this long (default 5 minutes). */
  windowMs: number
}

export const DEFAULT_RELAUNCH_POLICY: RelaunchPolicy = { max: 3, windowMs: 5 * 60_000 }

/** Whether to relaunch now, given the earlier relaunch times; and the times to remember. */
export function relaunchDecision(
  history: readonly number[],
  now: number,
  policy: RelaunchPolicy = DEFAULT_RELAUNCH_POLICY,
): { relaunch: boolean; history: number[] } {
  const recent = history.filter((time) => time <= now && now - time < policy.windowMs)
  return recent.length >= policy.max
    ? { relaunch: false, history: recent }
    : { relaunch: true, history: [...recent, now] }
}

/** The process events the guard listens to (process itself, or a stand-in in tests). */
export interface ErrorSource {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown
  off(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): unknown
}

export interface CrashGuardOptions {
  app: { relaunch(): void; exit(code?: number): void }
  log: Logger
  /** The relaunch file, in userData. */
  stateFile: string
  /** Tells a person why the app stays down (a dialog); called before exiting. */
  onGiveUp: (message: string) => void
  policy?: RelaunchPolicy
  source?: ErrorSource
  now?: () => number
}

function readHistory(file: string): number[] {
  try {
    const parsed = HistorySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data.relaunches : []
  } catch {
    return []
  }
}

function writeHistory(file: string, relaunches: number[], log: Logger): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify({ relaunches }))
  } catch (error) {
    // Unrecorded, a crash loop would relaunch forever; but stopping here would be worse.
    log.error('cannot record the relaunch', { file, error: String(error) })
  }
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)

/** Logs every uncaught error in main, then relaunches (or gives up) and exits; returns the undo. */
export function installCrashGuard(options: CrashGuardOptions): () => void {
  const { app, log, stateFile, onGiveUp, policy, source = process, now = Date.now } = options
  let exiting = false
  const handle = (kind: string) => (error: unknown) => {
    log.error(`${kind} in the main process`, { error: describe(error) })
    // A second error while the first is handled is logged, not acted on twice.
    if (exiting) return
    exiting = true
    const decision = relaunchDecision(readHistory(stateFile), now(), policy)
    writeHistory(stateFile, decision.history, log)
    if (decision.relaunch) {
      log.warn('relaunching the app', { relaunchesInWindow: decision.history.length })
      app.relaunch()
    } else {
      const minutes = Math.round((policy ?? DEFAULT_RELAUNCH_POLICY).windowMs / 60_000)
      const message =
        `The display stopped on an error again after restarting itself ` +
        `${decision.history.length} times within ${minutes} minutes, so it was not restarted. ` +
        'The log in its data folder says why.'
      log.error('not relaunching: too many relaunches in a short time', {
        relaunches: decision.history.length,
      })
      onGiveUp(message)
    }
    app.exit(1)
  }
  const onException = handle('an uncaught exception')
  const onRejection = handle('an unhandled promise rejection')
  source.on('uncaughtException', onException)
  source.on('unhandledRejection', onRejection)
  return () => {
    source.off('uncaughtException', onException)
    source.off('unhandledRejection', onRejection)
  }
}
