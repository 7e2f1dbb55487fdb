// A KdsApi for renderer tests: records subscribers and calls, lets a test push messages, hold a
// snapshot in flight, and decide how updateSettings answers.
import type { BoardEvent, BoardOrder, BoardSnapshot } from '../../../electron/common/board'
import type { KdsApi, KdsMessage, UnlockResult } from '../../../electron/common/kds-api'
import type { ScreenRole } from '../../../electron/common/roles'
import {
  DEFAULT_DISPLAY_SETTINGS,
  type SettingsUpdate,
  type SettingsView,
} from '../../../electron/common/settings'
import type { ConnectionState, CoreStatus, Diagnostics } from '../../../electron/common/status'
import type { PrintDocument, PrinterInput, PrintPreview } from '../../../electron/common/printers'
import { OUTBOX_OFF, type OutboxEntry } from '../../../electron/common/outbox'
import {
  NO_HUB_SCREEN,
  type Device,
  type HubInfo,
  type HubScreen,
  type StationsInfo,
} from '../../../electron/common/hub'

type Listener = (message: KdsMessage) => void

/** A snapshot the test releases by hand. */
export interface HeldSnapshot {
  resolve(snapshot: BoardSnapshot): void
  reject(error: Error): void
}

export function coreStatus(
  state: ConnectionState = 'connected',
  overrides: Partial<CoreStatus> = {},
): CoreStatus {
  return {
    connection: {
      state,
      url: 'wss://kitchen.example.ru',
      attempt: 0,
      nextRetryAt: null,
      since: 1_000,
      error: null,
      lastPingAt: null,
      lostAt: null,
    },
    demo: false,
    orders: 0,
    received: 0,
    invalid: 0,
    lastEventAt: null,
    journalError: null,
    journalWarnings: [],
    settingsWarnings: [],
    gaps: [],
    lastResync: null,
    clock: { offsetMs: 0, source: 'none', skewed: false },
    printers: [],
    outbox: OUTBOX_OFF,
    ...overrides,
  }
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    ...DEFAULT_DISPLAY_SETTINGS,
    serverUrl: 'wss://kitchen.example.ru',
    tokenStorage: 'encrypted',
    managed: [],
    locked: false,
    tokenNotice: null,
    view: null,
    ...overrides,
  }
}

export class FakeKds implements KdsApi {
  readonly listeners = new Set<Listener>()
  /** What `snapshot()` answers when no snapshot is held. */
  board: BoardSnapshot = { seq: 0, orders: [] }
  currentStatus: CoreStatus = coreStatus()
  currentSettings: SettingsView = settingsView()
  snapshotCalls = 0
  readonly updates: SettingsUpdate[] = []
  /** Set to make the next updateSettings reject with this message. */
  refuseWith: string | null = null
  readonly dismissed: number[] = []
  readonly bumps: string[] = []
  readonly recalls: (string | null)[] = []
  readonly starts: string[] = []
  /** What outbox() answers. */
  outboxEntries: OutboxEntry[] = []
  readonly dismissedOutbox: string[] = []
  /** Item marks asked for: [id, item, done]. */
  readonly itemMarks: [string, number, boolean][] = []
  /** Station bumps asked for: [id, station]. */
  readonly stationBumps: [string, string][] = []
  /** Station recalls asked for: [station, id]. */
  readonly stationRecalls: [string, string | null][] = []
  /** What stations() answers. */
  currentStations: StationsInfo = { stations: [], defaultStation: null, products: [] }
  /** What devices() answers; revokeDevice removes from it. */
  currentDevices: Device[] = []
  readonly revoked: string[] = []
  /** What hubInfo() answers. */
  currentHub: HubInfo = {
    lan: false,
    addresses: [],
    port: null,
    pairingCode: null,
    pinnedRole: null,
  }
  /** The pins setDeviceRole was asked for: [id, role]. */
  readonly rolePins: [string, ScreenRole | null][] = []
  /** Set to make the next setDeviceRole reject with this message. */
  refusePinWith: string | null = null
  /** What hubScreen() answers (the browser shell's no, unless a test says otherwise). */
  currentHubScreen: HubScreen = NO_HUB_SCREEN
  /** The hubs becomeHubScreen was asked to make this app a screen of. */
  readonly becameScreenOf: string[] = []
  /** Set to make the next becomeHubScreen reject with this message. */
  refuseHubScreenWith: string | null = null
  /** Set to make the next station command (itemDone, bumpStation, recallStation) reject. */
  refuseMarkWith: string | null = null
  /** The settings PIN, when the test locks the settings. */
  pin: string | null = null
  /** Whether dismissGap pushes the new status, as the core does; off to test the answer alone. */
  pushOnDismiss = true
  /** What diagnostics() answers, over the defaults below. */
  diagnosticsOverrides: Partial<Diagnostics> = {}
  diagnosticsCalls = 0
  exports = 0
  /** Set to make exportDiagnostics reject with this message. */
  refuseExportWith: string | null = null
  private held: HeldSnapshot[] = []

