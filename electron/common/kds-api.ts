// The KdsApi contract: what the renderer may ask of the core, the same over Electron IPC and over
// the browser shell's WebSocket. Every message that crosses is one of these schemas.
import { z } from 'zod'
import { IdSchema } from './protocol/schemas'
import {
  PrintDocumentSchema,
  PrinterSchema,
  PrintPreviewSchema,
  type PrintDocument,
  type Printer,
  type PrinterInput,
  type PrintPreview,
} from './printers'
import { BoardEventSchema, BoardSnapshotSchema, type BoardSnapshot } from './board'
import {
  SettingsUpdateSchema,
  SettingsViewSchema,
  type SettingsUpdate,
  type SettingsView,
} from './settings'
import { CoreStatusSchema, DiagnosticsSchema, type CoreStatus, type Diagnostics } from './status'
import { OutboxEntrySchema, type OutboxEntry } from './outbox'
import {
  DeviceSchema,
  HubInfoSchema,
  HubScreenSchema,
  HubUrlSchema,
  StationsInfoSchema,
  type Device,
  type HubInfo,
  type HubScreen,
  type StationsInfo,
} from './hub'
import { StationIdSchema } from './stations'
import { ScreenRoleSchema, type ScreenRole } from './roles'

/** A settings PIN: 4 to 12 digits. */
export const PinSchema = z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits')

/** The answer to a PIN: unlocked, wrong, or too many wrong tries (paused until `until`). */
export const UnlockResultSchema = z.object({
  outcome: z.enum(['unlocked', 'wrong', 'paused']),
  until: z.number().int().nonnegative().nullable(),
})
export type UnlockResult = z.infer<typeof UnlockResultSchema>

/**
 * Pushed from the core to every renderer; and `resumed`, said by a link that can drop pushes (the
 * browser shell's bridge) when it is back after a loss: what was pushed meanwhile is gone, and the
 * core behind it may even have restarted.
 */
export const KdsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: BoardEventSchema }),
  z.object({ type: z.literal('status'), status: CoreStatusSchema }),
  z.object({ type: z.literal('settings'), settings: SettingsViewSchema }),
  z.object({ type: z.literal('resumed') }),
  /** The outbox's entries as they are now, after every change of one. */
  z.object({ type: z.literal('outbox'), entries: z.array(OutboxEntrySchema) }),
  /** The paired devices changed (one paired, connected, left, was revoked). */
  z.object({ type: z.literal('devices'), devices: z.array(DeviceSchema) }),
  /** The hub's facts changed (a new pairing code, the network turned on...). */
  z.object({ type: z.literal('hub'), hub: HubInfoSchema }),
])
export type KdsMessage = z.infer<typeof KdsMessageSchema>

/** The renderer's view of the core; exposed as `window.kds`. */
export interface KdsApi {
  /** Every order, and the seq it is current as of. */
  snapshot(): Promise<BoardSnapshot>
  /** The connection and counters now. */
  status(): Promise<CoreStatus>
  /** Settings, without the token. */
  settings(): Promise<SettingsView>
  /** Changes settings; answers the new settings, or rejects with a reason naming the field. */
  updateSettings(update: SettingsUpdate): Promise<SettingsView>
  /** Forgets a gap warning a person has read; answers the new status. */
  dismissGap(id: number): Promise<CoreStatus>
  /** Counters, recent rejections and the like, for the diagnostics panel. */
  diagnostics(): Promise<Diagnostics>
  /** Writes the diagnostics to a file in the data directory (never the token); answers its path. */
  exportDiagnostics(): Promise<{ path: string }>
  /**
   * Bumps an order: hides it from the kitchen board (journaled), or, with a condition action,
   * tells the backend and hides it when the backend's condition comes.
   */
  bump(id: string): Promise<null>
  /** «Начать»: asks the backend for the `start` condition (actions.start) of a NEW/ACCEPTED order. */
  start(id: string): Promise<null>
  /** The outbox's entries: what waits, and the refusals and notes not dismissed. */
  outbox(): Promise<OutboxEntry[]>
  /** Forgets a finished outbox entry a person has read; false when there is none such. */
  dismissOutbox(id: string): Promise<boolean>
  /** Brings back a bumped order (`null`: the last bumped); answers its id, or null if none. */
  recall(id: string | null): Promise<string | null>
  /** Prints an order again on its printers, on purpose; answers how many prints were queued. */
  reprint(id: string): Promise<number>
  /** A ticket, label or test page as `printer` (saved or not) lays it out: an SVG image. */
  printPreview(printer: PrinterInput, document: PrintDocument): Promise<PrintPreview>
  /** Prints the test page on `printer` (saved or not); rejects saying why it did not print. */
  testPrint(printer: PrinterInput): Promise<null>
  /** Marks item `item` (its index in the order's products) of an order done, or open again. */
  itemDone(id: string, item: number, done: boolean): Promise<null>
  /** A station's bump: its items of the order done; the ticket leaves it (or goes to `next`). */
  bumpStation(id: string, station: string): Promise<null>
  /** Brings a ticket back to a station (`null`: its last bumped); answers the id, or null. */
  recallStation(station: string, id: string | null): Promise<string | null>
  /** The hub's stations, and the products seen on the board with the station of each. */
  stations(): Promise<StationsInfo>
  /** The paired devices. */
  devices(): Promise<Device[]>
  /** Forgets a paired device: its connection closes at once and it must pair again. */
  revokeDevice(id: string): Promise<null>
  /**
   * Pins a paired device to `role` (null: the role its screen asks for): what it is sent is cut
   * for that role whatever its address says; a connected one reconnects as that role at once.
   */
  setDeviceRole(id: string, role: ScreenRole | null): Promise<null>
  /** The hub's network addresses and port; the pairing code only for the hub's own window. */
  hubInfo(): Promise<HubInfo>
  /** Whether this app can be, or is, a screen of another hub (only the Electron app can). */
  hubScreen(): Promise<HubScreen>
  /** Makes this app a screen of the hub at `url`: stored, then the app restarts as that screen. */
  becomeHubScreen(url: string): Promise<null>
  /** Unlocks the settings with the managed PIN for a few minutes. */
  unlockSettings(pin: string): Promise<UnlockResult>
  /** Locks the settings again, before the unlock runs out. */
  lockSettings(): Promise<SettingsView>
  /** Calls `listener` with every message the core pushes; returns the unsubscribe function. */
  subscribe(listener: (message: KdsMessage) => void): () => void
}

