// The core's printing, wired from what it has: the board (orders, and the latest for a preview),
// the settings of the moment (printers, language, stations) and the shell's system printing.
import type { BoardOrder } from '../../common/board'
import type { DisplaySettings } from '../../common/settings'
import type { BackoffOptions } from '../backoff'
import type { Board } from '../board'
import type { JournalFs } from '../journal-fs'
import type { Logger } from '../logger'
import { PrintDesk } from './print-desk'
import { routedItems, type StationMatcher } from './print-jobs'
import type { SystemPrint } from './print-output'
import { PrintQueue } from './print-queue'

export interface PrintingOptions {
  dataDir: string
  board: Board
  /** The settings as they are now. */
  display: () => DisplaySettings
  systemPrint: SystemPrint | null
  /** Which items are a station's (default: the hub's stations, every item without any). */
  stationMatcher?: StationMatcher
  timeoutMs?: number
  backoff?: BackoffOptions
  fs?: JournalFs
  log: Logger
}

/** The order last received, for the preview; null on an empty board. */
function latestOrder(board: Board): BoardOrder | null {
  let latest: BoardOrder | null = null
  for (const entry of board.snapshot().orders) {
    if (entry.order !== null && (latest === null || entry.receivedAt > latest.receivedAt)) {
      latest = entry
    }
  }
  return latest
}

/** The print queue (journaled in `dataDir`) and the settings screen's preview and test page. */
export function startPrinting(options: PrintingOptions): { queue: PrintQueue; desk: PrintDesk } {
  const { board, display } = options
  const station = (id: string) => display().stations.find((candidate) => candidate.id === id)
  const common = {
    printers: () => display().printers,
    language: () => display().language,
    systemPrint: options.systemPrint,
    stationMatcher:
      options.stationMatcher ??
      routedItems(() => ({
        stations: display().stations,
        defaultStation: display().defaultStation,
      })),
    stationName: (id: string) => station(id)?.name ?? null,
    timeoutMs: options.timeoutMs,
    log: options.log,
  }
  const queue = new PrintQueue({
    ...common,
    dataDir: options.dataDir,
    order: (id) => board.get(id),
    nextStation: (id) => station(id)?.next ?? null,
    backoff: options.backoff,
    fs: options.fs,
  })
  const desk = new PrintDesk({ ...common, latestOrder: () => latestOrder(board) })
  return { queue, desk }
}
