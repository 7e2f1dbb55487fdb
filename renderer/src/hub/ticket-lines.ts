// Which item lines a ticket shows on a screen of a given role, with each line's station and state;
// and a station's all-day counts. Pure functions of the board entry and the hub's routing, so the
// station screen, the expo and their tests agree with the hub (the same rules in electron/common).
import type { BoardOrder } from '../../../electron/common/board'
import type { CardProduct } from '../../../electron/common/card-order'
import { conditionInfo } from '../../../electron/common/conditions'
import { stationOfRole, type ScreenRole } from '../../../electron/common/roles'
import { itemDone, stationDone } from '../../../electron/common/station-progress'
import { stationOfItem, type StationRouting } from '../../../electron/common/stations'
import type { AllDayLine } from '../kitchen/derive'

/** One item line of a ticket. */
export interface TicketLine {
  /** The item's index in the order's products: what `itemDone` names. */
  index: number
  item: CardProduct
  /** The station the item goes to; null without stations. */
  station: string | null
  done: boolean
}

/** What a ticket shows of its items on one screen. */
export interface TicketCut {
  lines: TicketLine[]
  /** Items of the order not shown here (another station's): «+3 в других цехах». */
  others: number
  /** Whether a touch on a line marks it done or back (a station's own items). */
  touchable: boolean
}

const NOTHING: TicketCut = { lines: [], others: 0, touchable: false }

/** Every item line of an order, with its station and state. */
export function ticketLines(entry: BoardOrder, routing: StationRouting): TicketLine[] {
  const order = entry.order
  if (order === null) return []
  return order.products.map((item, index) => {
    const station = stationOfItem(item, routing.stations, routing.defaultStation)
    const done = itemDone(entry, index) || (station !== null && stationDone(entry, station))
    return { index, item, station, done }
  })
}

/**
 * The lines `role` shows. A station shows its own items, touchable; a station an assembly line
 * passes the ticket to, with no items of its own, shows the whole ticket to assemble, as it is.
 * Every other role shows every item.
 */
export function ticketCut(entry: BoardOrder, role: ScreenRole, routing: StationRouting): TicketCut {
  const all = ticketLines(entry, routing)
  if (all.length === 0) return NOTHING
  const station = stationOfRole(role)
  if (station === null) return { lines: all, others: 0, touchable: false }
  const own = all.filter((line) => line.station === station)
  if (own.length === 0) return { lines: all, others: 0, touchable: false }
  return { lines: own, others: all.length - own.length, touchable: true }
}

/** Lines under their station, the stations in the order their first item comes. */
export interface StationGroup {
  station: string | null
  lines: TicketLine[]
  /** Every line of the group is done. */
  done: boolean
}

export function groupByStation(lines: readonly TicketLine[]): StationGroup[] {
  const groups = new Map<string | null, TicketLine[]>()
  for (const line of lines) {
    const group = groups.get(line.station)
    if (group === undefined) groups.set(line.station, [line])
    else group.push(line)
  }
  return [...groups].map(([station, grouped]) => ({
    station,
    lines: grouped,
    done: grouped.every((line) => line.done),
  }))
}

/**
 * What is still open at `station`, by product and variant, the most first: its own items not
 * done, over the orders `shown` on its screen (not bumped, at the station now).
 */
export function stationAllDay(
  shown: Iterable<BoardOrder>,
  station: string,
  routing: StationRouting,
): AllDayLine[] {
  const lines = new Map<string, AllDayLine>()
  for (const entry of shown) {
    if (conditionInfo(entry.condition).final) continue
    for (const line of ticketLines(entry, routing)) {
      if (line.station !== station || line.done) continue
      const title = line.item.product.title
      const variant = line.item.variant?.title ?? null
      const key = `${title}\u0000${variant ?? ''}`
      const known = lines.get(key)
      if (known === undefined) lines.set(key, { key, title, variant, count: line.item.number })
      else known.count += line.item.number
    }
  }
  return [...lines.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
}
