// A structured log file in the data directory: one JSON object a line, rotated by size so a
// display that runs for months never fills its disk. Logging must never stop the display: a log
// that cannot be written falls back to stderr and says so once.
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { LogFields, Logger } from './logger'

export interface FileLoggerOptions {
  /** Rotate when the file grows past this (default 2 MiB). */
  maxBytes?: number
  /** How many rotated files to keep (default 4: kds.1.log … kds.4.log). */
  keep?: number
  now?: () => number
  /** Where a line goes when the file cannot be written (default stderr). */
  fallback?: (line: string) => void
}

export const LOG_FILE = 'kds.log'

/** A Logger that appends JSON lines to `<dir>/kds.log`, rotating it by size. */
export function createFileLogger(dir: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024
  const keep = options.keep ?? 4
  const now = options.now ?? Date.now
  const fallback = options.fallback ?? ((line: string) => process.stderr.write(line))
  const file = join(dir, LOG_FILE)
  let size = existsSync(file) ? statSync(file).size : 0
  let failing = false

  const rotate = () => {
    rmSync(join(dir, `kds.${keep}.log`), { force: true })
    for (let i = keep - 1; i >= 1; i -= 1) {
      const from = join(dir, `kds.${i}.log`)
      if (existsSync(from)) renameSync(from, join(dir, `kds.${i + 1}.log`))
    }
    renameSync(file, join(dir, 'kds.1.log'))
    size = 0
  }

  const write = (level: string, message: string, fields?: LogFields) => {
    const line = `${JSON.stringify({ time: new Date(now()).toISOString(), level, message, ...fields })}\n`
    try {
      mkdirSync(dir, { recursive: true })
      if (size > 0 && size + line.length > maxBytes) rotate()
      appendFileSync(file, line)
      size += Buffer.byteLength(line)
      failing = false
    } catch (error) {
      if (!failing) fallback(`cannot write the log ${file}: ${String(error)}\n`)
      failing = true
      fallback(line)
    }
  }
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  }
}

/** A Logger that writes to every one of `loggers`. */
export function teeLogger(...loggers: Logger[]): Logger {
  return {
    info: (message, fields) => loggers.forEach((log) => log.info(message, fields)),
    warn: (message, fields) => loggers.forEach((log) => log.warn(message, fields)),
    error: (message, fields) => loggers.forEach((log) => log.error(message, fields)),
  }
}
