// Where a ticket is on the line: which stations it visits, which of them it is at now, and whether
// the expo may call it ready. Derived from the board entry's marks and the routing, never stored:
// the marks are the journaled truth, the routing the hub's configuration.
import type { BoardOrder } from './board'
import { stationsOfOrder, type StationRouting } from './stations'

/**
 * The stations an order visits: those with its items, then every station down their `next`
 * lines (an assembly line's packer has no items of its own but must still bump the ticket).
 */
export function routeOfOrder(entry: BoardOrder, routing: StationRouting): string[] {
  if (entry.order === null) return []
  const own = stationsOfOrder(entry.order, routing.stations, routing.defaultStation)
  return routeFrom([...own.keys()], routing)
}

/** The stations `own` lead to, themselves first. */
function routeFrom(own: readonly string[], routing: StationRouting): string[] {
  const route = new Set(own)
  const nextOf = new Map(routing.stations.map((station) => [station.id, station.next]))
  for (const start of own) {
    let at = nextOf.get(start)
    // StationsSchema forbids circles; the size bound keeps a bad config from looping anyway.
    while (at !== undefined && !route.has(at) && route.size <= nextOf.size) {
      route.add(at)
      at = nextOf.get(at)
    }
  }
  return [...route]
}

/** Whether `station` has bumped the order. */
export const stationDone = (entry: BoardOrder, station: string): boolean =>
  entry.stationsDone?.includes(station) ?? false

/** Whether item `index` of the order is marked done. */
export const itemDone = (entry: BoardOrder, index: number): boolean =>
  entry.itemsDone?.includes(index) ?? false

/**
 * Whether the ticket is at `station` now: on its route, not bumped there yet, and either the
 * station has items of its own in it or a station whose `next` it is has bumped it on.
 */
export function atStation(entry: BoardOrder, station: string, routing: StationRouting): boolean {
  if (entry.order === null || stationDone(entry, station)) return false
  const own = stationsOfOrder(entry.order, routing.stations, routing.defaultStation)
  if (own.has(station)) return true
  if (!routeFrom([...own.keys()], routing).includes(station)) return false
  return routing.stations.some((prev) => prev.next === station && stationDone(entry, prev.id))
}

/** Whether every station on the order's route has bumped it: the expo may hand it out. */
export function orderReady(entry: BoardOrder, routing: StationRouting): boolean {
  const route = routeOfOrder(entry, routing)
  return route.length > 0 && route.every((station) => stationDone(entry, station))
}
