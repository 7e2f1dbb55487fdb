import { describe, expect, it } from 'vitest'
import { reduceOrder, type BoardOrder } from '../../electron/common/board'
import { cardOf, screenEntry } from '../../electron/common/card-order'
import { OrderSchema } from '../../electron/common/protocol/schemas'
import { fixtures } from '../fixtures/load'

const order = () => OrderSchema.parse(fixtures.orderNew())
const entryOf = (at = 1_000): BoardOrder =>
  reduceOrder(undefined, { type: 'order:new', order: order(), at })

describe('cardOf', () => {
  it('keeps only what a card shows', () => {
    const full = order()
    const card = cardOf(full)
    expect(card).not.toHaveProperty('clientId')
    expect(card.products[0]?.product).toEqual({ title: full.products[0]?.product.title })
    expect(card.number).toBe(full.number)
  })
})

describe('screenEntry', () => {
  it('is the entry with its card, the same object for the same entry', () => {
    const entry = entryOf()
    const shown = screenEntry(entry)
    expect(shown).toBe(screenEntry(entry))
    expect(shown).toEqual({ ...entry, order: entry.order === null ? null : cardOf(entry.order) })
  })

  it('follows a change: the next entry is shown as it is now', () => {
    const entry = entryOf()
    const next = reduceOrder(entry, {
      type: 'order:condition',
      id: entry.id,
      condition: 'COOKING',
      at: 2_000,
    })
    expect(next).not.toBe(entry)
    expect(screenEntry(next).condition).toBe('COOKING')
    expect(screenEntry(entry).condition).toBe(entry.condition)
    expect(screenEntry(next).order).toEqual(screenEntry(entry).order)
  })

  it('shows an entry with no order yet as it is', () => {
    const placeholder = reduceOrder(undefined, {
      type: 'order:condition',
      id: 'abc',
      condition: 'NEW',
      at: 5,
    })
    expect(screenEntry(placeholder)).toBe(placeholder)
  })
})
