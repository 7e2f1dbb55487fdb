// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { CONNECTION_STATES } from '../../../electron/common/status'
import StatusBar from '../../../renderer/src/components/StatusBar.vue'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus } from './fake-kds'
import { freshPinia, mountWith } from './mount'

const NOW = new Date(2024, 3, 23, 14, 5, 0).getTime()
let pinia: Pinia
let kds: FakeKds

beforeEach(async () => {
  pinia = freshPinia()
  kds = new FakeKds()
  useClockStore().now = NOW
  await useStatusStore().start(kds)
})

const bar = () => mountWith(StatusBar, pinia)
const text = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('StatusBar', () => {
  it('names every connection state in words and in data-state', async () => {
    const wrapper = bar()
    const words: string[] = []
    for (const state of CONNECTION_STATES) {
      kds.pushStatus(coreStatus(state))
      await flushPromises()
      const element = wrapper.get('[data-testid="connection-status"]')
      expect(element.attributes('data-state')).toBe(state)
      expect(element.classes()).toContain(`state--${state}`)
      words.push(element.text())
    }
    expect(words).toEqual([
      'Подключение…',
      'Авторизация…',
      'На связи',
      'Нет связи',
      'Не авторизован',
    ])
  })

  it('shows the server, the age of the last event and the orders count', async () => {
    kds.pushStatus(coreStatus('connected', { lastEventAt: NOW - 12_000, orders: 7 }))
    const wrapper = bar()
    await flushPromises()
    expect(wrapper.get('[data-testid="server-url"]').text()).toContain('wss://kitchen.example.ru')
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="last-event"]').text()).toBe('последнее событие 12 с назад')
    expect(wrapper.get('[data-testid="orders-count"]').text()).toBe('Заказов: 7')
    useClockStore().now = NOW + 3 * 60_000
    await flushPromises()
    expect(wrapper.get('[data-testid="last-event"]').text()).toBe('последнее событие 3 мин назад')
  })

  it('says DEMO plainly in demo mode', async () => {
    kds.pushStatus(coreStatus('connected', { demo: true }))
    const wrapper = bar()
    await flushPromises()
    expect(wrapper.get('[data-testid="demo-badge"]').text()).toBe('ДЕМО')
    expect(wrapper.find('[data-testid="server-url"]').exists()).toBe(false)
  })

  it('says since when the data is stale, the attempt and the retry countdown', async () => {
    const offline = coreStatus('offline')
    offline.connection = {
      ...offline.connection,
      since: NOW - 3 * 60_000,
      attempt: 4,
      nextRetryAt: NOW + 12_000,
      error: 'xhr poll error',
    }
    kds.pushStatus(offline)
    const wrapper = bar()
    await flushPromises()
    expect(text(wrapper.get('[data-testid="offline-since"]').text())).toBe(
      'данные не обновляются с 14:02 (3 мин)',
    )
    expect(wrapper.get('[data-testid="retry"]').text()).toBe('попытка 4, повтор через 12 с')
    expect(wrapper.text()).toContain('xhr poll error')
    useClockStore().now = NOW + 12_000
    await flushPromises()
    expect(wrapper.get('[data-testid="retry"]').text()).toBe('попытка 4, подключаемся…')
  })

  it('says when a connected server has been silent for too long', async () => {
    const quiet = coreStatus('connected', { lastEventAt: NOW - 90_000 })
    quiet.connection = { ...quiet.connection, lastPingAt: NOW - 30_000 }
    kds.pushStatus(quiet)
    const wrapper = bar()
    await flushPromises()
    expect(wrapper.find('[data-testid="quiet"]').exists()).toBe(false)
    useClockStore().now = NOW + 40_000
    await flushPromises()
    expect(wrapper.get('[data-testid="quiet"]').text()).toBe('нет вестей от сервера уже 1 мин')
  })

  it('warns about journal problems', async () => {
    kds.pushStatus(coreStatus('connected', { journalWarnings: ['line 3 is corrupt', 'line 9'] }))
    const wrapper = bar()
    await flushPromises()
    expect(text(wrapper.get('[data-testid="journal-problem"]').text())).toBe(
      'Журнал: line 3 is corrupt (и ещё 1)',
    )
    kds.pushStatus(coreStatus('connected', { journalError: 'EACCES' }))
    await flushPromises()
    expect(wrapper.get('[data-testid="journal-problem"]').text()).toContain(
      'заказы только в памяти: EACCES',
    )
  })

  it('keeps saying since when the data is stale while the retries come and go', async () => {
    kds.pushStatus(coreStatus('connected'))
    const wrapper = bar()
    await flushPromises()
    const lost = coreStatus('offline')
    lost.connection = { ...lost.connection, since: NOW - 5 * 60_000, attempt: 1 }
    kds.pushStatus(lost)
    // Each retry passes through `connecting`, and the next `offline` has a newer `since`.
    const retrying = coreStatus('connecting')
    retrying.connection = { ...retrying.connection, since: NOW - 10_000 }
    kds.pushStatus(retrying)
    const again = coreStatus('offline')
    again.connection = { ...again.connection, since: NOW - 5_000, attempt: 2 }
    kds.pushStatus(again)
    await flushPromises()
    expect(text(wrapper.get('[data-testid="offline-since"]').text())).toBe(
      'данные не обновляются с 14:00 (5 мин)',
    )
    kds.pushStatus(coreStatus('connected'))
    await flushPromises()
    expect(wrapper.find('[data-testid="offline-since"]').exists()).toBe(false)
  })

  it('says a failed resync quietly, until the next one', async () => {
    const lastResync = { at: NOW - 5 * 60_000, orders: 0, rejected: 0, error: 'HTTP 502' }
    kds.pushStatus(coreStatus('connected', { lastResync }))
    const wrapper = bar()
    await flushPromises()
    const note = wrapper.get('[data-testid="resync-note"]')
    expect(text(note.text())).toBe('досинхронизация не удалась: HTTP 502')
    expect(note.attributes('data-failed')).toBe('true')
    useClockStore().now = NOW + 60 * 60_000
    await flushPromises()
    expect(wrapper.find('[data-testid="resync-note"]').exists()).toBe(true)
  })

  it('says a successful resync for a minute, counting the orders in Russian', async () => {
    const wrapper = bar()
    const note = () => wrapper.find('[data-testid="resync-note"]')
    const counted: string[] = []
    for (const orders of [1, 3, 5, 11, 21, 0]) {
      kds.pushStatus(
        coreStatus('connected', { lastResync: { at: NOW, orders, rejected: 0, error: null } }),
      )
      await flushPromises()
      counted.push(text(note().text()))
    }
    expect(counted).toEqual([
      'досинхронизирован 1 заказ',
      'досинхронизировано 3 заказа',
      'досинхронизировано 5 заказов',
      'досинхронизировано 11 заказов',
      'досинхронизирован 21 заказ',
      'досинхронизировано 0 заказов',
    ])
    expect(note().attributes('data-failed')).toBe('false')
    kds.pushStatus(
      coreStatus('connected', { lastResync: { at: NOW, orders: 4, rejected: 2, error: null } }),
    )
    await flushPromises()
    expect(text(note().text())).toBe('досинхронизировано 4 заказа (отклонено: 2)')
    useClockStore().now = NOW + 59_000
    await flushPromises()
    expect(note().exists()).toBe(true)
    useClockStore().now = NOW + 60_000
    await flushPromises()
    expect(note().exists()).toBe(false)
  })

  it('says the resync in English', async () => {
    kds.pushStatus(
      coreStatus('connected', { lastResync: { at: NOW, orders: 1, rejected: 0, error: null } }),
    )
    const wrapper = mountWith(StatusBar, pinia, {}, 'en')
    await flushPromises()
    expect(text(wrapper.get('[data-testid="resync-note"]').text())).toBe('resynced 1 order')
    kds.pushStatus(
      coreStatus('connected', {
        lastResync: { at: NOW, orders: 0, rejected: 0, error: 'timeout' },
      }),
    )
    await flushPromises()
    expect(text(wrapper.get('[data-testid="resync-note"]').text())).toBe('resync failed: timeout')
  })

  it('opens the settings from the gear', async () => {
    const wrapper = bar()
    await wrapper.get('[data-testid="open-settings"]').trigger('click')
    expect(wrapper.emitted('openSettings')).toHaveLength(1)
  })
})
