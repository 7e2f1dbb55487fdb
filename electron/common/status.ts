// What the core says about itself: the connection, the counters, and anything a person must know.
import { z } from 'zod'
import { PrinterStatusSchema } from './printers'
import { OutboxStatusSchema } from './outbox'

export const CONNECTION_STATES = [
  'connecting',
  'authorizing',
  'connected',
  'offline',
  'unauthorized',
] as const

export const ConnectionStateSchema = z.enum(CONNECTION_STATES)

const time = z.number().int().nonnegative()

/** The connection, for the status bar. */
export const ConnectionStatusSchema = z.object({
  state: ConnectionStateSchema,
  url: z.string(),
  /** Failed attempts since the last successful authorization. */
  attempt: z.number().int().nonnegative(),
  /** When the next retry starts, while offline. */
  nextRetryAt: time.nullable(),
  /** When this state began. */
  since: time,
  /** Why the connection is offline or unauthorized, in words. */
  error: z.string().nullable(),
  /** When the server last pinged: connected with neither pings nor events for long is stale. */
  lastPingAt: time.nullable(),
  /** When the connection was lost, until it is authorized again: the start of the outage. */
  lostAt: time.nullable(),
})

/** An interval in which events may have been missed and could not be fetched again. */
export const GapSchema = z.object({
  id: z.number().int().positive(),
  from: time,
  to: time,
  /** Why it was not filled: no resync source is configured, or the resync failed. */
  code: z.enum(['no-resync-source', 'resync-failed']),
  /** The same in words, with the failure's detail. */
  reason: z.string(),
})

/** The outcome of the last resync. */
export const ResyncReportSchema = z.object({
  at: time,
  orders: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  error: z.string().nullable(),
})

/** Where the estimate of the backend's clock comes from. */
export const CLOCK_SOURCES = ['none', 'events', 'http-date'] as const

/** A difference between the clocks past this is shown to a person. */
export const CLOCK_SKEW_SHOWN_MS = 60_000

/**
 * The backend's clock against this machine's: `offsetMs` is backend minus local, so positive
 * means this computer is behind. Orders' own times (createdAt, time) are the backend's; every age
 * subtracts them from the local clock plus this offset.
 */
export const ClockStatusSchema = z.object({
  offsetMs: z.number().int(),
  /** `none`: nothing heard yet, the offset is 0; `events`: live orders; `http-date`: Date headers. */
  source: z.enum(CLOCK_SOURCES),
  /** The offset is past CLOCK_SKEW_SHOWN_MS either way: the status bar says so. */
  skewed: z.boolean(),
})

/** Everything the status bar and /health show. */
export const CoreStatusSchema = z.object({
  connection: ConnectionStatusSchema,
  /** Connected to the bundled demo server rather than a real backend. */
  demo: z.boolean(),
  orders: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  lastEventAt: time.nullable(),
  /** Why orders are kept in memory only (the journal cannot be written), or null. */
  journalError: z.string().nullable(),
  /** Problems found in the journal on disk at start. */
  journalWarnings: z.array(z.string()),
  /** Problems with the settings or the managed configuration, each naming the key. */
  settingsWarnings: z.array(z.string()),
  /** Intervals that may be missing orders, until a person dismisses them. */
  gaps: z.array(GapSchema),
  lastResync: ResyncReportSchema.nullable(),
  clock: ClockStatusSchema,
  /** Each configured printer: down or not, and the tickets waiting for it. */
  printers: z.array(PrinterStatusSchema),
  /** The conditions told to the backend: on or off, what waits. */
  outbox: OutboxStatusSchema,
})

/** A payload the core refused, for the diagnostics panel. */
export const RejectionSchema = z.object({ event: z.string(), reason: z.string(), at: time })

/** What support needs to know; never the token. */
export const DiagnosticsSchema = z.object({
  version: z.string(),
  startedAt: time,
  generatedAt: time,
  status: CoreStatusSchema,
  /** Sessions that began after the first one: reconnections. */
  reconnects: z.number().int().nonnegative(),
  /** Of them, those the server recovered without loss. */
  recovered: z.number().int().nonnegative(),
  /** Every gap seen, dismissed or not. */
  gapsSeen: z.number().int().nonnegative(),
  recentRejections: z.array(RejectionSchema),
  journalBytes: z.number().int().nonnegative(),
  dataDir: z.string(),
})

/** The body of the browser shell's `GET /health`. */
export const HealthSchema = z.object({
  state: ConnectionStateSchema,
  orders: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  lastEventAt: time.nullable(),
  /** Tickets waiting to print, every printer together. */
  printQueue: z.number().int().nonnegative(),
  /** Screens connected to the shell's bridge now (the browser shell and a LAN hub say it). */
  devices: z.number().int().nonnegative().optional(),
})

export type ConnectionState = z.infer<typeof ConnectionStateSchema>
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>
export type CoreStatus = z.infer<typeof CoreStatusSchema>
export type Health = z.infer<typeof HealthSchema>
export type ClockStatus = z.infer<typeof ClockStatusSchema>
export type Gap = z.infer<typeof GapSchema>
export type ResyncReport = z.infer<typeof ResyncReportSchema>
export type Rejection = z.infer<typeof RejectionSchema>
export type Diagnostics = z.infer<typeof DiagnosticsSchema>

/** The health summary of a status. */
export const healthOf = (status: CoreStatus): Health => ({
  state: status.connection.state,
  orders: status.orders,
  received: status.received,
  invalid: status.invalid,
  lastEventAt: status.lastEventAt,
  printQueue: status.printers.reduce((sum, printer) => sum + printer.waiting, 0),
})
