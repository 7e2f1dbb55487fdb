// Debian's Chromium, driven through Playwright, with the probe installed in every board page.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { z } from 'zod'
import { CHROMIUM } from '../../playwright.config'
import { pageProbe, type ProbeOptions, type ProbeReading } from './page-probe'

const SnapshotSchema = z.object({
  askedAt: z.number(),
  arrivedAt: z.number().nullable(),
  chars: z.number(),
})

const ReadingSchema = z.object({
  cards: z.array(z.tuple([z.string(), z.number()])),
  columns: z.record(z.string(), z.number()),
  domCards: z.number(),
  duplicateDomIds: z.number(),
  snapshots: z.array(SnapshotSchema),
  lastBoardChange: z.number(),
  paintedAt: z.number(),
  lastLongTaskEnd: z.number(),
  navigationStart: z.number(),
  now: z.number(),
  domListeners: z.number(),
  listenerTargets: z.number(),
}) satisfies z.ZodType<ProbeReading>

/** The wall screen of a kitchen: full HD. */
export const VIEWPORT = { width: 1920, height: 1080 }

/** Starts the Chromium the e2e tests use (KDS_CHROMIUM, else Debian's at /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM, headless: true })
}

/** The version Chromium reports, e.g. "Chromium 140.0.7339.185". */
export const browserVersion = (browser: Browser): string => `Chromium ${browser.version()}`

/** A board page with the probe in it. */
export interface BoardPage {
  page: Page
  /** What the probe has seen so far. */
  read(): Promise<ProbeReading>
  /** Card count per column, as the column headers say. */
  columns(): Promise<Record<string, number>>
  /** How many cards have entered the DOM so far. */
  seen(): Promise<number>
  /** The page's anchored clock now. */
  now(): Promise<number>
  /** Forgets the cards seen so far. */
  forget(): Promise<void>
  /** The page's JS heap in bytes, after a forced garbage collection. */
  heap(): Promise<number>
  /** Chromium's own counts, after a forced garbage collection: DOM nodes and JS event listeners. */
  domCounters(): Promise<{ nodes: number; jsEventListeners: number }>
  /** Resolves once the status bar says the display is connected. */
  connected(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

// tsx compiles with esbuild's keepNames, which wraps named functions in a __name() helper that
// does not exist in the page; an identity stands in for it.
const probeScript = (options: ProbeOptions) =>
  `var __name = (target) => target;\n(${pageProbe.toString()})(${JSON.stringify(options)});`

/** The kitchen board's layouts: tiles by default, condition columns when asked for. */
export type BoardLayout = 'tiles' | 'columns'

/** What to open: the layout (the page's default when not given) and the screen's role. */
export interface BoardAddress {
  layout?: BoardLayout
  /** `?screen=`: `kitchen`, `station:<id>`, `expo`, `dispatch` (the hub's default when not given). */
  screen?: string
}

/** `url` with the layout and screen asked for in its query. */
export function boardUrl(url: string, address: BoardAddress = {}): string {
  const target = new URL(url)
  if (address.layout !== undefined) target.searchParams.set('layout', address.layout)
  if (address.screen !== undefined) target.searchParams.set('screen', address.screen)
  return target.href
}

/**
 * Opens `url` in a fresh context with the probe installed before the renderer runs. The flows
 * that count cards per condition column ask for `layout: 'columns'`: the default tiles show one
 * page, and a ticket off it never enters the DOM.
 */
export async function openBoard(
  browser: Browser,
  url: string,
  options: ProbeOptions & BoardAddress & { viewport?: { width: number; height: number } },
): Promise<BoardPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORT })
  const page = await context.newPage()
  await page.addInitScript({ content: probeScript({ idle: options.idle }) })
  let cdp: CDPSession | null = null
  const collectGarbage = async () => {
    cdp ??= await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    return cdp
  }
  await page.goto(boardUrl(url, options))
  return {
    page,
    read: async () => ReadingSchema.parse(await page.evaluate('window.__bench.read()')),
    columns: async () =>
      z.record(z.string(), z.number()).parse(await page.evaluate('window.__bench.columns()')),
    seen: async () => z.number().parse(await page.evaluate('window.__bench.seen()')),
    now: async () => z.number().parse(await page.evaluate('window.__bench.now()')),
    forget: async () => void (await page.evaluate('window.__bench.forget()')),
    async heap() {
      const session = await collectGarbage()
      return (await session.send('Runtime.getHeapUsage')).usedSize
    },
    async domCounters() {
      const session = await collectGarbage()
      const { nodes, jsEventListeners } = await session.send('Memory.getDOMCounters')
      return { nodes, jsEventListeners }
    },
    async connected(timeoutMs = 30_000) {
      await page
        .locator('[data-testid="connection-status"][data-state="connected"]')
        .waitFor({ state: 'attached', timeout: timeoutMs })
    },
    close: () => context.close(),
  }
}
