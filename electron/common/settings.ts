// Settings as the renderer sees them. The token is write-only: the renderer may set it, never read
// it; it only learns whether one is stored and how.
import { z } from 'zod'

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
  tokenStorage: TokenStorageSchema,
  /** A warning about the token a person must read (encryption unavailable...), or null. */
  tokenNotice: z.string().nullable(),
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
}
