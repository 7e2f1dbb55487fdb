// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { Pinia } from 'pinia'
import OrderCard from '../../../renderer/src/components/OrderCard.vue'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import type { BoardOrder } from '../../../electron/common/board'
import { FakeKds, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder, product } from './orders'

const CREATED = 1_700_000_000_000
const MIN = 60_000
let pinia: Pinia

afterEach(() => useSettingsStore().stop())

beforeEach(() => {
  pinia = freshPinia()
  useClockStore().now = CREATED + 2 * MIN
})

const card = (entry: BoardOrder) => mountWith(OrderCard, pinia, { props: { entry } })
const text = (s: string) => s.replace(/\s+/g, ' ').trim()
/** The settings as a kitchen that wants the customer's details on its tickets has them. */
async function withKitchenDetails(): Promise<void> {
  const kds = new FakeKds()
  kds.currentSettings = settingsView({ kitchenDetails: true })
  await useSettingsStore().start(kds)
}

describe('OrderCard', () => {
  it('shows the number, the items with their variants and the note', () => {
    const order = makeOrder({
      number: 23,
      createdAt: CREATED,
      additionalInformation: 'Без лука!',
      products: [product('Пицца Маргарита', 2, '30 см'), product('Морс', 1)],
    })
    const wrapper = card(entryOf(order, 'COOKING'))
    const root = wrapper.get('[data-testid="order-card"]')
    expect(root.attributes('data-order-id')).toBe(order._id)
    expect(root.attributes('data-condition')).toBe('COOKING')
    expect(text(wrapper.get('[data-testid="order-number"]').text())).toBe('№ 23')
    expect(wrapper.findAll('[data-testid="order-item"]').map((li) => text(li.text()))).toEqual([
      '2 × Пицца Маргарита (30 см)',
      '1 × Морс',
    ])
    expect(wrapper.get('[data-testid="order-note"]').text()).toBe('Без лука!')
  })

  it('keeps the phone, the address and the totals off a kitchen ticket, and names a pickup', () => {
    const delivery = card(
      entryOf(makeOrder({ delivery: true, address: 'ул. Ленина, 12', deliveryCost: 150 })),
    )
    expect(delivery.text()).toContain('Доставка')
    expect(delivery.find('[data-testid="address"]').exists()).toBe(false)
    expect(delivery.find('[data-testid="order-totals"]').exists()).toBe(false)
    expect(delivery.text()).not.toContain('+38(071)000-00-00')
    const pickup = card(entryOf(makeOrder({ delivery: false, address: 'ул. Ленина, 12' })))
    expect(pickup.text()).toContain('Самовывоз')
    expect(pickup.get('[data-testid="pickup-name"]').text()).toContain('Евдоким Субботин')
    expect(pickup.text()).not.toContain('+38(071)000-00-00')
  })

  it('with the kitchenDetails setting, shows the address for a delivery and the phone', async () => {
    await withKitchenDetails()
    const delivery = card(
      entryOf(makeOrder({ delivery: true, address: 'ул. Ленина, 12', deliveryCost: 150 })),
    )
    expect(delivery.get('[data-testid="address"]').text()).toBe('ул. Ленина, 12')
    const pickup = card(entryOf(makeOrder({ delivery: false, address: 'ул. Ленина, 12' })))
    expect(pickup.find('[data-testid="address"]').exists()).toBe(false)
    expect(pickup.text()).toContain('Евдоким Субботин')
    expect(pickup.text()).toContain('+38(071)000-00-00')
  })

  it('with the kitchenDetails setting, shows the totals in roubles, with the discount', async () => {
    await withKitchenDetails()
    const order = makeOrder({
      productsSum: 1200,
      discount: { type: 'PROMO', percent: 10 },
      delivery: true,
      address: 'ул. Мира, 1',
      deliveryCost: 150,
      cost: 1230,
    })
    const rows = card(entryOf(order))
      .get('[data-testid="order-totals"]')
      .findAll('dt')
      .map((dt) => `${dt.text()}: ${text(dt.element.nextElementSibling?.textContent ?? '')}`)
    expect(rows).toEqual(['Товары: 1 200 ₽', 'Скидка: 10 %', 'Доставка: 150 ₽', 'Итого: 1 230 ₽'])
  })

  it('marks test orders', () => {
    expect(
      card(entryOf(makeOrder({ isTestOrder: true })))
        .get('[data-testid="test-badge"]')
        .text(),
    ).toBe('ТЕСТ')
    expect(card(entryOf(makeOrder())).find('[data-testid="test-badge"]').exists()).toBe(false)
  })

  it('says when an order was learned from a resync rather than live', () => {
    const resynced = card({ ...entryOf(makeOrder()), resynced: true })
    expect(resynced.get('[data-testid="resynced-badge"]').text()).toBe('пришёл после обрыва связи')
    expect(card(entryOf(makeOrder())).find('[data-testid="resynced-badge"]').exists()).toBe(false)
  })

  it('ages a resynced order from when it was made, not from when the resync found it', () => {
    // Made 25 minutes ago, fetched by a resync a moment ago: it has waited 25 minutes.
    const order = makeOrder({ createdAt: CREATED - 23 * MIN })
    const wrapper = card({ ...entryOf(order, 'NEW', CREATED + MIN), resynced: true })
    const elapsed = wrapper.get('[data-testid="elapsed"]')
    expect(elapsed.text()).toBe('25:00')
    expect(elapsed.attributes('data-level')).toBe('late')
    const badge = wrapper.get('[data-testid="resynced-badge"]')
    expect(badge.attributes('title')).toContain('мог ждать незамеченным')
  })

  it('shows the scheduled time as given when it is not a date', () => {
    const wrapper = card(entryOf(makeOrder({ time: 'к 19:30' })))
    expect(wrapper.get('[data-testid="scheduled"]').text()).toContain('к 19:30')
  })

  it('ticks and changes colour at the thresholds, from the one clock', async () => {
    const clock = useClockStore()
    const wrapper = card(entryOf(makeOrder({ createdAt: CREATED })))
    const elapsed = () => wrapper.get('[data-testid="elapsed"]')
    expect(elapsed().text()).toBe('2:00')
    expect(elapsed().classes()).toContain('elapsed--normal')
    clock.now = CREATED + 10 * MIN + 5_000
    await nextTick()
    expect(elapsed().text()).toBe('10:05')
    expect(elapsed().classes()).toContain('elapsed--warn')
    clock.now = CREATED + 20 * MIN
    await nextTick()
    expect(elapsed().classes()).toContain('elapsed--late')
    expect(elapsed().attributes('data-level')).toBe('late')
  })

  it('shows a placeholder while only condition changes have arrived', () => {
    const entry: BoardOrder = {
      id: 'abc123',
      order: null,
      condition: 'COOKING',
      history: [{ condition: 'COOKING', at: CREATED }],
      receivedAt: CREATED,
      changedAt: CREATED,
    }
    const wrapper = card(entry)
    const root = wrapper.get('[data-testid="order-card"]')
    expect(root.attributes('data-order-id')).toBe('abc123')
    expect(root.attributes('data-condition')).toBe('COOKING')
    expect(wrapper.text()).toContain('заказ ещё не пришёл')
    expect(wrapper.text()).toContain('Готовится')
    expect(wrapper.text()).toContain('abc123')
  })
})
