// Render: from a snapshot of N orders to the board drawn and idle. The display starts with N
// orders in its journal; each page load asks for the snapshot, and the probe notes when it asked,
// when the answer arrived, when the board last changed, when the frame after that was painted
// and when the last long task ended. Drawn and idle: the board unchanged and no long task for
// QUIET_MS. The figure runs from the request to the paint (or long task) that ended it all.
import type { Browser, Page } from '@playwright/test'
import { writeBoardJournal } from './board-fixture'
import { sleep } from './clock'
import type { ProbeReading } from './page-probe'
import { openStage } from './stage'
import { VIEWPORT } from './browser'
import { median } from './stats'

const QUIET_MS = 500
const IDLE_TIMEOUT_MS = 60_000

export interface RenderRun {
  /** Request → drawn and idle. */
  totalMs: number
  /** Request → answer in the page (the core and the bridge). */
  answerMs: number
  /** Answer → drawn and idle (the renderer). */
  drawMs: number
  /** Navigation start → drawn and idle. */
  fromNavigationMs: number
  /** The snapshot's JSON, in characters. */
  snapshotChars: number
  cards: number
}

export interface RenderResult {
  orders: number
  /** Medians over the page loads. */
  median: RenderRun
  runs: RenderRun[]
  /** The floor: the same first screen, as drawn, loaded as a static page (navigation → painted). */
  floorMs: number
}

/** Waits until the board has been drawn from a snapshot and has been quiet for QUIET_MS. */
async function drawnAndIdle(read: () => Promise<ProbeReading>): Promise<RenderRun> {
  const deadline = Date.now() + IDLE_TIMEOUT_MS
  for (;;) {
    const reading = await read()
    const snapshot = reading.snapshots[0]
    const settledAt = Math.max(reading.lastBoardChange, reading.lastLongTaskEnd)
    const quiet = reading.now - settledAt >= QUIET_MS
    const painted = reading.paintedAt >= reading.lastBoardChange
    if (snapshot?.arrivedAt != null && reading.domCards > 0 && quiet && painted) {
      const idleAt = Math.max(reading.paintedAt, reading.lastLongTaskEnd)
      return {
        totalMs: idleAt - snapshot.askedAt,
        answerMs: snapshot.arrivedAt - snapshot.askedAt,
        drawMs: idleAt - snapshot.arrivedAt,
        fromNavigationMs: idleAt - reading.navigationStart,
        snapshotChars: snapshot.chars,
        cards: reading.domCards,
      }
    }
    if (Date.now() > deadline) throw new Error('the board did not become idle in time')
    await sleep(100)
  }
}

const medianRun = (runs: RenderRun[]): RenderRun => ({
  totalMs: median(runs.map((run) => run.totalMs)),
  answerMs: median(runs.map((run) => run.answerMs)),
  drawMs: median(runs.map((run) => run.drawMs)),
  fromNavigationMs: median(runs.map((run) => run.fromNavigationMs)),
  snapshotChars: median(runs.map((run) => run.snapshotChars)),
  cards: median(runs.map((run) => run.cards)),
})

/** The page as drawn now, without its scripts: the same tickets as HTML and the same CSS. */
function staticCopy(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true)
    if (!(copy instanceof HTMLElement)) throw new Error('the page has no document element')
    for (const script of copy.querySelectorAll('script')) script.remove()
    return `<!doctype html>${copy.outerHTML}`
  })
}

/**
 * Loads `html` from the display's own origin (so its stylesheets come from the same server)
 * `loads` times after one warm-up, in a fresh context of the same Chromium; the median from
 * navigation start to the second frame after load.
 */
async function staticFloor(browser: Browser, origin: string, html: string, loads: number) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    const url = new URL('/bench-floor.html', origin).href
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }))
    const times: number[] = []
    for (let load = 0; load <= loads; load += 1) {
      await page.goto(url, { waitUntil: 'load' })
      const painted = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
          ),
      )
      if (load > 0) times.push(painted)
    }
    return median(times)
  } finally {
    await context.close()
  }
}

/** Loads the board of `orders` orders `loads` times and measures each. */
export async function measureRender(
  browser: Browser,
  options: { rendererDir: string; orders: number; loads: number; profileDir?: string },
): Promise<RenderResult> {
  const stage = await openStage(browser, {
    rendererDir: options.rendererDir,
    idle: true,
    profileDir: options.profileDir,
    prepare: (dir) => writeBoardJournal(dir, options.orders),
  })
  try {
    const runs: RenderRun[] = []
    // The first load (opening the stage) warms the caches; the measured ones are reloads.
    await drawnAndIdle(stage.board.read)
    for (let load = 0; load < options.loads; load += 1) {
      await stage.board.page.reload()
      runs.push(await drawnAndIdle(stage.board.read))
    }
    const html = await staticCopy(stage.board.page)
    const floorMs = await staticFloor(browser, stage.host.url, html, options.loads)
    return { orders: options.orders, median: medianRun(runs), runs, floorMs }
  } finally {
    await stage.stop()
  }
}
