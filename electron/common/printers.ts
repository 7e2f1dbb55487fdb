// Printers the hub prints tickets and bag labels on: a thermal printer on the network speaking
// ESC/POS (TCP, port 9100 as a rule), or an operating-system printer (the Electron app only).
// Pure schemas, shared by the core (which prints), the settings screen and the managed config.
import { z } from 'zod'

/**
 * The code pages the encoder (receiptline) has for single-byte text; a printer set to another is
 * refused, since the encoder would fall back to cp437 and print Cyrillic as garbage.
 */
export const CODEPAGES = [
  'cp866',
  'cp437',
  'cp852',
  'cp858',
  'cp860',
  'cp863',
  'cp865',
  'cp1252',
] as const
export type Codepage = (typeof CODEPAGES)[number]

/** Paper widths, mm: 80 holds 48 characters a line, 58 holds 32. */
export const PAPER_WIDTHS = [80, 58] as const
export const CHARS_PER_LINE: Record<(typeof PAPER_WIDTHS)[number], number> = { 80: 48, 58: 32 }

/** When a printer prints by itself: a ticket on arrival, a bag label on the bump, or never. */
export const PRINT_TRIGGERS = ['new', 'ready', 'never'] as const
export type PrintTrigger = (typeof PRINT_TRIGGERS)[number]

export const PRINTER_KINDS = ['escpos-tcp', 'system'] as const

const required = (what: string) => ({
  error: (issue: { input: unknown }) =>
    issue.input === undefined ? `is required for ${what}` : undefined,
})

// Host names and addresses: letters, digits, dots, dashes, colons (IPv6); no scheme, no port.
const HostSchema = z
  .string(required('an escpos-tcp printer (its address on the network)'))
  .trim()
  .min(1, 'is empty: an escpos-tcp printer needs its address on the network')
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or an IP address, without a port')

const common = {
  /** Names the printer in the queue and the journal. */
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1 to 32 of a-z, 0-9 and "-"'),
  /** Shown to people: «принтер „Упаковка“ не отвечает». */
  name: z.string().trim().min(1, 'is empty').max(64),
  width: z.literal(PAPER_WIDTHS, { error: 'must be 80 or 58 (mm)' }).default(80),
  codepage: z
    .enum(CODEPAGES, {
      error: (issue) =>
        `the encoder has no code page ${JSON.stringify(issue.input)}; use one of ${CODEPAGES.join(', ')}`,
    })
    .default('cp866'),
  print: z.enum(PRINT_TRIGGERS).default('new'),
  /** Limits a ticket to this station's items; null: every item. */
  station: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, 'must be a station id')
    .nullable()
    .default(null),
}

export const EscposTcpPrinterSchema = z.object({
  ...common,
  kind: z.literal('escpos-tcp'),
  host: HostSchema,
  port: z.number().int().min(1).max(65_535).default(9100),
})

export const SystemPrinterSchema = z.object({
  ...common,
  kind: z.literal('system'),
  /** The operating system's name of the printer, as Electron lists it. */
  deviceName: z
    .string(required('a system printer (its name in the operating system)'))
    .trim()
    .min(1, 'is empty: a system printer needs its name in the operating system')
    .max(256),
})

export const PrinterSchema = z.discriminatedUnion('kind', [
  EscposTcpPrinterSchema,
  SystemPrinterSchema,
])

export const PrintersSchema = z
  .array(PrinterSchema)
  .max(32)
  .superRefine((printers, context) => {
    const seen = new Set<string>()
    printers.forEach((printer, index) => {
      if (seen.has(printer.id)) {
        context.addIssue({
          code: 'custom',
          message: `"${printer.id}" is used by two printers`,
          path: [index, 'id'],
        })
      }
      seen.add(printer.id)
    })
  })

export type Printer = z.infer<typeof PrinterSchema>
export type PrinterInput = z.input<typeof PrinterSchema>
export type EscposTcpPrinter = z.infer<typeof EscposTcpPrinterSchema>
export type SystemPrinter = z.infer<typeof SystemPrinterSchema>

/** What a print is: a kitchen ticket, a bag label, or the settings screen's test page. */
export const PRINT_DOCUMENTS = ['ticket', 'label', 'test'] as const
export const PrintDocumentSchema = z.enum(PRINT_DOCUMENTS)
export type PrintDocument = z.infer<typeof PrintDocumentSchema>

/** One printer's state, for every screen's warning and the settings screen. */
export const PrinterStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `down`: the last attempt failed and tickets wait for it. */
  state: z.enum(['ok', 'down']),
  /** Tickets waiting for this printer. */
  waiting: z.number().int().nonnegative(),
  /** Why the last attempt failed, in words; null when it printed. */
  error: z.string().nullable(),
})
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>

/** The preview of a print, as the printer will lay it out: an SVG image and its width in dots. */
export const PrintPreviewSchema = z.object({ svg: z.string().max(2_000_000) })
export type PrintPreview = z.infer<typeof PrintPreviewSchema>
