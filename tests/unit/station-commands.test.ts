import { describe, expect, it } from 'vitest'
import { applyChange, type BoardChange, type BoardOrder } from '../../electron/common/board'
import type { Station } from '../../electron/common/stations'
import { stationCommands } from '../../electron/core/station-commands'
import { kitchenOrder } from '../fixtures/kitchen-orders'

const STATIONS: Station[] = [
  { id: 'hot', name: 'Горячий', match: ['суп'] },
  { id: 'cold', name: 'Холодный', match: ['салат'] },
]

function setup(clock?: () => number) {
  const orders = new Map<string, BoardOrder>()
  const applied: BoardChange[] = []
  const board = {
    get: (id: string) => orders.get(id),
    snapshot: () => ({ seq: 0, orders: [...orders.values()] }),
    apply: (change: BoardChange) => {
      applied.push(change)
      return applyChange(orders, change)
    },
  }
  let now = 100
  const commands = stationCommands(
    board,
    () => ({ stations: STATIONS, defaultStation: 'cold' }),
    clock ?? (() => (now += 1)),
  )
  board.apply({
    type: 'order:new',
    order: kitchenOrder('o1', 1, ['Суп', 'Салат', 'Хлеб', 'Суп-пюре']),
    at: 1,
  })
  board.apply({ type: 'order:new', order: kitchenOrder('o2', 2, ['Суп']), at: 2 })
  applied.length = 0
  return { orders, applied, commands }
}

describe('station commands', () => {
  it('bumps a station with the items the hub routes to it, journaled as one change', () => {
    const { applied, commands, orders } = setup()
    commands.bumpStation('o1', 'hot')
    expect(applied).toEqual([
      { type: 'station:bump', id: 'o1', station: 'hot', items: [0, 3], at: 101 },
    ])
    commands.bumpStation('o1', 'cold')
    expect(orders.get('o1')).toMatchObject({
      itemsDone: [0, 1, 2, 3],
      stationsDone: ['hot', 'cold'],
    })
  })

  it('recalls the station’s last bump, or the one named, and nothing when there is none', () => {
    const { commands, orders } = setup(() => 500)
    expect(commands.recallStation('hot', null)).toBeNull()
    commands.bumpStation('o1', 'hot')
    commands.bumpStation('o2', 'hot')
    expect(commands.recallStation('hot', null)).toBe('o2')
    expect(commands.recallStation('hot', null)).toBe('o1')
    expect(commands.recallStation('hot', null)).toBeNull()
    expect(orders.get('o1')).not.toHaveProperty('stationsDone')
    expect(commands.recallStation('cold', 'o1')).toBeNull()
  })

  it('refuses what does not exist, naming it', () => {
    const { commands, applied } = setup()
    expect(() => commands.bumpStation('o1', 'grill')).toThrow(/no station "grill"/)
    expect(() => commands.bumpStation('nope', 'hot')).toThrow(/no order with _id "nope"/)
    expect(() => commands.itemDone('o1', 4, true)).toThrow(/has 4 items; there is no item 4/)
    expect(applied).toEqual([])
    commands.itemDone('o1', 2, true)
    expect(applied).toEqual([{ type: 'item:done', id: 'o1', item: 2, done: true, at: 101 }])
  })

  it('lists every product on the board once, with its station', () => {
    const { commands } = setup()
    const info = commands.stations()
    expect(info.defaultStation).toBe('cold')
    expect(info.products.map(({ title, station }) => [title, station])).toEqual([
      ['Салат', 'cold'],
      ['Суп', 'hot'],
      ['Суп-пюре', 'hot'],
      ['Хлеб', 'cold'],
    ])
  })
})
