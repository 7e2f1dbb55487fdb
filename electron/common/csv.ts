// CSV of the day's orders for spreadsheets: RFC 4180 (comma, CRLF, fields with a quote, comma or
// line break in double quotes, quotes doubled), UTF-8 with a byte-order mark so spreadsheet
// programs read Cyrillic right. Two files: one row per order, and one row per condition change.
// Test orders (isTestOrder) stay in both, marked in a column of their own, so a spreadsheet can
// filter them out as the dispatcher's figures do.
import type { BoardOrder } from './board'
import { compareConditions, KNOWN_CONDITIONS } from './conditions'
import { isTestEntry, touchesDay } from './service-speed'

/** The byte-order mark that tells spreadsheet programs the file is UTF-8. */
export const BOM = '\uFEFF'

const DAY = 24 * 60 * 60 * 1000

/** The texts of a file's headers and values, in the display's language. */
export interface CsvLabels {
  number: string
  id: string
  created: string
  customer: string
  phone: string
  mode: string
  delivery: string
  pickup: string
  address: string
  cost: string
  condition: string
  time: string
  /** The header of the test-order column, and the mark in it of a test order. */
  test: string
  testMark: string
  /** A condition's name, for its column and in the rows. */
  conditionLabel: (code: string) => string
}

type Cell = string | number | null

/** Text a spreadsheet would run as a formula (`=`, `@`, or a `+`/`-` not starting a number). */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s()-]*$))/

/** One field, quoted when RFC 4180 needs it; text that looks like a formula is defused with `'`. */
export function csvField(value: Cell): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A whole file: the BOM, then each row's fields joined by commas, each row ended by CRLF. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A moment as `2026-11-26 14:05:09` in this machine's time zone, as spreadsheets read dates. */
export function csvTime(at: number): string {
  const d = new Date(at)
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** A day as `2026-11-26`, for file names. */
export const csvDate = (at: number): string => csvTime(at).slice(0, 10)

/** The orders with a change on the day starting at `dayStart`, in the order they arrived. */
export function ordersOfDay(orders: Iterable<BoardOrder>, dayStart: number): BoardOrder[] {
  const first = (entry: BoardOrder) => entry.history[0]?.at ?? entry.receivedAt
  return [...orders]
    .filter((entry) => touchesDay(entry, dayStart))
    .sort((a, b) => first(a) - first(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const testCell = (entry: BoardOrder, labels: CsvLabels): Cell =>
  isTestEntry(entry) ? labels.testMark : null

/**
 * One row per order: number, _id, created (the backend's clock), customer, phone, delivery or
 * pickup, address, cost, current condition, the test-order mark, then one column per condition
 * (the known ones and any other seen) with the time this display saw the order reach it.
 */
export function ordersCsv(orders: readonly BoardOrder[], labels: CsvLabels): string {
  const seen = new Set(KNOWN_CONDITIONS.map((info) => info.code))
  for (const entry of orders) for (const { condition } of entry.history) seen.add(condition)
  const conditions = [...seen].sort(compareConditions)
  const header = [
    labels.number,
    labels.id,
    labels.created,
    labels.customer,
    labels.phone,
    labels.mode,
    labels.address,
    labels.cost,
    labels.condition,
    labels.test,
    ...conditions.map(labels.conditionLabel),
  ]
  const rows = orders.map((entry) => {
    const order = entry.order
    const reached = new Map<string, number>()
    for (const { condition, at } of entry.history)
      if (!reached.has(condition)) reached.set(condition, at)
    return [
      order?.number ?? null,
      entry.id,
      order === null ? null : csvTime(order.createdAt),
      order?.username ?? null,
      order?.phone ?? null,
      order === null ? null : order.delivery ? labels.delivery : labels.pickup,
      order?.delivery === true ? (order.address ?? null) : null,
      order?.cost ?? null,
      labels.conditionLabel(entry.condition),
      testCell(entry, labels),
      ...conditions.map((code) => {
        const at = reached.get(code)
        return at === undefined ? null : csvTime(at)
      }),
    ]
  })
  return csvText([header, ...rows])
}

/** One row per condition change on the day starting at `dayStart`, oldest first, test ones marked. */
export function changesCsv(
  orders: readonly BoardOrder[],
  labels: CsvLabels,
  dayStart: number,
): string {
  const changes = orders.flatMap((entry) =>
    entry.history
      .filter(({ at }) => at >= dayStart && at < dayStart + DAY)
      .map(({ condition, at }) => ({ entry, condition, at })),
  )
  changes.sort((a, b) => a.at - b.at)
  const header = [
    labels.time,
    labels.number,
    labels.id,
    labels.condition,
    labels.customer,
    labels.test,
  ]
  const rows = changes.map(({ entry, condition, at }) => [
    csvTime(at),
    entry.order?.number ?? null,
    entry.id,
    labels.conditionLabel(condition),
    entry.order?.username ?? null,
    testCell(entry, labels),
  ])
  return csvText([header, ...rows])
}
