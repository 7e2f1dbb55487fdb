// How a virtualized column learns its sizes without forcing the browser to lay out the whole board
// while the board is still being built. The library's defaults read sizes at once (a row as it is
// drawn, the column as it mounts) and scroll a new column to where it already is; each of those
// forces a layout, once per column and per card. Here sizes come from ResizeObservers, which
// report after the browser's own layout and before it paints.
import {
  elementScroll,
  measureElement,
  observeElementRect,
  type Rect,
  type Virtualizer,
} from '@tanstack/vue-virtual'

type Column = Virtualizer<HTMLElement, HTMLElement>

// Measured on a board of 1,000 demo orders at full HD: median 541 px, half of them 479–609. With
// 500, a column's first build drew a third row (and its two extra) that went again once the real
// sizes came: 24 cards built for 20 kept.
/** A typical card: a few items, the customer and the totals. */
export const ESTIMATE_PX = 540

/** A row's height: from its ResizeObserver entry; for a row just drawn, what is known so far. */
export function rowHeight(
  element: HTMLElement,
  entry: ResizeObserverEntry | undefined,
  column: Column,
): number {
  if (entry !== undefined) return measureElement(element, entry, column)
  const key = column.options.getItemKey(column.indexFromElement(element))
  return column.itemSizeCache.get(key) ?? ESTIMATE_PX
}

/** The column's visible size, from a ResizeObserver (the library's own where there is none). */
export function observeHeight(column: Column, report: (rect: Rect) => void): () => void {
  const element = column.scrollElement
  if (element === null || typeof ResizeObserver === 'undefined') {
    return observeElementRect(column, report) ?? (() => undefined)
  }
  const observer = new ResizeObserver(([entry]) => {
    if (entry === undefined) return
    const { width, height } = entry.contentRect
    report({ width: Math.round(width), height: Math.round(height) })
  })
  observer.observe(element)
  return () => observer.disconnect()
}

/** Scrolls the column, unless it is at the top and asked to stay there (as it mounts). */
export function scrollColumn(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  column: Column,
): void {
  if (offset + (options.adjustments ?? 0) === 0 && (column.scrollOffset ?? 0) === 0) return
  elementScroll(offset, options, column)
}
