// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { nextTick } from 'vue'
import type { BoardOrder } from '../../../electron/common/board'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { useKitchenStore } from '../../../renderer/src/kitchen/kitchen-store'
import { VIEW_STORAGE_KEY, useKitchenViewStore } from '../../../renderer/src/kitchen/view-store'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { boardPage } from './board-page'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder, product } from './orders'
import { withBoardLayout } from './layout'

const NOW = 1_700_000_000_000
const MIN = 60_000
const page = boardPage()
// About the columns: tiles are packed by measured heights, which jsdom does not lay out.
withBoardLayout('columns')

beforeEach(() => {
  useClockStore().now = NOW
})

async function board(entries: BoardOrder[]) {
  page.kds.setBoard(entries.length, entries)
  await useBoardStore().start(page.kds)
  page.wrapper = mountWith(BoardView, page.pinia)
  await flushPromises()
  return page.wrapper
}

const ids = (w: ReturnType<typeof mountWith>, condition = 'NEW') =>
  w
    .findAll(`[data-condition="${condition}"] [data-testid="order-card"]`)
    .map((c) => c.attributes('data-order-id'))

describe('all-day summary', () => {
  it('counts every product with its variant over the orders still to cook, the most first', async () => {
    const w = await board([
      entryOf(makeOrder({ products: [product('Пицца', 2, '30 см'), product('Морс', 1)] })),
      entryOf(
        makeOrder({ products: [product('Пицца', 1, '30 см'), product('Пицца', 4, '40 см')] }),
        'COOKING',
      ),
      // Finished and bumped orders are not to cook.
      entryOf(makeOrder({ products: [product('Морс', 9)] }), 'COMPLETED'),
      { ...entryOf(makeOrder({ products: [product('Морс', 7)] })), bumpedAt: NOW },
    ])
    await w.get('[data-testid="all-day-toggle"]').trigger('click')
    const lines = w
      .findAll('[data-testid="all-day-item"]')
      .map((li) => [
        li.get('.all-day__title').text().replace(/\s+/g, ' '),
        li.attributes('data-count'),
      ])
    expect(lines).toEqual([
      ['Пицца (40 см)', '4'],
      ['Пицца (30 см)', '3'],
      ['Морс', '1'],
    ])
  })
})

describe('time', () => {
  it('a scheduled order counts down and says when to start it', async () => {
    const at = NOW + 30 * MIN
    const w = await board([entryOf(makeOrder({ time: at, createdAt: NOW - MIN }))])
    const elapsed = w.get('[data-testid="elapsed"]')
    expect(elapsed.text()).toBe('через 30:00')
    expect(elapsed.attributes('data-level')).toBe('scheduled')
    const start = new Date(at - 15 * MIN).toLocaleTimeString('ru-RU', {
      hour: '2-digit',
      minute: '2-digit',
    })
    expect(w.get('[data-testid="start-at"]').text()).toBe(`начать в ${start}`)
    useClockStore().now = NOW + 20 * MIN
    await nextTick()
    expect(w.get('[data-testid="elapsed"]').attributes('data-level')).toBe('warn')
    useClockStore().now = NOW + 32 * MIN
    await nextTick()
    expect(w.get('[data-testid="elapsed"]').text()).toBe('+2:00')
    expect(w.get('[data-testid="order-card"]').attributes('data-late')).toBe('true')
  })

  it('reads an ISO time as well', async () => {
    const w = await board([
      entryOf(makeOrder({ time: new Date(NOW + 10 * MIN).toISOString(), createdAt: NOW })),
    ])
    expect(w.get('[data-testid="elapsed"]').text()).toBe('через 10:00')
  })

  it('late orders rise to the top of their column and turn red', async () => {
    const old = entryOf(makeOrder({ createdAt: NOW - 10 * MIN }))
    const later = entryOf(makeOrder({ createdAt: NOW - 5 * MIN }))
    const due = entryOf(makeOrder({ createdAt: NOW - 2 * MIN, time: NOW + MIN }))
    const w = await board([old, later, due])
    // Not late yet: by when to start them (the scheduled one from its time minus 15 minutes).
    expect(ids(w)).toEqual([due.id, old.id, later.id])
    useClockStore().now = NOW + 2 * MIN
    await nextTick()
    expect(ids(w)).toEqual([due.id, old.id, later.id])
    // 20 minutes for the unscheduled: the oldest is late now, ahead of everything not late.
    useClockStore().now = NOW + 10 * MIN
    await nextTick()
    expect(w.get(`[data-order-id="${old.id}"]`).classes()).toContain('card--late')
    expect(ids(w)).toEqual([due.id, old.id, later.id])
    const fresh = entryOf(makeOrder({ createdAt: NOW - 30 * MIN, time: NOW + 60 * MIN }))
    page.wrapper?.unmount()
    useBoardStore().stop()
    page.pinia = freshPinia()
    useClockStore().now = NOW + 11 * MIN
    const w2 = await board([fresh, old, later])
    expect(ids(w2)).toEqual([old.id, later.id, fresh.id])
    expect(w2.get(`[data-order-id="${later.id}"]`).classes()).not.toContain('card--late')
  })
})

