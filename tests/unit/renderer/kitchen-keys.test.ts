// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import OrderCard from '../../../renderer/src/components/OrderCard.vue'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { boardPage } from './board-page'
import { mountWith } from './mount'
import { entryOf, makeOrder, newEvent } from './orders'
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

  it('moves the digits when a card comes first, redrawing headers, not the cards', async () => {
    const w = await board()
    const card = (id: string) =>
      w.findAllComponents(OrderCard).find((found) => found.props('entry').id === id)
    const drawn = card(a.id)?.vm.$.subTree
    expect(drawn).toBeDefined()
    // An older order comes first in NEW: every digit after it moves by one.
    const older = makeOrder({ createdAt: 0 })
    page.kds.pushEvent(newEvent(4, older))
    await flushPromises()
    const digits = w
      .findAll('[data-testid="order-card"]')
      .map((found) => [
        found.attributes('data-order-id'),
        found.find('[data-testid="card-digit"]').text(),
      ])
    expect(digits).toEqual([
      [older._id, '1'],
      [a.id, '2'],
      [b.id, '3'],
      [c.id, '4'],
    ])
    // The card of `a` kept what it drew: only its header was drawn again, with the new digit.
    expect(card(a.id)?.vm.$.subTree).toBe(drawn)
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
