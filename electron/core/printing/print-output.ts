// Where a print goes: the document encoded for the printer's kind and delivered. A network
// printer gets ESC/POS over TCP; a system printer gets the same document laid out as a page
// (its SVG), printed silently by the Electron shell, which alone can reach the OS's printers.
import type { Printer, PrintPreview } from '../../common/printers'
import { encodeEscpos, renderSvg } from './encode'
import { sendEscpos } from './tcp-printer'

/** What the Electron shell is asked to print on a system printer. */
export interface SystemPrintRequest {
  deviceName: string
  /** The page: the document as the printer lays it out. */
  svg: string
  /** The paper's width in mm. */
  widthMm: number
}

/** Prints on an operating-system printer; rejects with the reason the OS gave. */
export type SystemPrint = (request: SystemPrintRequest) => Promise<void>

export interface OutputOptions {
  /** The Electron shell's printing; null in the browser shell, which has no system printers. */
  systemPrint: SystemPrint | null
  /** One attempt at a network printer gets this long. */
  timeoutMs: number
  signal?: AbortSignal
}

export const NO_SYSTEM_PRINTING =
  'system printers print from the Electron app only; this hub runs in the browser shell'

/** Why `printers` cannot work in this shell (a system printer without system printing), or null. */
export function printersProblem(
  printers: readonly Printer[],
  systemPrint: SystemPrint | null,
): string | null {
  if (systemPrint !== null) return null
  const index = printers.findIndex((printer) => printer.kind === 'system')
  return index < 0 ? null : `printers[${index}].kind: ${NO_SYSTEM_PRINTING}`
}

/** The document as the printer lays it out, for the settings screen. */
export const previewOf = (printer: Printer, document: string): PrintPreview => ({
  svg: renderSvg(document, printer),
})

/** Prints `document` on `printer`; resolves when the printer took it, rejects saying why not. */
export async function deliver(
  printer: Printer,
  document: string,
  options: OutputOptions,
): Promise<void> {
  if (printer.kind === 'escpos-tcp') {
    const bytes = encodeEscpos(document, printer)
    await sendEscpos(printer, bytes, { timeoutMs: options.timeoutMs, signal: options.signal })
    return
  }
  if (options.systemPrint === null) throw new Error(NO_SYSTEM_PRINTING)
  const svg = renderSvg(document, printer)
  await options.systemPrint({ deviceName: printer.deviceName, svg, widthMm: printer.width })
}
