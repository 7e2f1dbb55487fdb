// The stations editor's draft: stations as a person edits them (a station with no `next` has
// null), and a product put on a station by its `_id` in that station's `match`. Pure, so the
// rules (one station per product, removing a station unhooks what pointed at it) are tested alone.
import { formatIssues } from '../../../electron/common/protocol/parse'
import { StationsSchema, type Station } from '../../../electron/common/stations'

export interface StationDraft {
  id: string
  name: string
  next: string | null
  match: string[]
  /** Added in this editor: its id may still be changed. */
  added: boolean
}

export const draftsOf = (stations: readonly Station[]): StationDraft[] =>
  stations.map((station) => ({
    id: station.id,
    name: station.name,
    next: station.next ?? null,
    match: [...station.match],
    added: false,
  }))

/** The station a product is put on by its `_id`; null when only the rules (titles) place it. */
export const pickedStation = (drafts: readonly StationDraft[], productId: string): string | null =>
  drafts.find((draft) => draft.match.includes(productId))?.id ?? null

/** Puts a product on `station` by its `_id` (null: back to the rules), off every other station. */
export function assignProduct(
  drafts: readonly StationDraft[],
  productId: string,
  station: string | null,
): StationDraft[] {
  return drafts.map((draft) => {
    const match = draft.match.filter((pattern) => pattern !== productId)
    if (draft.id === station) match.push(productId)
    return { ...draft, match }
  })
}

/** A new station with an id no other has: `station-2`, `station-3`… */
export function addStation(drafts: readonly StationDraft[], name: string): StationDraft[] {
  const ids = new Set(drafts.map((draft) => draft.id))
  let n = drafts.length + 1
  while (ids.has(`station-${n}`)) n += 1
  return [...drafts, { id: `station-${n}`, name, next: null, match: [], added: true }]
}

/** Removes a station; stations that passed tickets on to it now end their line there. */
export function removeStation(drafts: readonly StationDraft[], id: string): StationDraft[] {
  return drafts
    .filter((draft) => draft.id !== id)
    .map((draft) => (draft.next === id ? { ...draft, next: null } : draft))
}

/** The stations to save, or the reason they cannot be, naming the station and the field. */
export function stationsOf(
  drafts: readonly StationDraft[],
): { ok: true; stations: Station[] } | { ok: false; reason: string } {
  const stations = drafts.map((draft) => ({
    id: draft.id.trim(),
    name: draft.name.trim(),
    match: draft.match,
    ...(draft.next === null ? {} : { next: draft.next }),
  }))
  const parsed = StationsSchema.safeParse(stations)
  return parsed.success
    ? { ok: true, stations: parsed.data }
    : { ok: false, reason: formatIssues(parsed.error) }
}
