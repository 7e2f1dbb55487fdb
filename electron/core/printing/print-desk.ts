// The settings screen's side of printing: the preview of a ticket, a label or the test page as a
// printer (saved or still being edited) lays it out, and the test page printed at once, not
// queued, so the person setting the printer up sees whether it worked.
import type { BoardOrder } from '../../common/board'
import type { Printer, PrintDocument, PrintPreview } from '../../common/printers'
import type { Language } from '../../common/settings'
import type { Logger } from '../logger'
import { deliver, previewOf, type SystemPrint } from './print-output'
import { everyItem, jobDocument, type StationMatcher } from './print-jobs'
import { testDocument } from './print-ticket'
import { sampleOrder } from './sample-order'

export interface PrintDeskOptions {
  language: () => Language
  systemPrint: SystemPrint | null
  stationMatcher?: StationMatcher
  stationName?: (id: string) => string | null
  /** The order to preview: the board's latest, or null for the made-up one. */
  latestOrder: () => BoardOrder | null
  timeoutMs?: number
  log: Logger
  now?: () => number
}

export class PrintDesk {
  constructor(private readonly options: PrintDeskOptions) {}

  /** The document as `printer` prints it; a ticket limited to its station shows only those items. */
  preview(printer: Printer, document: PrintDocument): PrintPreview {
    return previewOf(printer, this.document(printer, document))
  }

  /** Prints the test page on `printer`; rejects with the reason it did not print. */
  async testPrint(printer: Printer): Promise<void> {
    const { systemPrint, timeoutMs = 5_000 } = this.options
    await deliver(printer, this.document(printer, 'test'), { systemPrint, timeoutMs })
    this.options.log.info('test page printed', { printer: printer.id })
  }

  private document(printer: Printer, document: PrintDocument): string {
    const at = (this.options.now ?? Date.now)()
    const language = this.options.language()
    if (document === 'test') return testDocument(printer, at, language)
    const order = this.options.latestOrder()?.order ?? sampleOrder(at)
    const context = {
      matcher: this.options.stationMatcher ?? everyItem,
      stationName: this.options.stationName ?? (() => null),
      language,
      at,
    }
    const job = { printer: printer.id, order: order._id, document, trigger: 'new' } as const
    // A station printer with none of this order's items still previews the whole ticket.
    return (
      jobDocument(job, printer, order, context) ??
      jobDocument(job, { ...printer, station: null }, order, context) ??
      ''
    )
  }
}
