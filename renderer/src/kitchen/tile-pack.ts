// How tickets tile a screen: oldest first across the columns, each ticket as tall as its content,
// in as many columns as fit at a readable width; a page is what fits, the next page the rest. Pure
// arithmetic on measured sizes, so the rules (where a ticket goes, where a long one is cut) are
// tested without a DOM.

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

/** A page being filled: its columns, and how much of each is used (px, gaps included). */
interface Filling {
  columns: TilePiece[][]
  used: number[]
}

/**
 * Packs tickets (by their sizes, oldest first) into pages of columns. Each ticket goes to the
 * column of the page with the most room left (the leftmost of equals), so the oldest tickets run
 * across the top and the columns fill evenly; when it fits in none, the page is full and the next
 * page begins with it: nothing on a later page is older than what is shown. A ticket taller than a
 * column is cut and goes on in the page's next empty columns, each piece under a header.
 */
export function packTiles(sizes: readonly TileSize[], frame: TileFrame): TilePage[] {
  const perPage = Math.max(1, Math.floor(frame.columns))
  // A column too short for anything still takes a piece, so packing always moves on.
  const height = Math.max(frame.height, frame.continuedHead + 1)
  const pages: Filling[] = []
  const newPage = (): Filling => {
    const page = {
      columns: Array.from({ length: perPage }, () => [] as TilePiece[]),
      used: Array.from({ length: perPage }, () => 0),
    }
    pages.push(page)
    return page
  }
  let page = newPage()
  const place = (column: number, piece: TilePiece, pieceHeight: number) => {
    page.columns[column]?.push(piece)
    page.used[column] = (page.used[column] ?? 0) + pieceHeight + frame.gap
  }
  /** The column with the most room left on the page being filled. */
  const roomiest = (): number =>
    page.used.reduce((best, used, column) => (used < (page.used[best] ?? 0) ? column : best), 0)
  /** The first empty column of the page at or after `from`; a new page's first when none is. */
  const emptyColumn = (from: number): number => {
    const at = page.used.findIndex((used, column) => column >= from && used === 0)
    if (at >= 0) return at
    page = newPage()
    return 0
  }

  sizes.forEach((size, index) => {
    const total = Math.max(0, size.height)
    if (total <= height) {
      let column = roomiest()
      if ((page.used[column] ?? 0) + total > height) {
        page = newPage()
        column = 0
      }
      return place(column, { index, from: 0, to: total, continued: false, cut: false }, total)
    }
    // Taller than a whole column: cut it, and go on in the next empty columns under a header.
    let column = emptyColumn(0)
    let from = 0
    let continued = false
    while (from < total) {
      const space = continued ? height - frame.continuedHead : height
      const rest = total - from
      const to = rest <= space ? total : cutAt(size, from, space)
      const shown = to - from + (continued ? frame.continuedHead : 0)
      place(column, { index, from, to, continued, cut: to < total }, shown)
      if (to < total) column = emptyColumn(column + 1)
      from = to
      continued = true
    }
  })

  return pages
    .map((filled) => ({ columns: filled.columns }))
    .filter((filled, at) => at === 0 || filled.columns.some((column) => column.length > 0))
}

/** The tickets a page shows from their top (not only a continuation), oldest first. */
export function ticketsOn(page: TilePage | undefined): number[] {
  if (page === undefined) return []
  const seen = new Set<number>()
  for (const column of page.columns) {
    for (const piece of column) if (!piece.continued) seen.add(piece.index)
  }
  return [...seen].sort((a, b) => a - b)
}

/** The page on which a ticket starts, or -1. */
export function pageOf(pages: readonly TilePage[], index: number): number {
  return pages.findIndex((page) =>
    page.columns.some((column) =>
      column.some((piece) => piece.index === index && !piece.continued),
    ),
  )
}
