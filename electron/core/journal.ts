// The journal: the board's changes on disk. Each change is written at once (a crash or kill -9 of
// the display loses none), and synced to the device in groups: one fdatasync for every change of
// a SYNC_WINDOW_MS window while changes flow, none while idle, and a last one on close. So a
// power cut loses at most the changes of the last window (plus the time one sync takes), which
// the restart catches up like any gap. Plain Node, no Electron; the file operations go through
// one seam (journal-fs.ts); the line format and replay are in journal-records.ts.
import { constants } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_RETENTION_MS, isExpired, type BoardEvent, type BoardOrder } from '../common/board'
import { nodeJournalFs, type JournalFs } from './journal-fs'
import { describeSkipped, eventLine, replay, snapshotText } from './journal-records'
import { consoleLogger, type Logger } from './logger'

/** How long a change may wait in the OS's cache before the journal syncs it to the device. */
export const SYNC_WINDOW_MS = 25

/** How a journal keeps time and what it keeps. */
export interface JournalOptions {
  /** Finished orders unchanged for longer than this are compacted away; default 24 hours. */
  retentionMs?: number
  now?: () => number
  log?: Logger
  /** The file system (default node:fs); tests simulate power cuts through it. */
  fs?: JournalFs
  /** Called when syncing to the device failed: the changes are written but may not survive. */
  onSyncError?: (message: string) => void
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

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

const hasCode = (error: unknown, code: string): boolean =>
  error instanceof Error && 'code' in error && error.code === code

function readIfExists(fs: JournalFs, file: string): Uint8Array {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return new Uint8Array(0)
    throw error
  }
}

function writeAll(fs: JournalFs, fd: number, text: string): void {
  const bytes = Buffer.from(text)
  for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done)
}