/** Requests, by name: the argument schema and the answer schema of each. */
export const KDS_REQUESTS = {
  snapshot: { args: z.tuple([]), result: BoardSnapshotSchema },
  status: { args: z.tuple([]), result: CoreStatusSchema },
  settings: { args: z.tuple([]), result: SettingsViewSchema },
  updateSettings: { args: z.tuple([SettingsUpdateSchema]), result: SettingsViewSchema },
  dismissGap: { args: z.tuple([z.number().int().positive()]), result: CoreStatusSchema },
  diagnostics: { args: z.tuple([]), result: DiagnosticsSchema },
  exportDiagnostics: { args: z.tuple([]), result: z.object({ path: z.string() }) },
  bump: { args: z.tuple([IdSchema]), result: z.null() },
  start: { args: z.tuple([IdSchema]), result: z.null() },
  outbox: { args: z.tuple([]), result: z.array(OutboxEntrySchema) },
  dismissOutbox: { args: z.tuple([z.string().min(1).max(100)]), result: z.boolean() },
  recall: { args: z.tuple([IdSchema.nullable()]), result: IdSchema.nullable() },
  reprint: { args: z.tuple([IdSchema]), result: z.number().int().nonnegative() },
  printPreview: {
    args: z.tuple([PrinterSchema, PrintDocumentSchema]),
    result: PrintPreviewSchema,
  },
  testPrint: { args: z.tuple([PrinterSchema]), result: z.null() },
  itemDone: {
    args: z.tuple([IdSchema, z.number().int().nonnegative().max(499), z.boolean()]),
    result: z.null(),
  },
  bumpStation: { args: z.tuple([IdSchema, StationIdSchema]), result: z.null() },
  recallStation: {
    args: z.tuple([StationIdSchema, IdSchema.nullable()]),
    result: IdSchema.nullable(),
  },
  stations: { args: z.tuple([]), result: StationsInfoSchema },
  devices: { args: z.tuple([]), result: z.array(DeviceSchema) },
  revokeDevice: { args: z.tuple([IdSchema]), result: z.null() },
  setDeviceRole: { args: z.tuple([IdSchema, ScreenRoleSchema.nullable()]), result: z.null() },
  hubInfo: { args: z.tuple([]), result: HubInfoSchema },
  hubScreen: { args: z.tuple([]), result: HubScreenSchema },
  becomeHubScreen: { args: z.tuple([HubUrlSchema]), result: z.null() },
  unlockSettings: { args: z.tuple([PinSchema]), result: UnlockResultSchema },
  lockSettings: { args: z.tuple([]), result: SettingsViewSchema },
} as const

export type KdsRequestName = keyof typeof KDS_REQUESTS

/** IPC channel names (Electron) and frame kinds (browser shell). */
export const KDS_CHANNELS = {
  request: 'kds:request',
  message: 'kds:message',
} as const

/** A request frame, as it crosses IPC or the bridge. */
export const KdsRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.enum(Object.keys(KDS_REQUESTS) as [KdsRequestName, ...KdsRequestName[]]),
  args: z.array(z.unknown()).max(4),
})
export type KdsRequest = z.infer<typeof KdsRequestSchema>

/** An answer frame. */
export const KdsResponseSchema = z.union([
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(false), error: z.string() }),
])
export type KdsResponse = z.infer<typeof KdsResponseSchema>

/** The core side of the contract: what a shell calls to answer requests. */
export interface KdsHandlers {
  snapshot(): BoardSnapshot
  status(): CoreStatus
  settings(): SettingsView
  updateSettings(update: SettingsUpdate): Promise<SettingsView>
  dismissGap(id: number): CoreStatus
  diagnostics(): Diagnostics
  exportDiagnostics(): { path: string }
  bump(id: string): null
  start(id: string): null
  outbox(): OutboxEntry[]
  dismissOutbox(id: string): boolean
  recall(id: string | null): string | null
  reprint(id: string): number
  printPreview(printer: Printer, document: PrintDocument): PrintPreview
  testPrint(printer: Printer): Promise<null>
  itemDone(id: string, item: number, done: boolean): null
  bumpStation(id: string, station: string): null
  recallStation(station: string, id: string | null): string | null
  stations(): StationsInfo
  devices(): Device[]
  revokeDevice(id: string): null
  setDeviceRole(id: string, role: ScreenRole | null): null
  hubInfo(): HubInfo
  hubScreen(): HubScreen
  becomeHubScreen(url: string): Promise<null>
  unlockSettings(pin: string): UnlockResult
  lockSettings(): SettingsView
}

/** A core as a shell serves it: the requests, and its pushes (IPC and the bridge alike). */
export interface KdsHost extends KdsHandlers {
  subscribe(listener: (message: KdsMessage) => void): () => void
}
