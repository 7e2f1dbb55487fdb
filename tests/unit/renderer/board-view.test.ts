// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { groupColumns } from '../../../renderer/src/columns'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { FakeKds } from './fake-kds'
import { withScreenHeight, withBoardLayout } from './layout'
import { drawn, freshPinia, mountWith } from './mount'
import { conditionEvent, entryOf, makeOrder, newEvent } from './orders'

withScreenHeight()

let pinia: Pinia
let kds: FakeKds

withBoardLayout('columns')

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
})

const columnsOf = (wrapper: ReturnType<typeof mountWith>) =>
  wrapper.findAll('[data-testid="condition-column"]').map((c) => c.attributes('data-condition'))

describe('BoardView', () => {
  it('draws columns in lifecycle order, an unknown condition after the known', async () => {
    kds.setBoard(4, [
      entryOf(makeOrder(), 'ON_HOLD'),
      entryOf(makeOrder(), 'DELIVERING'),
      entryOf(makeOrder(), 'COOKING'),
      entryOf(makeOrder(), 'ACCEPTED'),
    ])
    await useBoardStore().start(kds)
    const wrapper = mountWith(BoardView, pinia)
    await flushPromises()
    expect(columnsOf(wrapper)).toEqual(['NEW', 'ACCEPTED', 'COOKING', 'DELIVERING', 'ON_HOLD'])
    const headers = wrapper.findAll('[data-testid="condition-column"] h2').map((h) => h.text())
    expect(headers[0]).toMatch(/^Новый\s*0$/)
    expect(headers[4]).toMatch(/^ON_HOLD\s*1$/)
  })

  it('always shows NEW, and moves a card when its condition changes', async () => {
    const order = makeOrder()
    kds.setBoard(1, [entryOf(order, 'COOKING')])
    await useBoardStore().start(kds)
    const wrapper = mountWith(BoardView, pinia)
    await flushPromises()
    expect(columnsOf(wrapper)).toEqual(['NEW', 'COOKING'])
    const card = () => wrapper.get(`[data-order-id="${order._id}"]`)
    expect(card().attributes('data-condition')).toBe('COOKING')

    kds.pushEvent(conditionEvent(2, order._id, 'COLLECTED'))
    await drawn()
    expect(columnsOf(wrapper)).toEqual(['NEW', 'COLLECTED'])
    expect(card().attributes('data-condition')).toBe('COLLECTED')
    expect(
      wrapper.get('[data-condition="COLLECTED"] [data-testid="order-card"]').attributes(),
    ).toMatchObject({ 'data-order-id': order._id })
  })

  it('draws the right card when a column keeps its length but changes its orders', async () => {
    const first = makeOrder()
    const second = makeOrder()
    kds.setBoard(1, [entryOf(first)])
    await useBoardStore().start(kds)
    const wrapper = mountWith(BoardView, pinia)
    await flushPromises()
    kds.pushEvent(conditionEvent(2, first._id, 'COOKING'))
    kds.pushEvent(newEvent(3, second))
    await drawn()
    const inNew = wrapper.findAll('[data-condition="NEW"] [data-testid="order-card"]')
    expect(inNew.map((c) => c.attributes('data-order-id'))).toEqual([second._id])
  })

  it('draws only the cards on screen, not the whole column', async () => {
    const orders = Array.from({ length: 500 }, (_, i) => entryOf(makeOrder({ createdAt: i })))
    kds.setBoard(1, orders)
    await useBoardStore().start(kds)
    const wrapper = mountWith(BoardView, pinia)
    await flushPromises()
    const drawn = wrapper.findAll('[data-testid="order-card"]').length
    expect(drawn).toBeGreaterThan(0)
    expect(drawn).toBeLessThan(30)
    expect(wrapper.get('[data-condition="NEW"] h2').text()).toContain('500')
  })

  it('puts the oldest order first in a column', () => {
    const young = entryOf(makeOrder({ createdAt: 5_000 }))
    const old = entryOf(makeOrder({ createdAt: 1_000 }))
    const [column] = groupColumns([young, old], 0)
    expect(column?.orders.map((o) => o.id)).toEqual([old.id, young.id])
  })
})
