// Cold start: from starting the display's process, with a busy day's journal in its data
// directory, to the first ticket drawn in the page; beside its floor, reading the same journal
// file and parsing every line with the journal's own schema, in this process, and nothing else.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { JournalRecordSchema } from '../../electron/core/journal-records'
import { openBoard } from './browser'
import { busyDayText, writeJournal } from './busy-day'
import { startHost } from './host'
import { startReference, WATCHER_TOKEN } from './reference'
import { median } from './stats'

export interface ColdStartResult {
  orders: number
  changes: number
  journalBytes: number
  /** Process start → first ticket painted, median of the runs. */
  coldMs: number
  /** Read the file and parse each line (JSON + schema), median of the runs. */
  floorMs: number
  /** Where the time went, medians of the runs: each figure from the process start. */
  split: ColdStartSplit
  runs: ({ coldMs: number } & ColdStartSplit)[]
}

/** The milestones of one cold start, in ms from the process start. */
export interface ColdStartSplit {
  /** The core and the shell are up: imports, the journal replayed, the port listening. */
  readyMs: number
  /** The page asked for its snapshot (page loaded and its scripts run). */
  askedMs: number
  /** The snapshot's last byte arrived in the page. */
  arrivedMs: number
  /** The first ticket entered the DOM. */
  firstCardMs: number
  /** The snapshot's size in characters of JSON. */
  snapshotChars: number
}

/** Reads and parses the journal alone: what no start can do without. */
function parseJournal(file: string): number {
  const started = performance.now()
  const text = readFileSync(file, 'utf8')
  let records = 0
  for (const line of text.split('\n')) {
    if (line === '') continue
    JournalRecordSchema.parse(JSON.parse(line))
    records += 1
  }
  if (records === 0) throw new Error('the busy day journal is empty')
  return performance.now() - started
}

export async function measureColdStart(
  browser: Browser,
  options: { rendererDir: string; runs: number },
): Promise<ColdStartResult> {
  const reference = await startReference()
  const runs: ColdStartResult['runs'] = []
  const floors: number[] = []
  const day = busyDayText()
  // The floor reads its own copy: the display may compact the one it started from.
  const floorDir = mkdtempSync(join(tmpdir(), 'kds-bench-floor-'))
  const floorFile = writeJournal(floorDir, day.text)
  try {
    for (let run = 0; run < options.runs; run += 1) {
      let started = 0
      // The page's probe reads the wall clock; the process start on it too.
      let startedAt = 0
      const host = await startHost({
        rendererDir: options.rendererDir,
        serverUrl: reference.url,
        token: WATCHER_TOKEN,
        // The journal is written before the clock starts: the figure is the display's own.
        prepare: (dir) => {
          writeJournal(dir, day.text)
          started = performance.now()
          startedAt = Date.now()
        },
      })
      try {
        const readyMs = performance.now() - started
        const board = await openBoard(browser, host.url, { idle: false })
        try {
          await board.page.locator('[data-testid="order-card"]').first().waitFor()
          await board.page.evaluate(
            () =>
              new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          )
          const coldMs = performance.now() - started
          const reading = await board.read()
          const [snapshot] = reading.snapshots
          runs.push({
            coldMs,
            readyMs,
            askedMs: (snapshot?.askedAt ?? Number.NaN) - startedAt,
            arrivedMs: (snapshot?.arrivedAt ?? Number.NaN) - startedAt,
            firstCardMs: Math.min(...reading.cards.map(([, at]) => at)) - startedAt,
            snapshotChars: snapshot?.chars ?? 0,
          })
        } finally {
          await board.close()
        }
        floors.push(parseJournal(floorFile))
      } finally {
        await host.stop()
      }
    }
  } finally {
    await reference.close()
    rmSync(floorDir, { recursive: true, force: true })
  }
  return {
    orders: day.orders,
    changes: day.changes,
    journalBytes: Buffer.byteLength(day.text),
    coldMs: median(runs.map((run) => run.coldMs)),
    floorMs: median(floors),
    split: {
      readyMs: median(runs.map((run) => run.readyMs)),
      askedMs: median(runs.map((run) => run.askedMs)),
      arrivedMs: median(runs.map((run) => run.arrivedMs)),
      firstCardMs: median(runs.map((run) => run.firstCardMs)),
      snapshotChars: median(runs.map((run) => run.snapshotChars)),
    },
    runs,
  }
}
