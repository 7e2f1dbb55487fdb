// What a station or the expo asks of the hub: an item struck through, a station's bump and its
// recall. Each is checked against the board and the stations, then applied (and so journaled) as
// one board change carrying the items as the hub routed them.
import type { BoardOrder, BoardChange, BoardSnapshot } from '../common/board'
import type { StationsInfo } from '../common/hub'
import { stationsOfOrder, type StationRouting } from '../common/stations'

/** What the commands need of the board. */
export interface StationBoard {
  get(id: string): BoardOrder | undefined
  snapshot(): BoardSnapshot
  apply(change: BoardChange): unknown
}

/** The station commands over `board`, routed by what `routing()` says now. */
export function stationCommands(
  board: StationBoard,
  routing: () => StationRouting,
  now: () => number = Date.now,
) {
  const orderOf = (id: string): BoardOrder => {
    const entry = board.get(id)
    if (entry === undefined) throw new Error(`no order with _id "${id}" on the board`)
    return entry
  }
  const knownStation = (station: string): void => {
    if (!routing().stations.some((known) => known.id === station)) {
      throw new Error(`no station "${station}": the hub's stations are set in its settings`)
    }
  }
  const itemsAt = (entry: BoardOrder, station: string): number[] => {
    if (entry.order === null) return []
    const { stations, defaultStation } = routing()
    return stationsOfOrder(entry.order, stations, defaultStation).get(station) ?? []
  }

  return {
    itemDone(id: string, item: number, done: boolean): null {
      const entry = orderOf(id)
      const count = entry.order?.products.length ?? 0
      if (item >= count) {
        throw new Error(`order "${id}" has ${count} items; there is no item ${item}`)
      }
      board.apply({ type: 'item:done', id, item, done, at: now() })
      return null
    },

    bumpStation(id: string, station: string): null {
      knownStation(station)
      const entry = orderOf(id)
      // Strictly after the station's last bump, so "recall the last" is never a tie.
      const last = latestAt(board.snapshot().orders, station)?.at ?? 0
      const at = Math.max(now(), last + 1)
      board.apply({ type: 'station:bump', id, station, items: itemsAt(entry, station), at })
      return null
    },

    recallStation(station: string, id: string | null): string | null {
      knownStation(station)
      const target = id ?? latestAt(board.snapshot().orders, station)?.id ?? null
      if (target === null) return null
      const entry = board.get(target)
      if (entry?.stationsDone?.includes(station) !== true) return null
      const items = itemsAt(entry, station)
      board.apply({ type: 'station:recall', id: target, station, items, at: now() })
      return target
    },

    /** The stations, and every product on the board with the station its items go to. */
    stations(): StationsInfo {
      const { stations, defaultStation } = routing()
      const products = new Map<string, StationsInfo['products'][number]>()
      for (const entry of board.snapshot().orders) {
        for (const item of entry.order?.products ?? []) {
          const productId = item.product._id
          if (productId === undefined || products.has(productId)) continue
          const station = stationsOfOrder({ products: [item] }, stations, defaultStation)
          const [first] = station.keys()
          products.set(productId, {
            _id: productId,
            title: item.product.title,
            station: first ?? null,
          })
        }
      }
      const list = [...products.values()].sort((a, b) => a.title.localeCompare(b.title))
      return { stations: [...stations], defaultStation, products: list }
    },
  }
}

/** The order `station` bumped last that is still bumped there, and when; or null. */
function latestAt(
  orders: readonly BoardOrder[],
  station: string,
): { id: string; at: number } | null {
  let latest: { id: string; at: number } | null = null
  for (const entry of orders) {
    const at = entry.stationsDoneAt?.[station]
    if (at !== undefined && (latest === null || at > latest.at)) latest = { id: entry.id, at }
  }
  return latest
}
