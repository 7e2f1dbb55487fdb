// KdsCore: the feed, the board and the settings wired together, for either shell. It answers the
// KdsApi requests and pushes KdsMessages; the shells only carry them.
import type { BoardSnapshot } from '../common/board'
import { withCard } from '../common/card-order'
import type { KdsHandlers, KdsMessage, UnlockResult } from '../common/kds-api'
import {
  DisplaySettingsSchema,
  type DisplaySettings,
  type SettingsUpdate,
  type SettingsView,
} from '../common/settings'
import { healthOf, type CoreStatus, type Diagnostics, type Health } from '../common/status'
import { parseWith } from '../common/protocol/parse'
import { Board } from './board'
import type { JournalFs } from './journal-fs'
import { consoleLogger, type Logger } from './logger'
import { OrderFeed } from './order-feed'
import type { LoadedSettings, SettingsBackend } from './settings-backend'
import { CatchUp } from './catch-up'
import { DiagnosticsRecorder } from './diagnostics'
import type { ResyncSource } from './resync'
import type { BackoffOptions } from './backoff'
import type { PrintDocument, Printer, PrintPreview } from '../common/printers'
import type { PrintQueue } from './printing/print-queue'
import { printersProblem, type SystemPrint } from './printing/print-output'
import type { StationMatcher } from './printing/print-jobs'
import type { PrintDesk } from './printing/print-desk'
import { startPrinting } from './printing/printing'
import type { OutboxEntry } from '../common/outbox'
import {
  NO_HUB_SCREEN,
  type Device,
  type HubInfo,
  type HubScreen,
  type StationsInfo,
} from '../common/hub'
import type { StationRouting } from '../common/stations'
import type { ScreenRole } from '../common/roles'
import { stationCommands } from './station-commands'
import { LOCAL_HUB, type HubLink } from './hub-link'
import {
  hostProblemOf,
  KitchenActions,
  type Backend,
  type KitchenActionsOptions,
} from './intents/kitchen-actions'

/** A running demo backend: where it is and the token to use. */
export interface DemoServer {
  url: string
  token: string
  close(): Promise<void>
}

export interface KdsCoreOptions {
  /** Where the journal lives. */
  dataDir: string
  settings: SettingsBackend
  /** Starts the bundled reference server; called when no server is configured. */
  startDemo: () => Promise<DemoServer>
  /** The outbox's retries and timeout (tests shorten them). */
  outbox?: KitchenActionsOptions['outbox']
  /** The app's version, for diagnostics. */
  version?: string
  /** The journal's file system (default node:fs); the benchmark measures syncing through it. */
  journalFs?: JournalFs
  log?: Logger
  /** The Electron shell's silent printing to system printers; none in the browser shell. */
  systemPrint?: SystemPrint | null
  /** Which items of an order are a station's, for station printers (default: every item). */
  stationMatcher?: StationMatcher
  /** Tests shorten the waits of the print queue. */
  printing?: { timeoutMs?: number; backoff?: BackoffOptions }
}

type Listener = (message: KdsMessage) => void

const HOUR_MS = 60 * 60 * 1000
const CLOCK_CHECK_MS = 10_000

/** The core of the display, shared by the Electron and the browser shells. */
export class KdsCore implements KdsHandlers {
  private readonly listeners = new Set<Listener>()
  private demo: DemoServer | null = null
  private readonly catchUp: CatchUp
  private readonly diagnosticsRecorder: DiagnosticsRecorder
  private readonly prints: PrintQueue
  private readonly desk: PrintDesk
  /** Bump and «Начать», and the outbox that tells the backend of them. */
  private readonly kitchen: KitchenActions
  private readonly stationMarks: ReturnType<typeof stationCommands>
  private hub: HubLink | null = null
  /** Finished orders past the retention leave the board once an hour. */
  private readonly housekeeping = setInterval(() => this.board.expire(Date.now()), HOUR_MS).unref()
  /** This machine's clock may be stepped at any time: the offset follows within seconds. */
  private readonly clockCheck = setInterval(() => this.feed.clock.refresh(), CLOCK_CHECK_MS).unref()

