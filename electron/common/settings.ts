// Settings as the renderer sees them. The token is write-only: the renderer may set it, never read
// it; it only learns whether one is stored and how.
import { z } from 'zod'
import { PrintersSchema } from './printers'
import { ActionsSchema, ConditionActionSchema } from './condition-action'
import { ScreenRoleSchema } from './roles'
import { StationIdSchema, StationsSchema } from './stations'

export const LANGUAGES = ['ru', 'en'] as const
export const LanguageSchema = z.enum(LANGUAGES)

/** A server URL: http(s) or ws(s), as socket.io-client accepts. */
export const ServerUrlSchema = z
  .string()
  .trim()
  .max(2_000)
  .regex(/^(https?|wss?):\/\/[^\s/?#]+[^\s]*$/i, 'must be an http, https, ws or wss address')

export const ThresholdsSchema = z
  .object({
    /** Minutes after which a card turns amber. */
    warnMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    /** Minutes after which a card turns red. */
    lateMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  })
  .refine((t) => t.warnMinutes < t.lateMinutes, {
    message: 'the warning time must be shorter than the late time',
    path: ['lateMinutes'],
  })

/** The kitchen board's layouts: tiles (the default) or the condition columns. */
export const LAYOUTS = ['tiles', 'columns'] as const
export const LayoutSchema = z.enum(LAYOUTS)
export type Layout = z.infer<typeof LayoutSchema>

/** How a new order announces itself. */
export const AlertsSchema = z.object({
  /** Play the bundled chime for a new order (never for a test order). */
  sound: z.boolean(),
  /** 0..1 */
  volume: z.number().min(0).max(1),
  /** Repeat the chime until someone touches the screen. */
  repeat: z.boolean(),
})

/** The settings that are safe to show. */
export const DisplaySettingsSchema = z.object({
  /** null: demo mode, the bundled reference server. */
  serverUrl: ServerUrlSchema.nullable(),
  /**
   * Where to fetch the backend's orders after a connection gap, with the same token; `{since}`
   * is replaced by epoch ms. null: none (the screen then warns about gaps instead).
   */
  resyncUrl: ServerUrlSchema.nullable(),
  language: LanguageSchema,
  /** ISO 4217 code, e.g. RUB. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as RUB'),
  thresholds: ThresholdsSchema,
  /** Minutes a scheduled order takes to prepare: "start at" is its time minus these. */
  prepMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  alerts: AlertsSchema,
  /** Type size on the board, 1 = normal; larger for screens far away. */
  fontScale: z.number().min(0.75).max(2),
  theme: z.enum(['dark', 'light']),
  /** The kitchen board: tickets tiled across the screen, or one column per condition. */
  layout: LayoutSchema,
  /** Phone, address and totals on kitchen tickets too (a cook rarely needs them). */
  kitchenDetails: z.boolean(),
  /** The hub's printers: tickets and bag labels (common/printers.ts). */
  printers: PrintersSchema,
  // Telling the backend (issue 17): see condition-action.ts and README «Статусы на бэкенд».
  /** The request that sets a condition on the backend; null: bumps stay local (demo: built in). */
  conditionAction: ConditionActionSchema.nullable(),
  /** The condition action may go to another host than the backend (the token goes with it). */
  conditionActionAnyHost: z.boolean(),
  /** Which kitchen actions set which condition; null: bump sets COLLECTED (demo: start too). */
  actions: ActionsSchema.nullable(),
  // A kitchen of screens (issue 15): the hub's stations, and whether it serves the network.
  /** The hub's stations; empty: no stations, every screen shows every item. */
  stations: StationsSchema,
  /** Where an item no station matches goes; null: the first station. */
  defaultStation: StationIdSchema.nullable(),
  /** Serve the board to paired screens on the local network (the Electron app's bridge). */
  lan: z.boolean(),
})

/** How the token is kept, so the screen can say so. */
export const TokenStorageSchema = z.enum([
  /** Encrypted with the operating system's key store. */
  'encrypted',
  /** Not stored: given by the environment or command line, or encryption is unavailable. */
  'memory',
  /** No token. */
  'none',
])

export const SettingsViewSchema = DisplaySettingsSchema.extend({
  /** Keys set by the administrator's managed configuration: shown, not editable. */
  managed: z.array(z.string()),
  /** The settings screen needs the PIN before anything can be changed. */
  locked: z.boolean(),
  tokenStorage: TokenStorageSchema,
  /** A warning about the token a person must read (encryption unavailable...), or null. */
  tokenNotice: z.string().nullable(),
  /** The screen role the managed configuration gives this machine's screens; null: none. */
  view: ScreenRoleSchema.nullable(),
})

/** A change the renderer asks for. `token` is write-only. */
export const SettingsUpdateSchema = DisplaySettingsSchema.partial().extend({
  token: z.string().trim().min(1).max(4_096).optional(),
})

export type Language = z.infer<typeof LanguageSchema>
export type DisplaySettings = z.infer<typeof DisplaySettingsSchema>
export type SettingsView = z.infer<typeof SettingsViewSchema>
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>
export type TokenStorage = z.infer<typeof TokenStorageSchema>

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = {
  serverUrl: null,
  resyncUrl: null,
  language: 'ru',
  currency: 'RUB',
  thresholds: { warnMinutes: 10, lateMinutes: 20 },
  prepMinutes: 15,
  alerts: { sound: true, volume: 0.8, repeat: false },
  fontScale: 1,
  theme: 'dark',
  layout: 'tiles',
  kitchenDetails: false,
  printers: [],
  conditionAction: null,
  conditionActionAnyHost: false,
  actions: null,
  stations: [],
  defaultStation: null,
  lan: false,
}
