import { describe, expect, it } from 'vitest'
import {
  columnCount,
  packTiles,
  pageOf,
  ticketsOn,
  type TileFrame,
  type TilePage,
} from '../../../renderer/src/kitchen/tile-pack'

const FRAME: TileFrame = { columns: 3, width: 400, height: 700, gap: 10, continuedHead: 40 }
const tall = (height: number, breaks: number[] = []) => ({ height, breaks })
/** Each column of each page as the ticket indices it holds. */
const layout = (pages: TilePage[]) =>
  pages.map((page) => page.columns.map((column) => column.map((piece) => piece.index)))

describe('packTiles', () => {
  it('puts the oldest tickets across the top, then each in the column with the most room', () => {
    const pages = packTiles([tall(300), tall(200), tall(250), tall(100), tall(300)], FRAME)
    expect(layout(pages)).toEqual([[[0], [1, 3], [2, 4]]])
    expect(ticketsOn(pages[0])).toEqual([0, 1, 2, 3, 4])
  })

  it('begins a new page with the first ticket that fits in no column: nothing later is older', () => {
    const sizes = [tall(600), tall(600), tall(600), tall(300), tall(50)]
    const pages = packTiles(sizes, FRAME)
    expect(layout(pages)).toEqual([
      [[0], [1], [2]],
      [[3], [4], []],
    ])
    expect(pageOf(pages, 4)).toBe(1)
    expect(pageOf(pages, 2)).toBe(0)
  })

  it('cuts a ticket taller than a column at a break, and goes on under a header', () => {
    const pages = packTiles([tall(100), tall(1000, [300, 650, 900])], FRAME)
    const pieces = pages[0]?.columns.flat().filter((piece) => piece.index === 1) ?? []
    expect(pieces.map(({ from, to, continued, cut }) => ({ from, to, continued, cut }))).toEqual([
      { from: 0, to: 650, continued: false, cut: true },
      { from: 650, to: 1000, continued: true, cut: false },
    ])
    // The ticket starts in an empty column; the short one keeps the first.
    expect(layout(pages)).toEqual([[[0], [1], [1]]])
    expect(ticketsOn(pages[0])).toEqual([0, 1])
  })

  it('goes on with a cut ticket on the next page when the page has no empty column left', () => {
    const pages = packTiles([tall(100), tall(100), tall(1200)], FRAME)
    expect(layout(pages)).toEqual([
      [[0], [1], [2]],
      [[2], [], []],
    ])
    expect(pages[1]?.columns[0]?.[0]?.continued).toBe(true)
    expect(pageOf(pages, 2)).toBe(0)
  })

  it('always moves on, even in a frame too short for anything', () => {
    const pages = packTiles([tall(100), tall(100)], { ...FRAME, columns: 1, height: 10 })
    expect(pages.flatMap((page) => page.columns.flat()).length).toBeGreaterThan(2)
  })

  it('has one empty page for no tickets', () => {
    expect(packTiles([], FRAME)).toHaveLength(1)
  })
})

describe('columnCount', () => {
  it('fits as many readable columns as the width allows, at least one', () => {
    expect(columnCount(1896, 360, 12)).toBe(5)
    expect(columnCount(300, 360, 12)).toBe(1)
    expect(columnCount(0, 360, 12)).toBe(1)
  })
})
