// The hub and its screens, as the KdsApi tells them: the paired devices, the hub's addresses and
// its pairing code, the stations with the products seen on the board, and the pairing over HTTP.
import { z } from 'zod'
import { ScreenRoleSchema } from './roles'
import { StationIdSchema, StationsSchema } from './stations'
import { IdSchema } from './protocol/schemas'

const timestamp = z.number().int().nonnegative()

/** A device's name, as a person typed it when pairing. */
export const DeviceNameSchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(64, 'is longer than 64 characters')

/** A paired screen, as the hub's settings list it. */
export const DeviceSchema = z.object({
  id: IdSchema,
  name: DeviceNameSchema,
  /** The role of its last connection; null before it ever connected. */
  role: ScreenRoleSchema.nullable(),
  /** The role the hub pins it to, whatever its address asks; null: the role the screen asks. */
  pinnedRole: ScreenRoleSchema.nullable(),
  /** The address it last connected from. */
  address: z.string().max(64).nullable(),
  lastSeenAt: timestamp.nullable(),
  connected: z.boolean(),
})
export type Device = z.infer<typeof DeviceSchema>

/** The hub's own facts; `pairingCode` only for the hub's own window (never for a device). */
export const HubInfoSchema = z.object({
  /** Whether the hub serves the local network (and so asks every screen to pair). */
  lan: z.boolean(),
  /** Where screens on the network open the hub: `http://192.168.1.20:5173/`... */
  addresses: z.array(z.string().max(200)).max(32),
  port: z.number().int().min(0).max(65_535).nullable(),
  pairingCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /**
   * The role the hub pinned the asking screen's device to (it is that screen's role, whatever its
   * address asks); null: the screen's own choice. A hub from before pinning does not say: null.
   */
  pinnedRole: ScreenRoleSchema.nullable().default(null),
})
export type HubInfo = z.infer<typeof HubInfoSchema>

/** A hub's address, as a screen of that hub opens it: http or https, a host, maybe a port. */
export const HubUrlSchema = z
  .string()
  .trim()
  .max(2_000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https address of a hub' }))

/** Whether this app is its own hub or a screen of another; only the Electron app can be either. */
export const HubScreenSchema = z.object({
  /** The shell can become a screen of a hub (the Electron app's own window; never a browser). */
  available: z.boolean(),
  /** The hub this app is a screen of; null: it is its own hub. */
  hubUrl: HubUrlSchema.nullable(),
  /** Where the administrator set `hubUrl` (a file, variable or flag); null: not managed. */
  managedBy: z.string().max(2_000).nullable(),
})
export type HubScreen = z.infer<typeof HubScreenSchema>

/** What a shell that cannot be a screen of a hub answers (the browser shell, a paired screen). */
export const NO_HUB_SCREEN: HubScreen = { available: false, hubUrl: null, managedBy: null }

/** A product seen on the board, with the station its items go to now (for the station picker). */
export const StationProductSchema = z.object({
  _id: IdSchema,
  title: z.string().max(200),
  station: StationIdSchema.nullable(),
})

/** The stations of the hub and the products seen on its board. */
export const StationsInfoSchema = z.object({
  stations: StationsSchema,
  defaultStation: StationIdSchema.nullable(),
  products: z.array(StationProductSchema),
})
export type StationsInfo = z.infer<typeof StationsInfoSchema>

/** Pairing over HTTP, on the hub's own port. */
export const PAIR_PATH = '/pair'
export const PAIR_STATE_PATH = '/pair/state'
/** The cookie holding a paired device's key (HttpOnly, SameSite=Strict). */
export const DEVICE_COOKIE = 'kds_device'
/** The close code of a bridge connection without a paired device (or with a revoked one). */
export const CLOSE_UNPAIRED = 4401
/** The close code of a connection whose device the hub pinned to another role: it reconnects. */
export const CLOSE_REPINNED = 4409

export const PairingCodeSchema = z.string().regex(/^\d{6}$/, 'must be 6 digits')

/** `POST /pair`. */
export const PairRequestSchema = z.object({ code: PairingCodeSchema, name: DeviceNameSchema })

/** What `POST /pair` answers: 200 `{ok: true}` with the cookie, 401 wrong-code, 429 paused. */
export const PairAnswerSchema = z.union([
  z.object({ ok: z.literal(true), device: IdSchema }),
  z.object({ error: z.literal('wrong-code') }),
  z.object({ error: z.literal('paused'), until: timestamp }),
  z.object({ error: z.literal('bad-request'), reason: z.string() }),
])
export type PairAnswer = z.infer<typeof PairAnswerSchema>

/** `GET /pair/state`: whether this browser is paired, and whether pairing is paused. */
export const PairStateSchema = z.object({
  paired: z.boolean(),
  pausedUntil: timestamp.nullable(),
})
export type PairState = z.infer<typeof PairStateSchema>
