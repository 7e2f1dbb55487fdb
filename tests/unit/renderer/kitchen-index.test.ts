// The kitchen's incremental structures (kitchen-index.ts, board-tallies.ts) against the functions
// of derive.ts working it all out from scratch: after every change of seeded random streams of
// changes (new orders, conditions, bumps, recalls, item marks, expiries, snapshots, changes of
// filters and rules), the two must agree exactly.
import { describe, expect, it } from 'vitest'
import {
  applyChange,
  changeId,
  type BoardChange,
  type BoardOrder,
} from '../../../electron/common/board'
import { KNOWN_CONDITIONS } from '../../../electron/common/conditions'
import {
  chance,
  intBetween,
  pick,
  seededRandom,
  type Random,
} from '../../../electron/server/random'
import {
  AllDayCounts,
  ConditionCounts,
  RecentBumps,
} from '../../../renderer/src/kitchen/board-tallies'
import {
  allDayLines,
  conditionChoices,
  kitchenColumns,
  lateCount,
  recentBumps,
  tileOrder,
  type KitchenFilter,
} from '../../../renderer/src/kitchen/derive'
import { KitchenIndex } from '../../../renderer/src/kitchen/kitchen-index'
import { SortedList } from '../../../renderer/src/kitchen/sorted-list'
import type { TimingRules } from '../../../renderer/src/kitchen/schedule'
import { makeOrder, product } from './orders'

const CONDITIONS = [...KNOWN_CONDITIONS.map((info) => info.code), 'WEIRD']
const KNOWN = KNOWN_CONDITIONS.map((info) => info.code)
const MINUTE = 60_000

function randomFilter(random: Random): KitchenFilter {
  return {
    mode: pick(random, ['all', 'delivery', 'pickup'] as const),
    hideTest: chance(random, 0.3),
    hidden: new Set(CONDITIONS.filter(() => chance(random, 0.25))),
    search: chance(random, 0.7) ? '' : pick(random, ['1', '2', '#3', '999']),
  }
}

const randomRules = (random: Random): TimingRules => ({
  lateMinutes: intBetween(random, 1, 30),
  prepMinutes: intBetween(random, 0, 20),
  offsetMs: intBetween(random, -5, 5) * 1_000,
})

/** A change of the board, most of them to orders it has. */
function randomChange(random: Random, ids: string[], at: number): BoardChange {
  const id =
    ids.length === 0 || chance(random, 0.1) ? `ghost${intBetween(random, 1, 5)}` : pick(random, ids)
  const kind = ids.length < 5 ? 0 : intBetween(random, 0, 9)
  if (kind <= 2) {
    const order = makeOrder({
      number: intBetween(random, 1, 400),
      // Close together, so that orders tie on their times and only the id orders them.
      createdAt: at - intBetween(random, 0, 40) * MINUTE,
      delivery: chance(random, 0.5),
      isTestOrder: chance(random, 0.2),
      time: chance(random, 0.2)
        ? new Date(at + intBetween(random, -20, 40) * MINUTE).toISOString()
        : null,
      products: Array.from({ length: intBetween(random, 1, 3) }, () =>
        product(
          pick(random, ['Борщ', 'Плов', 'Чай']),
          intBetween(random, 1, 3),
          chance(random, 0.5) ? null : 'большой',
        ),
      ),
    })
    return { type: 'order:new', order, at }
  }
  if (kind <= 5) return { type: 'order:condition', id, condition: pick(random, CONDITIONS), at }
  // Bumps in the same few milliseconds tie, and are then ordered by id.
  if (kind === 6) return { type: 'order:bump', id, at: at - intBetween(random, 0, 2) }
  if (kind === 7) return { type: 'order:recall', id, at }
  if (kind === 8)
    return { type: 'item:done', id, item: intBetween(random, 0, 2), done: chance(random, 0.5), at }
  return { type: 'order:expire', id, at }
}

const ids = (orders: readonly BoardOrder[]) => orders.map((entry) => entry.id)

function expectAgreement(
  orders: Map<string, BoardOrder>,
  trackers: {
    index: KitchenIndex
    allDay: AllDayCounts
    recent: RecentBumps
    conditions: ConditionCounts
  },
  filter: KitchenFilter,
  rules: TimingRules,
  now: number,
): void {
  const full = kitchenColumns(orders.values(), filter, rules)
  const kept = trackers.index.columns()
  expect(kept.map((c) => c.condition)).toEqual(full.map((c) => c.condition))
  kept.forEach((column, at) => {
    const reference = full[at]
    expect(ids(column.orders)).toEqual(ids(reference?.orders ?? []))
    expect(column.byDue.map((item) => [item.entry.id, item.due])).toEqual(
      (reference?.byDue ?? []).map((item) => [item.entry.id, item.due]),
    )
  })
  const late = full.map((column) => lateCount(column, now))
  const lateSum = late.reduce((sum, n) => sum + n, 0)
  expect(ids(trackers.index.tiles(lateSum))).toEqual(ids(tileOrder(full, late, rules)))
  expect(trackers.allDay.current()).toEqual(allDayLines(orders.values(), filter))
  expect(ids(trackers.recent.current())).toEqual(ids(recentBumps(orders.values())))
  expect(trackers.conditions.current()).toEqual(conditionChoices(orders.values(), KNOWN))
}

