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
  runs: { coldMs: number; readyMs: number }[]
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
      const host = await startHost({
        rendererDir: options.rendererDir,
        serverUrl: reference.url,
        token: WATCHER_TOKEN,
        // The journal is written before the clock starts: the figure is the display's own.
        prepare: (dir) => {
          writeJournal(dir, day.text)
          started = performance.now()
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
          runs.push({ coldMs: performance.now() - started, readyMs })
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
    runs,
  }
}