  private constructor(
    private readonly options: KdsCoreOptions,
    private readonly board: Board,
    private readonly feed: OrderFeed,
    private stored: LoadedSettings,
    private readonly log: Logger,
  ) {
    this.catchUp = new CatchUp(board, log, Date.now, { clock: feed.clock })
    this.diagnosticsRecorder = new DiagnosticsRecorder(options.version ?? 'dev', options.dataDir)
    const printing = startPrinting({
      dataDir: options.dataDir,
      board,
      display: () => this.stored.display,
      systemPrint: options.systemPrint ?? null,
      stationMatcher: options.stationMatcher,
      timeoutMs: options.printing?.timeoutMs,
      backoff: options.printing?.backoff,
      fs: options.journalFs,
      log,
    })
    this.prints = printing.queue
    this.desk = printing.desk
    this.prints.on('change', () => this.push({ type: 'status', status: this.status() }))
    this.kitchen = new KitchenActions({
      dataDir: options.dataDir,
      log,
      board,
      display: () => this.stored.display,
      backend: () => this.backend(),
      connected: () => feed.status.state === 'connected',
      bumpLocally: (id) => this.bumpLocally(id),
      onChange: () => {
        this.push({ type: 'outbox', entries: this.kitchen.entries() })
        this.push({ type: 'status', status: this.status() })
      },
      outbox: options.outbox,
    })
    for (const warning of this.kitchen.warnings) this.stored.warnings.push(warning)
    this.stationMarks = stationCommands(board, () => this.routing())
    board.on('event', (event) => {
      this.push({ type: 'event', event: event.type === 'order:new' ? withCard(event) : event })
      this.kitchen.onBoardEvent(event)
      // After the screens: a printer never delays a ticket's showing up.
      this.prints.onBoardEvent(event)
    })
    feed.on('status', (status) => {
      if (status.state === 'connected') this.kitchen.retryNow()
    })
    feed.on('invalid', (payload) => this.diagnosticsRecorder.rejected(payload))
    feed.on('session', (session) => {
      this.diagnosticsRecorder.session(session)
      void this.catchUp
        .onSession(session, this.resyncSource())
        .then(() => this.push({ type: 'status', status: this.status() }))
    })
    feed.on('change', (change) => board.apply(change))
    feed.on('status', () => this.push({ type: 'status', status: this.status() }))
    feed.on('invalid', () => this.push({ type: 'status', status: this.status() }))
    feed.clock.on('change', () => this.push({ type: 'status', status: this.status() }))
  }

  /** Opens the journal, loads the settings and connects (starting the demo server when needed). */
  static async start(options: KdsCoreOptions): Promise<KdsCore> {
    const log = options.log ?? consoleLogger
    const board = Board.open(options.dataDir, { log, fs: options.journalFs })
    const stored = options.settings.load()
    for (const warning of stored.warnings) log.warn(warning)
    const feed = new OrderFeed({ url: '', token: '', log })
    const core = new KdsCore(options, board, feed, stored, log)
    await core.connect()
    return core
  }

  /** The board as the screens get it: each order cut down to what its card shows. */
  snapshot(): BoardSnapshot {
    const { seq, orders } = this.entries()
    return { seq, orders: orders.map(withCard) }
  }

  /**
   * The board's own entries, whole: for the browser shell, which keeps each entry's card as JSON
   * by the entry (snapshot-frame.ts). Never for a screen as it is.
   */
  entries(): BoardSnapshot {
    return this.board.snapshot()
  }

  status(): CoreStatus {
    const stats = this.feed.stats
    const outbox = this.kitchen.status()
    // An action or a printer that cannot be used is a settings problem, named like the others.
    const problems = outbox.problem === null ? [] : [outbox.problem]
    const printers = this.stored.display.printers
    const printerProblem = printersProblem(printers, this.options.systemPrint ?? null)
    if (printerProblem !== null) problems.push(printerProblem)
    return {
      connection: this.feed.status,
      demo: this.demo !== null,
      orders: this.board.size,
      received: stats.received,
      invalid: stats.invalid,
      lastEventAt: stats.lastEventAt,
      journalError: this.board.journalError,
      journalWarnings: [...this.board.warnings, ...this.prints.warnings],
      settingsWarnings: [...this.stored.warnings, ...problems],
      gaps: [...this.catchUp.gaps],
      lastResync: this.catchUp.lastResync,
      clock: this.feed.clock.status,
      printers: this.prints.status(),
      outbox,
    }
  }