describe('the kitchen incremental structures', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`agree with a full recompute after every change of a random stream (seed ${seed})`, () => {
      const random = seededRandom(seed)
      let orders = new Map<string, BoardOrder>()
      const trackers = {
        index: new KitchenIndex(),
        allDay: new AllDayCounts(),
        recent: new RecentBumps(),
        conditions: new ConditionCounts(KNOWN),
      }
      const all = Object.values(trackers)
      let filter = randomFilter(random)
      let rules = randomRules(random)
      for (const tracker of all) tracker.reset(orders)
      trackers.index.configure(filter, rules)
      trackers.allDay.configure(filter)
      let at = 10 * 60 * MINUTE
      for (let step = 0; step < 250; step += 1) {
        at += intBetween(random, 0, 2) * 1_000
        const roll = random()
        if (roll < 0.02) {
          // A snapshot: the same orders in a new map, as the store takes one.
          orders = new Map(orders)
          for (const tracker of all) tracker.reset(orders)
        } else if (roll < 0.05) {
          filter = randomFilter(random)
          rules = chance(random, 0.5) ? randomRules(random) : rules
          trackers.index.configure(filter, rules)
          trackers.allDay.configure(filter)
        } else {
          const change = randomChange(random, [...orders.keys()], at)
          const id = changeId(change)
          const prev = orders.get(id)
          if (applyChange(orders, change) !== null) {
            const next = orders.get(id)
            for (const tracker of all) tracker.update(prev, next)
          }
        }
        expectAgreement(orders, trackers, filter, rules, at + intBetween(random, -10, 30) * MINUTE)
      }
    })
  }
})

describe('SortedList', () => {
  it('stays sorted through random inserts and removals, and finds what it holds', () => {
    const random = seededRandom(9)
    const list = new SortedList<number>((a, b) => a - b)
    const held: number[] = []
    for (let step = 0; step < 2_000; step += 1) {
      const value = intBetween(random, 0, 500)
      if (held.includes(value)) {
        expect(list.remove(value)).toBe(true)
        held.splice(held.indexOf(value), 1)
      } else if (chance(random, 0.7)) {
        list.insert(value)
        held.push(value)
      } else {
        expect(list.remove(value)).toBe(false)
      }
      expect(list.items).toEqual([...held].sort((a, b) => a - b))
    }
    expect(list.countWhile((value) => value < 250)).toBe(held.filter((v) => v < 250).length)
  })
})

describe('AllDayCounts', () => {
  /** A board that counts how often it is walked. */
  class WatchedBoard extends Map<string, BoardOrder> {
    walks = 0
    override values(): MapIterator<BoardOrder> {
      this.walks += 1
      return super.values()
    }
  }

  it('counts nothing until its lines are asked for, then keeps them change by change', () => {
    const filter = randomFilter(seededRandom(1))
    const visible = { ...filter, hidden: new Set<string>(), mode: 'all' as const, search: '' }
    const board = new WatchedBoard()
    const counts = new AllDayCounts()
    counts.configure(visible)
    for (let at = 1; at <= 20; at += 1) {
      const order = makeOrder({ number: at, products: [product('Борщ', at % 3 || 1)] })
      applyChange(board, { type: 'order:new', order, at })
    }
    counts.reset(board)
    // Changes while nothing has asked: not counted one by one, and the board not walked.
    const first = [...board.keys()][0] ?? ''
    const prev = board.get(first)
    applyChange(board, { type: 'order:bump', id: first, at: 30 })
    counts.update(prev, board.get(first))
    expect(board.walks).toBe(0)
    expect(counts.current()).toEqual(allDayLines(board.values(), visible))
    const walked = board.walks
    // Asked once: a later change is counted by itself, without walking the board again.
    const second = [...board.keys()][1] ?? ''
    const before = board.get(second)
    applyChange(board, { type: 'order:bump', id: second, at: 31 })
    counts.update(before, board.get(second))
    const lines = counts.current()
    expect(board.walks).toBe(walked)
    expect(lines).toEqual(allDayLines(board.values(), visible))
  })
})
