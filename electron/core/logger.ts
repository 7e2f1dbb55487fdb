// The core's logging seam. Issue 4 puts a rotating file behind it; until then it writes to stderr.

export type LogFields = Record<string, unknown>

/** Where the core reports what happened; every call is one structured line. */
export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

function line(level: string, message: string, fields?: LogFields): string {
  return JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })
}

/** Writes JSON lines to stderr. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.error(line('info', message, fields)),
  warn: (message, fields) => console.error(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
}

/** Drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