  snapshot(): Promise<BoardSnapshot> {
    this.snapshotCalls += 1
    const held = this.held.shift()
    if (held === undefined) return Promise.resolve(structuredClone(this.board))
    return new Promise((resolve, reject) => {
      held.resolve = resolve
      held.reject = reject
    })
  }

  status(): Promise<CoreStatus> {
    return Promise.resolve(this.currentStatus)
  }

  settings(): Promise<SettingsView> {
    return Promise.resolve(this.currentSettings)
  }

  updateSettings(update: SettingsUpdate): Promise<SettingsView> {
    this.updates.push(update)
    if (this.refuseWith !== null) return Promise.reject(new Error(this.refuseWith))
    const { serverUrl, resyncUrl, language, currency, thresholds, printers } = {
      ...this.currentSettings,
      ...update,
    }
    this.currentSettings = {
      ...this.currentSettings,
      serverUrl,
      resyncUrl,
      language,
      currency,
      thresholds,
      printers,
    }
    if (update.token !== undefined) this.currentSettings.tokenStorage = 'encrypted'
    this.push({ type: 'settings', settings: this.currentSettings })
    return Promise.resolve(this.currentSettings)
  }

  dismissGap(id: number): Promise<CoreStatus> {
    this.dismissed.push(id)
    const gaps = this.currentStatus.gaps.filter((gap) => gap.id !== id)
    const next = { ...this.currentStatus, gaps }
    if (this.pushOnDismiss) this.pushStatus(next)
    else this.currentStatus = next
    return Promise.resolve(next)
  }

  diagnostics(): Promise<Diagnostics> {
    this.diagnosticsCalls += 1
    return Promise.resolve({
      version: '1.2.3',
      startedAt: 1_000,
      generatedAt: 2_000,
      status: this.currentStatus,
      reconnects: 3,
      recovered: 2,
      gapsSeen: 1,
      recentRejections: [{ event: 'order:new', reason: '_id: is empty', at: 1_500 }],
      journalBytes: 2048,
      dataDir: '/var/lib/kds',
      ...this.diagnosticsOverrides,
    })
  }

  exportDiagnostics(): Promise<{ path: string }> {
    this.exports += 1
    if (this.refuseExportWith !== null) return Promise.reject(new Error(this.refuseExportWith))
    return Promise.resolve({ path: '/var/lib/kds/diagnostics-test.json' })
  }

  bump(id: string): Promise<null> {
    this.bumps.push(id)
    return Promise.resolve(null)
  }

  start(id: string): Promise<null> {
    this.starts.push(id)
    return Promise.resolve(null)
  }

  outbox(): Promise<OutboxEntry[]> {
    return Promise.resolve(structuredClone(this.outboxEntries))
  }

  dismissOutbox(id: string): Promise<boolean> {
    this.dismissedOutbox.push(id)
    const before = this.outboxEntries.length
    this.outboxEntries = this.outboxEntries.filter((entry) => entry.id !== id)
    this.push({ type: 'outbox', entries: this.outboxEntries })
    return Promise.resolve(this.outboxEntries.length < before)
  }

  recall(id: string | null): Promise<string | null> {
    this.recalls.push(id)
    return Promise.resolve(id)
  }

  readonly reprints: string[] = []
  readonly previews: { printer: PrinterInput; document: PrintDocument }[] = []
  readonly testPrints: PrinterInput[] = []
  /** Set to make testPrint reject with this message. */
  refuseTestPrintWith: string | null = null

