// How tickets tile a screen: column-major, each ticket as tall as its content, in as many columns
// as fit at a readable width; pages are consecutive sets of columns. Pure arithmetic on measured
// sizes, so the rules (what starts a column, where a long ticket is cut) are tested without a DOM.

/** A ticket's measured height, and where it may be cut: offsets below whole lines, ascending. */
export interface TileSize {
  height: number
  breaks: readonly number[]
}

/** What one column shows of one ticket: the pixels `from`–`to` of it. */
export interface TilePiece {
  /** The ticket's index in the list packed. */
  index: number
  from: number
  to: number
  /** Not the ticket's top: drawn under a «продолжение» header. */
  continued: boolean
  /** Not the ticket's bottom: the rest is in the next column. */
  cut: boolean
}

/** One screen of tickets: its columns, left to right. */
export interface TilePage {
  columns: TilePiece[][]
}

/** The space the tickets are packed into. */
export interface TileFrame {
  /** Columns on a page, at least one. */
  columns: number
  /** A column's width in px: the sizes measured hold for this width only. */
  width: number
  /** A column's height in px. */
  height: number
  /** The space between two tickets of a column. */
  gap: number
  /** The header over a continued piece («продолжение»). */
  continuedHead: number
}

/** Columns of this width (px) or wider are readable from two metres. */
export function columnCount(width: number, minWidth: number, gap: number): number {
  if (!(width > 0) || !(minWidth > 0)) return 1
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)))
}

/** Where to cut a ticket shown from `from` with `room` px: the lowest break that fits. */
function cutAt(size: TileSize, from: number, room: number): number {
  const limit = from + room
  let best = limit
  for (const at of size.breaks) {
    if (at > from && at <= limit) best = at
  }
  // A break just below the top would leave an empty piece: cut at the room's edge instead.
  return best - from < room / 4 ? limit : best
}

/** Packs tickets (by their sizes, in reading order) into pages of columns. */
export function packTiles(sizes: readonly TileSize[], frame: TileFrame): TilePage[] {
  const perPage = Math.max(1, Math.floor(frame.columns))
  // A column too short for anything still takes a piece, so packing always moves on.
  const height = Math.max(frame.height, frame.continuedHead + 1)
  const columns: TilePiece[][] = [[]]
  let used = 0
  const current = () => columns[columns.length - 1] ?? []
  const nextColumn = () => {
    columns.push([])
    used = 0
  }
  const place = (piece: TilePiece, pieceHeight: number) => {
    current().push(piece)
    used += pieceHeight + frame.gap
  }

  sizes.forEach((size, index) => {
    const total = Math.max(0, size.height)
    const room = current().length === 0 ? height : height - used
    if (total <= room)
      return place({ index, from: 0, to: total, continued: false, cut: false }, total)
    if (current().length > 0) nextColumn()
    if (total <= height)
      return place({ index, from: 0, to: total, continued: false, cut: false }, total)
    // Taller than a whole column: cut it, and go on in the next columns under a header.
    let from = 0
    let continued = false
    while (from < total) {
      const space = continued ? height - frame.continuedHead : height
      const rest = total - from
      const to = rest <= space ? total : cutAt(size, from, space)
      const shown = to - from + (continued ? frame.continuedHead : 0)
      place({ index, from, to, continued, cut: to < total }, shown)
      if (to < total) nextColumn()
      from = to
      continued = true
    }
  })

  const pages: TilePage[] = []
  for (let start = 0; start < columns.length; start += perPage) {
    pages.push({ columns: columns.slice(start, start + perPage) })
  }
  // The last column may have been opened for nothing: drop empty columns, then empty pages.
  return pages
    .map((page) => ({ columns: page.columns.filter((column) => column.length > 0) }))
    .filter((page, at) => page.columns.length > 0 || at === 0)
}

/** The tickets a page shows from their top (not only a continuation), in reading order. */
export function ticketsOn(page: TilePage | undefined): number[] {
  if (page === undefined) return []
  const seen = new Set<number>()
  for (const column of page.columns) {
    for (const piece of column) if (!piece.continued) seen.add(piece.index)
  }
  return [...seen]
}

/** The page on which a ticket starts, or -1. */
export function pageOf(pages: readonly TilePage[], index: number): number {
  return pages.findIndex((page) =>
    page.columns.some((column) =>
      column.some((piece) => piece.index === index && !piece.continued),
    ),
  )
}
