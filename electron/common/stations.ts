// Stations: where each item of an order is cooked. Defined on the hub (settings, managed key
// `stations`); every screen routes items with the same pure rules, so a station screen and the
// expo agree with the hub about which item is whose.
import { z } from 'zod'
import type { CardOrder, CardProduct } from './card-order'

/** A station's id: short, lower case, safe in a URL (`?screen=station:hot`). */
export const StationIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,32}$/, 'must be 1 to 32 lower-case letters, digits or "-"')

export const StationSchema = z.object({
  id: StationIdSchema,
  name: z.string().trim().min(1, 'is empty').max(64, 'is longer than 64 characters'),
  /** Product `_id`s, or parts of product titles (case-insensitive); the first station matching wins. */
  match: z.array(z.string().trim().min(1, 'is empty').max(200)).max(1_000),
  /** An assembly line: this station's bump sends the ticket on to `next`. */
  next: StationIdSchema.optional(),
})

/** The stations of a hub: ids unique, every `next` names one of them, no line runs in a circle. */
export const StationsSchema = z
  .array(StationSchema)
  .max(32, 'at most 32 stations')
  .superRefine((stations, ctx) => {
    const ids = new Set<string>()
    stations.forEach((station, index) => {
      if (ids.has(station.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${station.id}" twice` })
      }
      ids.add(station.id)
    })
    stations.forEach((station, index) => {
      if (station.next !== undefined && !ids.has(station.next)) {
        const message = `names no station: "${station.next}"`
        ctx.addIssue({ code: 'custom', path: [index, 'next'], message })
      }
    })
    const cycle = firstCycle(stations)
    if (cycle !== null) {
      const message = `the line runs in a circle: ${cycle.join(' → ')}`
      ctx.addIssue({ code: 'custom', path: [], message })
    }
  })

export type Station = z.infer<typeof StationSchema>

/** What routing needs: the stations and where an item no station matches goes. */
export interface StationRouting {
  stations: readonly Station[]
  /** null: the first station takes what no station matches. */
  defaultStation: string | null
}

/** The first station id that comes back round to itself following `next`, as a path, or null. */
function firstCycle(stations: readonly Station[]): string[] | null {
  const next = new Map(stations.map((station) => [station.id, station.next]))
  for (const start of next.keys()) {
    const path = [start]
    let at = next.get(start)
    while (at !== undefined && path.length <= next.size) {
      path.push(at)
      if (at === start) return path
      at = next.get(at)
    }
  }
  return null
}

/** What a station's `match` is compared with: the product's `_id` and title. */
type Routable = Pick<CardProduct, 'product'>

/**
 * The station an item goes to: the first station whose `match` holds the product's `_id` or a
 * case-insensitive part of its title; else `defaultStation` (when it names a station); else the
 * first station, so no item is left without one. null only when there are no stations.
 */
export function stationOfItem(
  item: Routable,
  stations: readonly Station[],
  defaultStation: string | null,
): string | null {
  const first = stations[0]
  if (first === undefined) return null
  const id = typeof item.product._id === 'string' ? item.product._id : null
  const title = item.product.title.toLowerCase()
  for (const { station, ids, parts } of compiled(stations)) {
    if (id !== null && ids.has(id)) return station
    if (parts.some((part) => title.includes(part))) return station
  }
  if (defaultStation !== null && stations.some((station) => station.id === defaultStation)) {
    return defaultStation
  }
  return first.id
}

interface CompiledStation {
  station: string
  ids: ReadonlySet<string>
  parts: readonly string[]
}

// Screens route every item of every order on each change: the patterns are lowered once per
// stations list (settings replace the list, never change it in place).
const compiledLists = new WeakMap<readonly Station[], CompiledStation[]>()

function compiled(stations: readonly Station[]): CompiledStation[] {
  let list = compiledLists.get(stations)
  if (list === undefined) {
    list = stations.map((station) => ({
      station: station.id,
      ids: new Set(station.match),
      parts: station.match.map((pattern) => pattern.toLowerCase()),
    }))
    compiledLists.set(stations, list)
  }
  return list
}

/** The items of `order` by station: station id -> item indices, in the order of the items. */
export function stationsOfOrder(
  order: Pick<CardOrder, 'products'>,
  stations: readonly Station[],
  defaultStation: string | null,
): Map<string, number[]> {
  const byStation = new Map<string, number[]>()
  order.products.forEach((item, index) => {
    const station = stationOfItem(item, stations, defaultStation)
    if (station === null) return
    const items = byStation.get(station)
    if (items === undefined) byStation.set(station, [index])
    else items.push(index)
  })
  return byStation
}
