// The journal: the board's changes on disk, so a restart, a crash or a power cut loses nothing the
// display had shown. Plain Node, no Electron. The line format and replay are in journal-records.ts.
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_RETENTION_MS, isExpired, type BoardEvent, type BoardOrder } from '../common/board'
import { eventLine, replay, snapshotText, type SkippedLine } from './journal-records'
import { consoleLogger, type Logger } from './logger'

/** How a journal keeps time and what it keeps. */
export interface JournalOptions {
  /** Finished orders unchanged for longer than this are compacted away; default 24 hours. */
  retentionMs?: number
  now?: () => number
  log?: Logger
}

/** What `Journal.open` found on disk. */
export interface JournalRecovery {
  /** The board rebuilt from disk, after dropping expired finished orders. */
  orders: BoardOrder[]
  /** The highest seq seen; 0 for a new journal. */
  seq: number
  /** Human-readable problems met while reading; the journal is usable regardless. */
  warnings: string[]
}

export const JOURNAL_FILE = 'journal.jsonl'
/** Past this many, skipped lines are counted rather than listed: a garbage file is one problem. */
const MAX_LINE_WARNINGS = 10

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

const hasCode = (error: unknown, code: string): boolean =>
  error instanceof Error && 'code' in error && error.code === code

function readIfExists(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return Buffer.alloc(0)
    throw error
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text)
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done)
}

/** Makes a rename durable where the platform allows it; Windows cannot open a directory. */
function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // best effort: the rename itself is already atomic
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function describeSkipped(skipped: SkippedLine[]): string[] {
  const listed = skipped
    .slice(0, MAX_LINE_WARNINGS)
    .map(({ line, reason, torn }) =>
      torn
        ? `journal line ${line} is incomplete, a write cut short (${reason}); skipped`
        : `journal line ${line} is corrupt (${reason}); skipped`,
    )
  const more = skipped.length - listed.length
  return more > 0 ? [...listed, `${more} more journal lines are corrupt; skipped`] : listed
}

/** An append-only file of board changes in a data directory, replayed on open. */
export class Journal {
  private fd: number | null = null
  private closed = false
  /** A failed write may have left part of a line; the next one must start on a fresh line. */
  private midLine = false

  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly retentionMs: number,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  /** Opens (creating the directory and file when needed) and replays the journal in `dir`. */
  static open(
    dir: string,
    options: JournalOptions = {},
  ): { journal: Journal; recovered: JournalRecovery } {
    const journal = new Journal(
      dir,
      join(dir, JOURNAL_FILE),
      options.retentionMs ?? DEFAULT_RETENTION_MS,
      options.now ?? Date.now,
      options.log ?? consoleLogger,
    )
    try {
      return { journal, recovered: journal.recover() }
    } catch (error) {
      journal.close()
      throw new Error(`cannot open the journal in ${dir}: ${reasonOf(error)}`, { cause: error })
    }
  }

  /** Appends one board event durably enough for now (synchronous append of one JSON line). */
  append(event: BoardEvent): void {
    const fd = this.openFd()
    const line = eventLine(event)
    try {
      writeAll(fd, this.midLine ? `\n${line}` : line)
      this.midLine = false
    } catch (error) {
      this.midLine = true
      throw new Error(`cannot append to the journal ${this.file}: ${reasonOf(error)}`, {
        cause: error,
      })
    }
  }

  /**
   * Rewrites the file as a snapshot of `orders` at `seq`, dropping finished orders older than the
   * retention; atomic (write temp, fsync, rename). Returns how many orders were dropped.
   */
  compact(orders: Iterable<BoardOrder>, seq: number): number {
    this.checkOpen()
    try {
      return this.rewrite(orders, seq).dropped
    } catch (error) {
      throw new Error(`cannot compact the journal ${this.file}: ${reasonOf(error)}`, {
        cause: error,
      })
    }
  }

  /** Bytes in the journal file now (for diagnostics). */
  get size(): number {
    return this.fd === null ? 0 : fstatSync(this.fd).size
  }

  /** Closes the file; later appends and compactions throw. */
  close(): void {
    this.closed = true
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private checkOpen(): void {
    if (this.closed) throw new Error(`the journal ${this.file} is closed`)
  }

  private openFd(): number {
    this.checkOpen()
    this.fd ??= openSync(this.file, 'a')
    return this.fd
  }

  private recover(): JournalRecovery {
    mkdirSync(this.dir, { recursive: true })
    const bytes = readIfExists(this.file)
    const { orders, seq, skipped } = replay(bytes.toString('utf8'))
    const warnings = describeSkipped(skipped)
    // The rewrite below drops the skipped lines; keep the file as it was for a person to inspect.
    if (skipped.length > 0) warnings.push(`the journal as it was is kept in ${this.backup()}`)
    for (const warning of warnings) this.log.warn(warning, { file: this.file })
    // Rewriting on every start also ends a torn tail, so the next append begins on a fresh line.
    const { kept, dropped } = this.rewrite(orders.values(), seq)
    if (dropped > 0) this.log.info('journal dropped finished orders', { dropped, file: this.file })
    return { orders: kept, seq, warnings }
  }

  /** Copies the journal aside, never over an earlier copy; returns the copy's path. */
  private backup(): string {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-')
    for (let attempt = 1; ; attempt += 1) {
      const suffix = attempt === 1 ? '' : `-${attempt}`
      const target = join(this.dir, `journal.corrupt-${stamp}${suffix}.jsonl`)
      try {
        copyFileSync(this.file, target, constants.COPYFILE_EXCL)
        return target
      } catch (error) {
        if (!hasCode(error, 'EEXIST')) throw error
      }
    }
  }

  private rewrite(
    orders: Iterable<BoardOrder>,
    seq: number,
  ): { kept: BoardOrder[]; dropped: number } {
    const now = this.now()
    const all = [...orders]
    const kept = all.filter((order) => !isExpired(order, now, this.retentionMs))
    const temp = `${this.file}.tmp`
    const fd = openSync(temp, 'w')
    try {
      writeAll(fd, snapshotText(kept, seq))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    // Windows refuses to replace a file that is open, so let go of it across the rename.
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    renameSync(temp, this.file)
    fsyncDir(this.dir)
    this.midLine = false
    this.openFd()
    return { kept, dropped: all.length - kept.length }
  }
}
