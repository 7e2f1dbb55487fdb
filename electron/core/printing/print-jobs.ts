// A print job: which printer prints what of which order, and why. Jobs are intents (journaled in
// intents-print.jsonl): the payload names the order and the printer, and the ticket is laid out
// when it is tried, from the board's order and the printer's settings of that moment, so a
// printer whose address was corrected prints what waited for it.
import { z } from 'zod'
import type { CardOrder } from '../../common/card-order'
import type { Printer } from '../../common/printers'
import { IdSchema } from '../../common/protocol/schemas'
import type { Language } from '../../common/settings'
import { stationsOfOrder, type StationRouting } from '../../common/stations'
import { ticketDocument } from './print-ticket'

export const PrintJobSchema = z.object({
  printer: z.string().regex(/^[a-z0-9-]{1,32}$/),
  order: IdSchema,
  document: z.enum(['ticket', 'label']),
  /** `new` and `ready` print once per order and printer; a `reprint` is asked for on purpose. */
  trigger: z.enum(['new', 'ready', 'reprint']),
  /** Passed on along an assembly line: the whole ticket when its station has none of the items. */
  passedOn: z.literal(true).optional(),
})
export type PrintJob = z.infer<typeof PrintJobSchema>

/** The item indices of `order` that belong to `station`, by the kitchen's routing rules. */
export type StationMatcher = (order: CardOrder, station: string) => number[]

/** Without stations, a station printer prints every item. */
export const everyItem: StationMatcher = (order) => order.products.map((_, index) => index)

/** The hub's routing (common/stations.ts); every item while no stations are configured. */
export function routedItems(routing: () => StationRouting): StationMatcher {
  return (order, station) => {
    const { stations, defaultStation } = routing()
    if (stations.length === 0) return everyItem(order, station)
    return stationsOfOrder(order, stations, defaultStation).get(station) ?? []
  }
}

/** The key that makes an automatic print happen once: the printer, the order, the trigger. */
export const onceKey = (job: PrintJob): string | null =>
  job.trigger === 'reprint' ? null : `${job.printer}/${job.order}/${job.trigger}`

/** What a printer prints of an order by itself: a ticket on `new`, a label on `ready`. */
export const documentFor = (printer: Printer): PrintJob['document'] =>
  printer.print === 'ready' ? 'label' : 'ticket'

/** The items a printer shows of `order`: its station's, or all; null when it has none of them. */
export function itemsFor(
  printer: Printer,
  order: CardOrder,
  matcher: StationMatcher,
): number[] | undefined | null {
  if (printer.station === null) return undefined
  const items = matcher(order, printer.station)
  return items.length === 0 ? null : items
}

export interface LayoutContext {
  matcher: StationMatcher
  stationName: (id: string) => string | null
  language: Language
  at: number
  /** Marked as printed again (it may have been printed before), whatever the trigger. */
  again?: boolean
}

/** The ReceiptLine document of a job, or null when the printer has none of the order's items. */
export function jobDocument(
  job: PrintJob,
  printer: Printer,
  order: CardOrder,
  context: LayoutContext,
): string | null {
  // A label is for the whole bag: every item, whatever the printer's station.
  let items = job.document === 'label' ? undefined : itemsFor(printer, order, context.matcher)
  if (items === null && job.passedOn === true) items = undefined
  if (items === null) return null
  return ticketDocument({
    order,
    document: job.document,
    items,
    stationName:
      printer.station === null ? null : (context.stationName(printer.station) ?? printer.station),
    reprint: job.trigger === 'reprint' || context.again === true,
    at: context.at,
    language: context.language,
  })
}