/** Makes a rename durable where the platform allows it; Windows cannot open a directory. */
function fsyncDir(fs: JournalFs, dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // best effort: the rename itself is already atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/** An append-only file of board changes in a data directory, replayed on open. */
export class Journal {
  private fd: number | null = null
  private closed = false
  /** A failed write may have left part of a line; the next one must start on a fresh line. */
  private midLine = false
  /** When the oldest change not yet synced was written, or null when all are. */
  private unsyncedSince: number | null = null
  private syncTimer: ReturnType<typeof setTimeout> | null = null
  private syncing = false
  /** The file holds changes after its snapshot that a compaction would fold in (see recover). */
  private compactionDue = false

  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly retentionMs: number,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly fs: JournalFs,
    private readonly onSyncError: (message: string) => void,
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
      options.fs ?? nodeJournalFs,
      options.onSyncError ?? (() => {}),
    )
    try {
      return { journal, recovered: journal.recover() }
    } catch (error) {
      journal.close()
      throw new Error(`cannot open the journal in ${dir}: ${reasonOf(error)}`, { cause: error })
    }
  }

  /** Appends one board event: written now, synced to the device within SYNC_WINDOW_MS. */
  append(event: BoardEvent): void {
    const fd = this.openFd()
    const line = eventLine(event)
    try {
      writeAll(this.fs, fd, this.midLine ? `\n${line}` : line)
      this.midLine = false
      this.unsyncedSince ??= this.now()
      this.scheduleSync()
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

  /** Whether the file still holds the changes replayed at open, not yet folded into a snapshot. */
  get needsCompaction(): boolean {
    return this.compactionDue
  }

  /** Bytes in the journal file now (for diagnostics). */
  get size(): number {
    return this.fd === null ? 0 : this.fs.fstatSync(this.fd).size
  }

  /** Syncs what is not yet on the device and closes the file; later appends and compactions throw. */
  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.syncTimer !== null) clearTimeout(this.syncTimer)
    this.syncTimer = null
    if (this.fd === null) return
    try {
      if (this.unsyncedSince !== null || this.syncing) this.fs.fdatasyncSync(this.fd)
      this.unsyncedSince = null
    } catch (error) {
      this.syncFailed(error)
    } finally {
      this.fs.closeSync(this.fd)
      this.fd = null
    }
  }

  /** Starts the window's timer, unless one is running or a sync is under way (it will). */
  private scheduleSync(): void {
    if (this.syncTimer !== null || this.syncing || this.unsyncedSince === null) return
    // The window counts from the oldest unsynced change; a clock that stepped is clamped to it.
    const waited = this.now() - this.unsyncedSince
    const delay = Math.min(Math.max(SYNC_WINDOW_MS - waited, 0), SYNC_WINDOW_MS)
    this.syncTimer = setTimeout(() => this.sync(), delay)
    // A pending sync must not keep a process alive that has nothing else to do.
    this.syncTimer.unref?.()
  }

  /** One fdatasync, off the event loop, for every change written since the last. */
  private sync(): void {
    this.syncTimer = null
    const fd = this.fd
    if (fd === null || this.closed || this.unsyncedSince === null) return
    this.unsyncedSince = null
    this.syncing = true
    this.fs.fdatasync(fd, (error) => {
      this.syncing = false
      if (this.closed) return
      if (error !== null) this.syncFailed(error)
      this.scheduleSync()
    })
  }

  private syncFailed(error: unknown): void {
    const message = `cannot sync the journal ${this.file} to disk: ${reasonOf(error)}`
    this.log.error('the journal is written but not synced; a power cut may lose changes', {
      message,
    })
    this.onSyncError(message)
  }

  private checkOpen(): void {
    if (this.closed) throw new Error(`the journal ${this.file} is closed`)
  }

  private openFd(): number {
    this.checkOpen()
    this.fd ??= this.fs.openSync(this.file, 'a')
    return this.fd
  }

  private recover(): JournalRecovery {
    this.fs.mkdirSync(this.dir, { recursive: true })
    const bytes = readIfExists(this.fs, this.file)
    // A view of the bytes read, not a copy: a busy day's journal is megabytes.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    const replayed = replay(text)
    const { seq, skipped } = replayed
    const warnings = describeSkipped(skipped)
    // The rewrite below drops the skipped lines; keep the file as it was for a person to inspect.
    if (skipped.length > 0) warnings.push(`the journal as it was is kept in ${this.backup()}`)
    for (const warning of warnings) this.log.warn(warning, { file: this.file })
    const now = this.now()
    const all = [...replayed.orders.values()]
    const kept = all.filter((order) => !isExpired(order, now, this.retentionMs))
    const dropped = all.length - kept.length
    if (dropped > 0) this.log.info('journal dropped finished orders', { dropped, file: this.file })
    // Lines replay skipped (a torn tail among them) and expired orders must be gone from the file
    // before anything is appended to it, and a new journal needs its header: rewritten now. A file
    // that replays cleanly is the board as it is, so its compaction can wait until the start is
    // over (Board.open asks for it): it is off the way to the first ticket, and a kill before it
    // only means the next start replays the same lines again.
    if (skipped.length > 0 || dropped > 0 || !replayed.header) {
      this.rewrite(kept, seq)
    } else {
      // A whole last line whose newline was never written: the next append starts a fresh one.
      this.midLine = text.length > 0 && !text.endsWith('\n')
      this.compactionDue = replayed.events > 0
    }
    return { orders: kept, seq, warnings }
  }

  /** Copies the journal aside, never over an earlier copy; returns the copy's path. */
  private backup(): string {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-')
    for (let attempt = 1; ; attempt += 1) {
      const suffix = attempt === 1 ? '' : `-${attempt}`
      const target = join(this.dir, `journal.corrupt-${stamp}${suffix}.jsonl`)
      try {
        this.fs.copyFileSync(this.file, target, constants.COPYFILE_EXCL)
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
    const fd = this.fs.openSync(temp, 'w')
    try {
      writeAll(this.fs, fd, snapshotText(kept, seq))
      this.fs.fsyncSync(fd)
    } finally {
      this.fs.closeSync(fd)
    }
    // Windows refuses to replace a file that is open, so let go of it across the rename.
    if (this.fd !== null) this.fs.closeSync(this.fd)
    this.fd = null
    this.fs.renameSync(temp, this.file)
    fsyncDir(this.fs, this.dir)
    // The snapshot holds every change so far, synced: nothing is left waiting for the window.
    this.unsyncedSince = null
    this.midLine = false
    this.compactionDue = false
    this.openFd()
    return { kept, dropped: all.length - kept.length }
  }
}
