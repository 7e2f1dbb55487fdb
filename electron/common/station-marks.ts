// The reducer of the marks made at stations: an item struck through or back, a station's bump and
// its recall. Pure, like board.ts, and applied the same way on the hub and on every screen.
import type { BoardOrder, StationChange } from './board'

const sorted = (items: Iterable<number>): number[] => [...new Set(items)].sort((a, b) => a - b)

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((value, index) => value === b[index])

/** `entry` with `itemsDone` set to `items` (left out when empty, as an unmarked order has none). */
function withItems(entry: BoardOrder, items: number[]): BoardOrder {
  const next: BoardOrder = { ...entry }
  if (items.length === 0) delete next.itemsDone
  else next.itemsDone = items
  return next
}

/** Applies a station mark; `prev` itself when it changes nothing. */
export function markStation(prev: BoardOrder, change: StationChange): BoardOrder {
  const done = prev.itemsDone ?? []
  const stations = prev.stationsDone ?? []
  if (change.type === 'item:done') {
    // An item the order does not have (yet, or any more) cannot be marked.
    const count = prev.order?.products.length ?? 0
    if (change.item >= count) return prev
    const items = change.done
      ? sorted([...done, change.item])
      : done.filter((index) => index !== change.item)
    if (sameList(items, done)) return prev
    return { ...withItems(prev, items), changedAt: change.at }
  }
  if (change.type === 'station:bump') {
    const items = sorted([...done, ...change.items])
    if (stations.includes(change.station) && sameList(items, done)) return prev
    const next = withItems(prev, items)
    if (!stations.includes(change.station)) {
      next.stationsDone = [...stations, change.station]
      next.stationsDoneAt = { ...prev.stationsDoneAt, [change.station]: change.at }
    }
    return { ...next, changedAt: change.at }
  }
  if (!stations.includes(change.station)) return prev
  const reopened = new Set(change.items)
  const next = withItems(
    prev,
    done.filter((index) => !reopened.has(index)),
  )
  const left = stations.filter((station) => station !== change.station)
  const at = Object.fromEntries(
    Object.entries(prev.stationsDoneAt ?? {}).filter(([station]) => station !== change.station),
  )
  if (left.length === 0) {
    delete next.stationsDone
    delete next.stationsDoneAt
  } else {
    next.stationsDone = left
    next.stationsDoneAt = at
  }
  return { ...next, changedAt: change.at }
}
