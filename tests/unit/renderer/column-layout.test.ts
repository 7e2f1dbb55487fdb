// @vitest-environment jsdom
import type { Virtualizer } from '@tanstack/vue-virtual'
import { describe, expect, it, vi } from 'vitest'
import {
  ESTIMATE_PX,
  rowHeight,
  scrollColumn,
} from '../../../renderer/src/components/column-layout'

type Column = Virtualizer<HTMLElement, HTMLElement>

function column(scrollOffset: number | null, sizes = new Map<string, number>()) {
  const element = document.createElement('div')
  const scrollTo = vi.fn()
  element.scrollTo = scrollTo as typeof element.scrollTo
  const fake = {
    scrollElement: element,
    scrollOffset,
    options: { horizontal: false, isRtl: false, getItemKey: (index: number) => `order-${index}` },
    itemSizeCache: sizes,
    indexFromElement: (node: Element) => Number(node.getAttribute('data-index')),
  }
  return { column: fake as unknown as Column, scrollTo }
}

const row = (index: number) => {
  const element = document.createElement('div')
  element.setAttribute('data-index', String(index))
  // Reading the height would force a layout: a row just drawn must not be asked.
  Object.defineProperty(element, 'offsetHeight', {
    get: () => {
      throw new Error('offsetHeight was read')
    },
  })
  return element
}

describe('column layout', () => {
  it('a new column at the top is not scrolled to where it already is', () => {
    const { column: fresh, scrollTo } = column(null)
    scrollColumn(0, {}, fresh)
    expect(scrollTo).not.toHaveBeenCalled()
  })

  it('scrolls anywhere else, and back to the top from further down', () => {
    const { column: top, scrollTo } = column(0)
    scrollColumn(840, { behavior: 'auto' }, top)
    expect(scrollTo).toHaveBeenCalledWith({ top: 840, behavior: 'auto' })
    const { column: scrolled, scrollTo: back } = column(840)
    scrollColumn(0, {}, scrolled)
    expect(back).toHaveBeenCalledWith({ top: 0, behavior: undefined })
  })

  it("a row's height comes from its ResizeObserver entry, else what is known, else the estimate", () => {
    const { column: known } = column(0, new Map([['order-1', 612]]))
    expect(rowHeight(row(1), undefined, known)).toBe(612)
    expect(rowHeight(row(2), undefined, known)).toBe(ESTIMATE_PX)
    const entry = { borderBoxSize: [{ blockSize: 433.4, inlineSize: 300 }] }
    expect(rowHeight(row(2), entry as unknown as ResizeObserverEntry, known)).toBe(433)
  })
})
