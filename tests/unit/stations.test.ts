import { describe, expect, it } from 'vitest'
import { reduceOrder } from '../../electron/common/board'
import {
  StationsSchema,
  stationOfItem,
  stationsOfOrder,
  type Station,
} from '../../electron/common/stations'
import { atStation, orderReady, routeOfOrder } from '../../electron/common/station-progress'
import { formatIssues } from '../../electron/common/protocol/parse'
import { kitchenOrder } from '../fixtures/kitchen-orders'

const STATIONS: Station[] = [
  { id: 'hot', name: 'Горячий цех', match: ['суп', 'p-pizza-id'], next: 'pack' },
  { id: 'cold', name: 'Холодный цех', match: ['салат', 'ролл'], next: 'pack' },
  { id: 'pack', name: 'Упаковка', match: [] },
]
const item = (title: string, _id = 'x-1') => ({ product: { _id, title } })

describe('StationsSchema', () => {
  it('accepts a line of stations', () => {
    expect(StationsSchema.safeParse(STATIONS).success).toBe(true)
  })

  it.each([
    [[{ id: 'Hot', name: 'x', match: [] }], /\[0\]\.id: must be 1 to 32 lower-case/],
    [
      [
        { id: 'hot', name: 'a', match: [] },
        { id: 'hot', name: 'b', match: [] },
      ],
      /\[1\]\.id: "hot" twice/,
    ],
    [[{ id: 'hot', name: 'a', match: [], next: 'pack' }], /\[0\]\.next: names no station: "pack"/],
    [
      [
        { id: 'a', name: 'a', match: [], next: 'b' },
        { id: 'b', name: 'b', match: [], next: 'a' },
      ],
      /the line runs in a circle: a → b → a/,
    ],
    [[{ id: 'hot', name: ' ', match: [] }], /\[0\]\.name: is empty/],
  ])('refuses %j, naming what is wrong', (stations, message) => {
    const parsed = StationsSchema.safeParse(stations)
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(formatIssues(parsed.error)).toMatch(message)
  })
})

describe('stationOfItem', () => {
  it.each([
    ['Суп дня', 'x-1', 'hot'],
    ['БОРЩ СУПОВОЙ', 'x-1', 'hot'],
    ['Маргарита', 'p-pizza-id', 'hot'],
    ['Цезарь салат', 'x-1', 'cold'],
    ['Ролл с супом', 'x-1', 'hot'],
    ['Компот', 'x-1', 'pack'],
  ])('sends "%s" (%s) to %s', (title, id, station) => {
    expect(stationOfItem(item(title, id), STATIONS, 'pack')).toBe(station)
  })

  it('sends what nothing matches to the first station when there is no (valid) default', () => {
    expect(stationOfItem(item('Компот'), STATIONS, null)).toBe('hot')
    expect(stationOfItem(item('Компот'), STATIONS, 'gone')).toBe('hot')
  })

  it('answers null when there are no stations', () => {
    expect(stationOfItem(item('Суп'), [], 'hot')).toBeNull()
  })

  it('groups the items of an order by station, in the order of the items', () => {
    const order = kitchenOrder('o1', 1, ['Суп', 'Салат', 'Компот', 'Суп-пюре'])
    expect([...stationsOfOrder(order, STATIONS, 'pack')]).toEqual([
      ['hot', [0, 3]],
      ['cold', [1]],
      ['pack', [2]],
    ])
  })
})

describe('progress along the line', () => {
  const routing = { stations: STATIONS, defaultStation: null }
  const entry = () =>
    reduceOrder(undefined, {
      type: 'order:new',
      order: kitchenOrder('o1', 1, ['Суп', 'Салат']),
      at: 1,
    })

  it('routes an order through its stations and down their next lines', () => {
    expect(routeOfOrder(entry(), routing)).toEqual(['hot', 'cold', 'pack'])
  })

  it('shows a ticket at the next station only once a station before it has bumped', () => {
    const open = entry()
    expect(atStation(open, 'hot', routing)).toBe(true)
    expect(atStation(open, 'pack', routing)).toBe(false)
    const hotDone = { ...open, stationsDone: ['hot'] }
    expect(atStation(hotDone, 'hot', routing)).toBe(false)
    expect(atStation(hotDone, 'pack', routing)).toBe(true)
    expect(orderReady(hotDone, routing)).toBe(false)
    expect(orderReady({ ...open, stationsDone: ['hot', 'cold'] }, routing)).toBe(false)
    expect(orderReady({ ...open, stationsDone: ['cold', 'hot', 'pack'] }, routing)).toBe(true)
  })

  it('never calls an order ready when there are no stations', () => {
    expect(orderReady(entry(), { stations: [], defaultStation: null })).toBe(false)
  })
})
