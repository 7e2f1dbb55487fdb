// Valid answers of every KdsApi request, and a core that gives them, for the shell's tests.
import { vi } from 'vitest'
import { NO_HUB_SCREEN, type HubInfo } from '../../../electron/common/hub'
import type { KdsMessage } from '../../../electron/common/kds-api'
import type { ScreenRole } from '../../../electron/common/roles'
import { DEFAULT_DISPLAY_SETTINGS, type SettingsView } from '../../../electron/common/settings'
import type { CoreStatus, Diagnostics } from '../../../electron/common/status'
import type { IpcCore } from '../../../electron/main/ipc'
import type { PrintDocument, Printer } from '../../../electron/common/printers'
import { OUTBOX_OFF } from '../../../electron/common/outbox'

export const SNAPSHOT = { seq: 3, orders: [] }

export const STATUS: CoreStatus = {
  connection: {
    state: 'connected',
    url: 'http://127.0.0.1:4000',
    attempt: 0,
    nextRetryAt: null,
    since: 1,
    error: null,
    lastPingAt: null,
    lostAt: null,
  },
  demo: true,
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
}

export const DIAGNOSTICS: Diagnostics = {
  version: 'test',
  startedAt: 1,
  generatedAt: 2,
  status: STATUS,
  reconnects: 0,
  recovered: 0,
  gapsSeen: 0,
  recentRejections: [],
  journalBytes: 0,
  dataDir: '/tmp/kds',
}

export const SETTINGS: SettingsView = {
  ...DEFAULT_DISPLAY_SETTINGS,
  tokenStorage: 'none',
  managed: [],
  locked: false,
  tokenNotice: null,
  view: null,
}

/** A core with canned answers whose pushes the test triggers with `push`. */
export function fakeCore() {
  const listeners = new Set<(message: KdsMessage) => void>()
  const core = {
    snapshot: vi.fn(() => SNAPSHOT),
    status: vi.fn(() => STATUS),
    settings: vi.fn(() => SETTINGS),
    updateSettings: vi.fn(async (update: Partial<SettingsView>) => ({ ...SETTINGS, ...update })),
    dismissGap: vi.fn(() => STATUS),
    diagnostics: vi.fn(() => DIAGNOSTICS),
    exportDiagnostics: vi.fn(() => ({ path: '/tmp/diagnostics.json' })),
    bump: vi.fn((_id: string) => null),
    recall: vi.fn((id: string | null) => id),
    reprint: vi.fn((_id: string) => 1),
    printPreview: vi.fn((_printer: Printer, _document: PrintDocument) => ({ svg: '<svg/>' })),
    testPrint: vi.fn(async (_printer: Printer) => null),
    start: vi.fn((_id: string) => null),
    outbox: vi.fn(() => []),
    dismissOutbox: vi.fn((_id: string) => false),
    itemDone: vi.fn((_id: string, _item: number, _done: boolean) => null),
    bumpStation: vi.fn((_id: string, _station: string) => null),
    recallStation: vi.fn((_station: string, id: string | null) => id),
    stations: vi.fn(() => ({ stations: [], defaultStation: null, products: [] })),
    devices: vi.fn(() => []),
    revokeDevice: vi.fn((_id: string) => null),
    setDeviceRole: vi.fn((_id: string, _role: ScreenRole | null) => null),
    hubInfo: vi.fn((): HubInfo => ({
      lan: false,
      addresses: [],
      port: null,
      pairingCode: null,
      pinnedRole: null,
    })),
    hubScreen: vi.fn(() => NO_HUB_SCREEN),
    becomeHubScreen: vi.fn(async (_url: string): Promise<null> => {
      throw new Error('this shell is always a hub; it cannot become a screen of one')
    }),
    unlockSettings: vi.fn((_pin: string) => ({ outcome: 'unlocked' as const, until: null })),
    lockSettings: vi.fn(() => SETTINGS),
    subscribe: vi.fn((listener: (message: KdsMessage) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    push: (message: KdsMessage) => listeners.forEach((listener) => listener(message)),
    listeners,
  } satisfies IpcCore & Record<string, unknown>
  return core
}