  reprint(id: string): Promise<number> {
    this.reprints.push(id)
    return Promise.resolve(1)
  }

  printPreview(printer: PrinterInput, document: PrintDocument): Promise<PrintPreview> {
    this.previews.push({ printer, document })
    return Promise.resolve({
      svg: `<svg xmlns="http://www.w3.org/2000/svg"><text>${document}</text></svg>`,
    })
  }

  testPrint(printer: PrinterInput): Promise<null> {
    this.testPrints.push(printer)
    if (this.refuseTestPrintWith !== null)
      return Promise.reject(new Error(this.refuseTestPrintWith))
    return Promise.resolve(null)
  }

  itemDone(id: string, item: number, done: boolean): Promise<null> {
    this.itemMarks.push([id, item, done])
    return this.markAnswer(null)
  }

  bumpStation(id: string, station: string): Promise<null> {
    this.stationBumps.push([id, station])
    return this.markAnswer(null)
  }

  recallStation(station: string, id: string | null): Promise<string | null> {
    this.stationRecalls.push([station, id])
    return this.markAnswer(id)
  }

  stations(): Promise<StationsInfo> {
    return Promise.resolve(structuredClone(this.currentStations))
  }

  devices(): Promise<Device[]> {
    return Promise.resolve(structuredClone(this.currentDevices))
  }

  revokeDevice(id: string): Promise<null> {
    this.revoked.push(id)
    this.currentDevices = this.currentDevices.filter((device) => device.id !== id)
    this.push({ type: 'devices', devices: this.currentDevices })
    return Promise.resolve(null)
  }

  setDeviceRole(id: string, role: ScreenRole | null): Promise<null> {
    const refusal = this.refusePinWith
    this.refusePinWith = null
    if (refusal !== null) return Promise.reject(new Error(refusal))
    this.rolePins.push([id, role])
    this.currentDevices = this.currentDevices.map((device) =>
      device.id === id ? { ...device, pinnedRole: role } : device,
    )
    this.push({ type: 'devices', devices: this.currentDevices })
    return Promise.resolve(null)
  }

  hubInfo(): Promise<HubInfo> {
    return Promise.resolve({ ...this.currentHub })
  }

  hubScreen(): Promise<HubScreen> {
    return Promise.resolve({ ...this.currentHubScreen })
  }

  becomeHubScreen(url: string): Promise<null> {
    const refusal = this.refuseHubScreenWith
    this.refuseHubScreenWith = null
    if (refusal !== null) return Promise.reject(new Error(refusal))
    this.becameScreenOf.push(url)
    return Promise.resolve(null)
  }

  private markAnswer<T>(value: T): Promise<T> {
    const refusal = this.refuseMarkWith
    this.refuseMarkWith = null
    return refusal === null ? Promise.resolve(value) : Promise.reject(new Error(refusal))
  }

  unlockSettings(pin: string): Promise<UnlockResult> {
    const unlocked = pin === this.pin
    if (unlocked) this.currentSettings = { ...this.currentSettings, locked: false }
    return Promise.resolve({ outcome: unlocked ? 'unlocked' : 'wrong', until: null })
  }

  lockSettings(): Promise<SettingsView> {
    this.currentSettings = { ...this.currentSettings, locked: this.pin !== null }
    return Promise.resolve(this.currentSettings)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  push(message: KdsMessage): void {
    for (const listener of this.listeners) listener(message)
  }

  pushEvent(event: BoardEvent): void {
    this.push({ type: 'event', event })
  }

  pushStatus(status: CoreStatus): void {
    this.currentStatus = status
    this.push({ type: 'status', status })
  }

  /** Makes the next snapshot() wait until the test resolves it. */
  holdSnapshot(): HeldSnapshot {
    const held: HeldSnapshot = {
      resolve: () => {
        throw new Error('snapshot() has not been called yet')
      },
      reject: () => {
        throw new Error('snapshot() has not been called yet')
      },
    }
    this.held.push(held)
    return held
  }

  /** The board as `orders`, current as of `seq`. */
  setBoard(seq: number, orders: BoardOrder[]): void {
    this.board = { seq, orders }
  }
}
