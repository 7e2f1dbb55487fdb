import { describe, expect, it } from 'vitest'
import { reduceOrder } from '../../electron/common/board'
import { cardOf } from '../../electron/common/card-order'
import {
  cutEventForRole,
  cutForRole,
  parseScreenRole,
  type ScreenRole,
} from '../../electron/common/roles'
import { kitchenOrder } from '../fixtures/kitchen-orders'

describe('parseScreenRole', () => {
  it.each([
    ['kitchen', 'kitchen'],
    ['dispatch', 'dispatch'],
    ['expo', 'expo'],
    ['station:hot', 'station:hot'],
    [' station:pack-2 ', 'station:pack-2'],
    ['station:', null],
    ['station:Hot', null],
    ['waiter', null],
    ['', null],
    [null, null],
  ])('reads %j as %j', (text, role) => {
    expect(parseScreenRole(text)).toBe(role)
  })
})

describe('cutForRole', () => {
  const order = cardOf(kitchenOrder('o1', 7, ['Суп']))
  const entry = reduceOrder(undefined, { type: 'order:new', order, at: 1 })

  it.each<ScreenRole>(['station:hot', 'expo'])(
    'removes the phone and the address for %s',
    (role) => {
      const cut = cutForRole(entry, role)
      const json = JSON.stringify(cut)
      expect(json).not.toContain('999 123-45-67')
      expect(json).not.toContain('Ленина')
      expect(cut.order).not.toHaveProperty('phone')
      expect(cut.order).not.toHaveProperty('address')
      expect(cut.order?.products).toEqual(order.products)
      // The board's own entry is untouched.
      expect(entry.order?.phone).toBe('+7 999 123-45-67')
    },
  )

  it.each<ScreenRole>(['kitchen', 'dispatch'])('keeps everything for %s', (role) => {
    expect(cutForRole(entry, role)).toBe(entry)
  })

  it('cuts an order:new event, and leaves other events alone', () => {
    const event = { type: 'order:new' as const, order, at: 1, seq: 4 }
    const cut = cutEventForRole(event, 'expo')
    expect(cut).toMatchObject({ type: 'order:new', seq: 4 })
    expect(JSON.stringify(cut)).not.toContain('Ленина')
    const bump = { type: 'order:bump' as const, id: 'o1', at: 2, seq: 5 }
    expect(cutEventForRole(bump, 'expo')).toBe(bump)
  })
})
