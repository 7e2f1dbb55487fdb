// Diagnostics: the counters a person on the phone with support needs, and a file to send them.
// Built from what the core already knows; the token is never part of it (nothing here reads it).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CoreStatus, Diagnostics, Rejection } from '../common/status'
import type { FeedSession, InvalidPayload } from './order-feed'

const KEEP_REJECTIONS = 20

/** Collects what diagnostics report over the life of the core. */
export class DiagnosticsRecorder {
  private sessions = 0
  private recoveredSessions = 0
  private gaps = 0
  private readonly rejections: Rejection[] = []

  constructor(
    private readonly version: string,
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
    readonly startedAt: number = now(),
  ) {}

  /** Notes the start of a connection. */
  session(session: FeedSession): void {
    this.sessions += 1
    if (session.recovered) this.recoveredSessions += 1
    if (session.gap !== null) this.gaps += 1
  }

  /** Notes a rejected payload; only the most recent are kept. */
  rejected(payload: InvalidPayload): void {
    this.rejections.push(payload)
    if (this.rejections.length > KEEP_REJECTIONS) this.rejections.shift()
  }

  /** The report as of now. */
  report(status: CoreStatus, journalBytes: number): Diagnostics {
    return {
      version: this.version,
      startedAt: this.startedAt,
      generatedAt: this.now(),
      status,
      reconnects: Math.max(0, this.sessions - 1),
      recovered: this.recoveredSessions,
      gapsSeen: this.gaps,
      recentRejections: [...this.rejections].reverse(),
      journalBytes,
      dataDir: this.dataDir,
    }
  }

  /** Writes `report` as JSON to the data directory; answers the file's path. */
  export(report: Diagnostics): string {
    const stamp = new Date(report.generatedAt).toISOString().replaceAll(':', '-')
    const path = join(this.dataDir, `diagnostics-${stamp}.json`)
    mkdirSync(this.dataDir, { recursive: true })
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
    return path
  }
}
