// The file behind an intent queue: every record written and synced before the call returns (an
// intent is on disk before it is tried), replayed on open, rewritten atomically to drop history.
import { join } from 'node:path'
import type { z } from 'zod'
import { nodeJournalFs, type JournalFs } from '../journal-fs'
import {
  intentLine,
  intentSnapshotLines,
  replayIntents,
  type Intent,
  type IntentRecord,
  type ReplayedIntents,
} from './intent-records'

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

const hasCode = (error: unknown, code: string): boolean =>
  error instanceof Error && 'code' in error && error.code === code

/** Past this many lines beyond what the live intents need, the file is rewritten. */
const SLACK_LINES = 500

/** The journal file of one queue, `intents-<name>.jsonl` in the data directory. */
export class IntentFile {
  readonly path: string
  private fd: number | null = null
  private lines = 0

  constructor(
    private readonly dir: string,
    name: string,
    private readonly fs: JournalFs = nodeJournalFs,
  ) {
    this.path = join(dir, `intents-${name}.jsonl`)
  }

  /** Reads what the file holds (nothing when it does not exist yet). */
  read<P>(schema: z.ZodType<P>): ReplayedIntents<P> {
    this.fs.mkdirSync(this.dir, { recursive: true })
    let bytes: Uint8Array
    try {
      bytes = this.fs.readFileSync(this.path)
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw error
      bytes = new Uint8Array(0)
    }
    return replayIntents(Buffer.from(bytes).toString('utf8'), schema)
  }

  /** Appends one record and syncs it to the device; throws, naming the file, when it cannot. */
  append(record: IntentRecord): void {
    try {
      this.fd ??= this.fs.openSync(this.path, 'a')
      this.writeAll(this.fd, intentLine(record))
      this.fs.fdatasyncSync(this.fd)
      this.lines += 1
    } catch (error) {
      throw new Error(`cannot write the intent journal ${this.path}: ${reasonOf(error)}`, {
        cause: error,
      })
    }
  }

  /** Whether the history outgrew the intents it describes. */
  needsRewrite(live: number): boolean {
    return this.lines > SLACK_LINES + 4 * live
  }

  /** Replaces the file with the lines that recreate `intents` (temp file, fsync, rename). */
  rewrite<P>(intents: Iterable<Intent<P>>): void {
    const temp = `${this.path}.tmp`
    let text = ''
    let lines = 0
    for (const intent of intents) {
      const chunk = intentSnapshotLines(intent)
      text += chunk
      lines += chunk.split('\n').length - 1
    }
    const fd = this.fs.openSync(temp, 'w')
    try {
      this.writeAll(fd, text)
      this.fs.fsyncSync(fd)
    } finally {
      this.fs.closeSync(fd)
    }
    // Windows refuses to replace a file that is open, so let go of it across the rename.
    this.closeFd()
    this.fs.renameSync(temp, this.path)
    this.lines = lines
  }

  close(): void {
    this.closeFd()
  }

  private closeFd(): void {
    if (this.fd !== null) this.fs.closeSync(this.fd)
    this.fd = null
  }

  private writeAll(fd: number, text: string): void {
    const bytes = Buffer.from(text)
    for (let done = 0; done < bytes.length;) done += this.fs.writeSync(fd, bytes, done)
  }
}