  dismissGap(id: number): CoreStatus {
    if (this.catchUp.dismiss(id)) this.push({ type: 'status', status: this.status() })
    return this.status()
  }

  diagnostics(): Diagnostics {
    return this.diagnosticsRecorder.report(this.status(), this.board.journalBytes)
  }

  bump(id: string): null {
    this.kitchen.bump(id)
    return null
  }

  start(id: string): null {
    this.kitchen.start(id)
    return null
  }

  outbox(): OutboxEntry[] {
    return this.kitchen.entries()
  }

  dismissOutbox(id: string): boolean {
    return this.kitchen.dismiss(id)
  }

  recall(id: string | null): string | null {
    const target = id ?? this.latestBump()?.id ?? null
    if (target === null || this.board.get(target)?.bumpedAt === undefined) return null
    this.board.apply({ type: 'order:recall', id: target, at: Date.now() })
    return target
  }

  reprint(id: string): number {
    return this.prints.reprint(id)
  }

  printPreview(printer: Printer, document: PrintDocument): PrintPreview {
    return this.desk.preview(printer, document)
  }

  async testPrint(printer: Printer): Promise<null> {
    await this.desk.testPrint(printer)
    return null
  }

  itemDone(id: string, item: number, done: boolean): null {
    return this.stationMarks.itemDone(id, item, done)
  }

  bumpStation(id: string, station: string): null {
    return this.stationMarks.bumpStation(id, station)
  }

  recallStation(station: string, id: string | null): string | null {
    return this.stationMarks.recallStation(station, id)
  }

  stations(): StationsInfo {
    return this.stationMarks.stations()
  }

  /** The stations as the settings have them now. */
  routing(): StationRouting {
    const { stations, defaultStation } = this.stored.display
    return { stations, defaultStation }
  }

  devices(): Device[] {
    return this.hub?.devices() ?? []
  }

  revokeDevice(id: string): null {
    if (this.hub === null) throw new Error('this hub serves no network: there are no devices')
    return this.hub.revokeDevice(id)
  }

  setDeviceRole(id: string, role: ScreenRole | null): null {
    if (this.hub === null) throw new Error('this hub serves no network: there are no devices')
    return this.hub.setDeviceRole(id, role)
  }

  hubInfo(): HubInfo {
    return this.hub?.hubInfo() ?? LOCAL_HUB
  }

  /** The core is a hub; only the Electron shell's own window can make its app a screen of another. */
  hubScreen(): HubScreen {
    return NO_HUB_SCREEN
  }

  becomeHubScreen(_url: string): Promise<null> {
    return Promise.reject(new Error('this shell is always a hub; it cannot become a screen of one'))
  }

  /** Connects the shell's network side; returns the undo. */
  attachHub(hub: HubLink): () => void {
    this.hub = hub
    this.hubChanged()
    return () => {
      if (this.hub !== hub) return
      this.hub = null
      this.hubChanged()
    }
  }

  /** Tells every screen that the devices or the hub's facts changed. */
  hubChanged(): void {
    this.push({ type: 'devices', devices: this.devices() })
    this.push({ type: 'hub', hub: this.hubInfo() })
  }

  /** The core has no PIN (a managed configuration adds one in the Electron shell). */
  unlockSettings(_pin: string): UnlockResult {
    return { outcome: 'unlocked', until: null }
  }

  lockSettings(): SettingsView {
    return this.settings()
  }

  exportDiagnostics(): { path: string } {
    const path = this.diagnosticsRecorder.export(this.diagnostics())
    this.log.info('diagnostics exported', { path })
    return { path }
  }

  /** The figures a monitoring system polls. */
  health(): Health {
    return healthOf(this.status())
  }

  settings(): SettingsView {
    const { display, tokenStorage, tokenNotice } = this.stored
    // Management and the PIN lock belong to the Electron shell, which wraps these answers.
    return { ...display, managed: [], locked: false, tokenStorage, tokenNotice, view: null }
  }

