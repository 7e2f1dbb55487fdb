// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { boardPage } from './board-page'
import { mountWith } from './mount'
import { entryOf, makeOrder } from './orders'
import { withBoardLayout } from './layout'

const page = boardPage()
// About the columns: tiles are packed by measured heights, which jsdom does not lay out.
withBoardLayout('columns')

const press = async (key: string, code = key, target: EventTarget = window) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true }))
  await flushPromises()
}
const selected = () => {
  const card = page.wrapper?.find('[data-testid="order-card"][data-selected="true"]')
  return card?.exists() === true ? card.attributes('data-order-id') : undefined
}

// Two in NEW (oldest first), one in COOKING: reading order is NEW top to bottom, then COOKING.
const a = entryOf(makeOrder({ createdAt: 1 }))
const b = entryOf(makeOrder({ createdAt: 2 }))
const c = entryOf(makeOrder({ createdAt: 3 }), 'COOKING')

async function board() {
  page.kds.setBoard(3, [c, b, a])
  await useBoardStore().start(page.kds)
  page.wrapper = mountWith(BoardView, page.pinia, { attachTo: document.body })
  await flushPromises()
  return page.wrapper
}

describe('bump bar keys', () => {
  it('numbers the first cards in reading order, and a digit selects one', async () => {
    const w = await board()
    const digits = w.findAll('[data-testid="card-digit"]').map((d) => d.text())
    expect(digits).toEqual(['1', '2', '3'])
    await press('3', 'Digit3')
    expect(selected()).toBe(c.id)
    await press('1', 'Numpad1')
    expect(selected()).toBe(a.id)
    expect(w.get(`[data-order-id="${a.id}"]`).classes()).toContain('card--selected')
  })

  it('arrows move the selection, Enter bumps it, R recalls the last', async () => {
    await board()
    await press('ArrowDown')
    expect(selected()).toBe(a.id)
    await press('ArrowDown')
    expect(selected()).toBe(b.id)
    await press('ArrowRight')
    expect(selected()).toBe(c.id)
    // Across columns the row is kept where the column has one.
    await press('ArrowLeft')
    expect(selected()).toBe(a.id)
    await press('ArrowUp')
    expect(selected()).toBe(a.id)
    await press('Enter')
    expect(page.kds.bumps).toEqual([a.id])
    // The selection moves to the card taking its place.
    expect(selected()).toBe(b.id)
    await press('к', 'KeyR')
    await press('Backspace')
    await press('-', 'NumpadSubtract')
    expect(page.kds.recalls).toEqual([null, null, null])
  })

  it('Enter without a selection bumps nothing', async () => {
    await board()
    await press('Enter')
    expect(page.kds.bumps).toEqual([])
  })

  it('leaves the keys alone while someone types in a field', async () => {
    const w = await board()
    const search = w.get('[data-testid="search"]').element
    await press('1', 'Digit1', search)
    await press('ArrowDown', 'ArrowDown', search)
    await press('Backspace', 'Backspace', search)
    expect(selected()).toBeUndefined()
    expect(page.kds.recalls).toEqual([])
  })

  it('? and F1 toggle the help, Escape closes it', async () => {
    const w = await board()
    await press('?', 'Slash')
    expect(w.find('[data-testid="keyboard-help"]').exists()).toBe(true)
    expect(w.get('[data-testid="keyboard-help"]').text()).toContain('Enter')
    await press('Escape')
    expect(w.find('[data-testid="keyboard-help"]').exists()).toBe(false)
    await press('F1')
    expect(w.find('[data-testid="keyboard-help"]').exists()).toBe(true)
    await press('F1')
    expect(w.find('[data-testid="keyboard-help"]').exists()).toBe(false)
  })
})
