// The server's logging seam. The server stands alone (it may not import the core), so it keeps its
// own small interface of the same shape as the core's.

export type LogFields = Record<string, unknown>

/** Where the server reports what happened. */
export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

function line(level: string, message: string, fields?: LogFields): string {
  const extra = Object.entries(fields ?? {})
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ')
  const time = new Date().toISOString().slice(11, 19)
  return `${time} ${level.padEnd(5)} ${message}${extra === '' ? '' : ` ${extra}`}`
}

/** Human-readable lines on stderr, so stdout stays for the banner. */
export const stderrLogger: Logger = {
  info: (message, fields) => console.error(line('info', message, fields)),
  warn: (message, fields) => console.error(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
}

/** Drops everything; for tests. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