  async updateSettings(update: SettingsUpdate): Promise<SettingsView> {
    const { token, ...displayUpdate } = update
    const parsed = parseWith(DisplaySettingsSchema, { ...this.stored.display, ...displayUpdate })
    if (!parsed.ok) throw new Error(parsed.reason)
    const { stations, defaultStation } = parsed.value
    if (defaultStation !== null && !stations.some((station) => station.id === defaultStation)) {
      throw new Error(`defaultStation: names no station: "${defaultStation}"`)
    }
    const before = this.stored
    const display: DisplaySettings = parsed.value
    const problem = hostProblemOf(display)
    if (problem !== null) throw new Error(problem)
    const printerProblem = printersProblem(display.printers, this.options.systemPrint ?? null)
    if (printerProblem !== null) throw new Error(printerProblem)
    this.options.settings.saveDisplay(display)
    this.stored = { ...this.stored, display }
    if (token !== undefined) {
      this.stored = { ...this.stored, token, ...this.options.settings.saveToken(token) }
    }
    this.push({ type: 'settings', settings: this.settings() })
    if (JSON.stringify(display.printers) !== JSON.stringify(before.display.printers)) {
      // A corrected address or a printer added: what waits is tried again at once.
      this.prints.retryNow()
      this.push({ type: 'status', status: this.status() })
    }
    if (display.serverUrl !== before.display.serverUrl || token !== undefined) await this.connect()
    return this.settings()
  }

  /** Calls `listener` with every pushed message until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Disconnects, stops the demo server and closes the journal. */
  async close(): Promise<void> {
    clearInterval(this.housekeeping)
    clearInterval(this.clockCheck)
    this.feed.stop()
    this.kitchen.close()
    this.listeners.clear()
    this.prints.close()
    await this.demo?.close()
    this.demo = null
    this.board.close()
  }

  /** The local bump mark: the ticket leaves this display's kitchen board. */
  private bumpLocally(id: string): void {
    if (this.board.get(id) === undefined) throw new Error(`no order with _id "${id}" on the board`)
    // Strictly after the last bump, so "recall the last" is never a tie within one millisecond.
    const at = Math.max(Date.now(), (this.latestBump()?.at ?? 0) + 1)
    this.board.apply({ type: 'order:bump', id, at })
  }

  /** The backend the outbox talks to: the demo server, the configured one, or none yet. */
  private backend(): Backend | null {
    const { serverUrl } = this.stored.display
    if (this.demo !== null) return { url: this.demo.url, token: this.demo.token, demo: true }
    return serverUrl === null
      ? null
      : { url: serverUrl, token: this.stored.token ?? '', demo: false }
  }

  /** The most recently bumped order that is still bumped, or null. */
  private latestBump(): { id: string; at: number } | null {
    let latest: { id: string; at: number } | null = null
    for (const order of this.board.snapshot().orders) {
      if (order.bumpedAt !== undefined && (latest === null || order.bumpedAt > latest.at)) {
        latest = { id: order.id, at: order.bumpedAt }
      }
    }
    return latest
  }

  /** Where a resync fetches from: the demo server's own list, or the configured source. */
  private resyncSource(): ResyncSource | null {
    if (this.demo !== null)
      return { url: `${this.demo.url}/api/orders?since={since}`, token: this.demo.token }
    const { resyncUrl } = this.stored.display
    return resyncUrl === null ? null : { url: resyncUrl, token: this.stored.token ?? '' }
  }

  private async connect(): Promise<void> {
    const { serverUrl } = this.stored.display
    if (serverUrl === null) {
      this.demo ??= await this.options.startDemo()
      this.log.info('demo mode: connecting to the bundled reference server', { url: this.demo.url })
      this.feed.configure({ url: this.demo.url, token: this.demo.token })
    } else {
      await this.demo?.close()
      this.demo = null
      this.feed.configure({ url: serverUrl, token: this.stored.token ?? '' })
    }
    this.feed.start()
  }

  private push(message: KdsMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message)
      } catch (error) {
        this.log.error('a listener failed', { message: String(error) })
      }
    }
  }
}