describe('filters', () => {
  const delivery = () => entryOf(makeOrder({ delivery: true, address: 'ул. Мира, 1', number: 41 }))
  const pickup = () =>
    entryOf(makeOrder({ delivery: false, number: 42, phone: '+7 (900) 123-45-67' }))
  const test = () => entryOf(makeOrder({ isTestOrder: true, number: 43 }))

  it('shows delivery or pickup only, and hides test orders, and keeps the choice', async () => {
    const [d, p, t] = [delivery(), pickup(), test()]
    const w = await board([d, p, t])
    await w.get('[data-testid="mode-delivery"]').trigger('click')
    expect(ids(w)).toEqual([d.id])
    await w.get('[data-testid="mode-pickup"]').trigger('click')
    expect(ids(w).sort()).toEqual([p.id, t.id].sort())
    await w.get('[data-testid="hide-test"]').trigger('click')
    expect(ids(w)).toEqual([p.id])
    expect(JSON.parse(localStorage.getItem(VIEW_STORAGE_KEY) ?? '{}')).toMatchObject({
      mode: 'pickup',
      hideTest: true,
    })
    freshPinia()
    expect(useKitchenViewStore().mode).toBe('pickup')
  })

  it('chooses which conditions get a column; finished ones are hidden at first', async () => {
    const cooking = entryOf(makeOrder(), 'COOKING')
    const done = entryOf(makeOrder(), 'COMPLETED')
    const w = await board([cooking, done])
    const columns = () =>
      w.findAll('[data-testid="condition-column"]').map((c) => c.attributes('data-condition'))
    expect(columns()).toEqual(['NEW', 'COOKING'])
    await w.get('[data-testid="columns-toggle"]').trigger('click')
    await w.get('[data-testid="column-choice"][data-condition="COMPLETED"]').trigger('click')
    await w.get('[data-testid="column-choice"][data-condition="NEW"]').trigger('click')
    expect(columns()).toEqual(['COOKING', 'COMPLETED'])
  })

  it('searches by order number or phone', async () => {
    const [d, p] = [delivery(), pickup()]
    const w = await board([d, p])
    await w.get('[data-testid="search"]').setValue('41')
    expect(ids(w)).toEqual([d.id])
    await w.get('[data-testid="search"]').setValue('123-45')
    expect(ids(w)).toEqual([p.id])
    await w.get('[data-testid="search"]').setValue('')
    expect(ids(w)).toHaveLength(2)
  })

  it('computes the columns once per board version, not per tick', async () => {
    await board(Array.from({ length: 50 }, (_, i) => entryOf(makeOrder({ createdAt: NOW - i }))))
    const kitchen = useKitchenStore()
    const before = kitchen.columns
    useClockStore().now = NOW + 1_000
    await nextTick()
    expect(kitchen.columns).toBe(before)
  })
})
