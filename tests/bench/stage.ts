// One stage for a measurement: a fresh reference server, the display (core + browser shell) in
// its own process with an empty data directory, and a board page in Chromium, connected.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { openBoard, type BoardLayout, type BoardPage } from './browser'
import { startHost, type Host } from './host'
import { startReference, WATCHER_TOKEN, type Reference } from './reference'

export interface Stage {
  reference: Reference
  host: Host
  board: BoardPage
  stop(): Promise<void>
}

export interface StageOptions {
  rendererDir: string
  /** Let the core fetch what a lost session missed from the reference server. */
  resync?: boolean
  /** Fills the data directory before the display starts. */
  prepare?: (dataDir: string) => void
  /** Watch the board for idleness (render benchmark). */
  idle?: boolean
  /** Where the display's process and the page write CPU profiles. */
  profileDir?: string
  /** False: the journal never syncs to the device (default true, as shipped). */
  journalSync?: boolean
  /** The kitchen board's layout (the page's default, tiles, when not given). */
  layout?: BoardLayout
  /** The screen's role on its address (`?screen=`); the hub's default when not given. */
  screen?: string
}

let profiles = 0

/** Profiles the page's JS from now on; the returned step writes the profile to `dir`. */
async function profilePage(board: BoardPage, dir: string): Promise<() => Promise<void>> {
  const cdp = await board.page.context().newCDPSession(board.page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    profiles += 1
    writeFileSync(join(dir, `page-${process.pid}-${profiles}.cpuprofile`), JSON.stringify(profile))
  }
}

/** Starts everything; on failure stops what was started. */
export async function openStage(browser: Browser, options: StageOptions): Promise<Stage> {
  const stops: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined)
  }
  try {
    const reference = await startReference()
    stops.push(() => reference.close())
    const host = await startHost({
      rendererDir: options.rendererDir,
      serverUrl: reference.url,
      token: WATCHER_TOKEN,
      resyncUrl: options.resync === true ? `${reference.url}/api/orders?since={since}` : null,
      prepare: options.prepare,
      profileDir: options.profileDir,
      journalSync: options.journalSync,
    })
    stops.push(() => host.stop())
    const board = await openBoard(browser, host.url, {
      idle: options.idle ?? false,
      layout: options.layout,
      screen: options.screen,
    })
    stops.push(() => board.close())
    if (options.profileDir !== undefined) stops.push(await profilePage(board, options.profileDir))
    await board.connected()
    return { reference, host, board, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
