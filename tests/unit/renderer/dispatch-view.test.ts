// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { BoardOrder } from '../../../electron/common/board'
import { BOM } from '../../../electron/common/csv'
import App from '../../../renderer/src/App.vue'
import DispatchView from '../../../renderer/src/dispatch/DispatchView.vue'
import { viewOf, viewUrl } from '../../../renderer/src/dispatch/route'
import { startSession } from '../../../renderer/src/session'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds } from './fake-kds'
import { withScreenHeight } from './layout'
import { drawn, freshPinia, mountWith } from './mount'
import { makeOrder } from './orders'

withScreenHeight()

const MIN = 60_000
const DAY_START = new Date(2026, 10, 26).getTime()
const at = (hours: number, minutes = 0) => DAY_START + (hours * 60 + minutes) * MIN
const NOW = at(12)

/** A Blob's bytes as UTF-8, keeping a BOM (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(reader.result as ArrayBuffer))
    reader.onerror = () => reject(new Error('unreadable blob'))
    reader.readAsArrayBuffer(blob)
  })
}

/** An order of the day with `history` as [condition, at] pairs. */
function entry(number: number, username: string, history: [string, number][]): BoardOrder {
  const first = history[0]?.[1] ?? 0
  const order = makeOrder({ number, username, createdAt: first, time: null })
  const changes = history.map(([condition, when]) => ({ condition, at: when }))
  const last = changes.at(-1)
  return {
    id: order._id,
    order,
    condition: last?.condition ?? 'NEW',
    history: changes,
    receivedAt: first,
    changedAt: last?.at ?? first,
  }
}

let pinia: Pinia
let kds: FakeKds
let board: BoardOrder[]

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  pinia = freshPinia()
  kds = new FakeKds()
  board = [
    entry(101, 'Анна', [
      ['NEW', at(9)],
      ['ACCEPTED', at(9, 5)],
      ['DELIVERED', at(9, 20)],
    ]),
    entry(102, 'Борис', [
      ['NEW', at(11)],
      ['ACCEPTED', at(11, 15)],
      ['COOKING', at(11, 40)],
    ]),
    entry(103, 'Вера, "В"', [['NEW', at(11, 50)]]),
  ]
  kds.setBoard(1, board)
})

afterEach(() => {
  useClockStore().stop()
  useBoardStore().stop()
  useStatusStore().stop()
  useSettingsStore().stop()
  vi.useRealTimers()
  location.hash = ''
})

async function mounted() {
  startSession(kds)
  const wrapper = mountWith(DispatchView, pinia)
  await flushPromises()
  return wrapper
}

describe('the timeline', () => {
  it('lists every condition change newest first, with its hooks', async () => {
    const wrapper = await mounted()
    const entries = wrapper.findAll('[data-testid="timeline-entry"]')
    const [a, b, c] = board.map((order) => order.id)
    expect(
      entries.map((e) => [e.attributes('data-order-id'), e.attributes('data-condition')]),
    ).toEqual([
      [c, 'NEW'],
      [b, 'COOKING'],
      [b, 'ACCEPTED'],
      [b, 'NEW'],
      [a, 'DELIVERED'],
      [a, 'ACCEPTED'],
      [a, 'NEW'],
    ])
    const first = entries[0]?.text() ?? ''
    expect(first).toContain('11:50:00')
    expect(first).toContain('№ 103')
    expect(first).toContain('Новый')
    expect(first).toContain('Вера, "В"')
    wrapper.unmount()
  })

  it('adds a change pushed live at the top', async () => {
    const wrapper = await mounted()
    const id = board[2]?.id ?? ''
    kds.pushEvent({ type: 'order:condition', id, condition: 'ACCEPTED', at: at(11, 58), seq: 2 })
    await drawn()
    const top = wrapper.get('[data-testid="timeline-entry"]')
    expect(top.attributes('data-order-id')).toBe(id)
    expect(top.attributes('data-condition')).toBe('ACCEPTED')
    wrapper.unmount()
  })

  it('draws only the rows on screen for a board of 10 000 orders', async () => {
    kds.setBoard(
      1,
      Array.from({ length: 10_000 }, (_, i) =>
        entry(i, `Клиент ${i}`, [['NEW', at(8) + i * 1000]]),
      ),
    )
    const wrapper = await mounted()
    expect(wrapper.text()).toContain('изменений: 10000')
    const drawn = wrapper.findAll('[data-testid="timeline-entry"]').length
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(60)
    wrapper.unmount()
  })
})

describe("an order's history", () => {
  it('shows the time spent in each condition, the current one ticking', async () => {
    const wrapper = await mounted()
    const id = board[1]?.id ?? ''
    await wrapper.get(`[data-testid="timeline-entry"][data-order-id="${id}"]`).trigger('click')
    const history = wrapper.get('[data-testid="order-history"]')
    expect(history.attributes('data-order-id')).toBe(id)
    expect(history.text()).toContain('История заказа № 102')
    const stays = history.findAll('[data-testid="history-entry"]')
    expect(stays.map((s) => s.attributes('data-condition'))).toEqual(['NEW', 'ACCEPTED', 'COOKING'])
    expect(history.findAll('[data-testid="history-spent"]').map((s) => s.text())).toEqual([
      '15:00',
      '25:00',
    ])
    expect(history.get('[data-testid="history-current"]').text()).toBe('20:00')
    expect(history.get('[data-testid="history-total"]').text()).toContain('1:00:00')

    vi.setSystemTime(NOW + 5_000)
    useClockStore().now = NOW + 5_000
    await flushPromises()
    expect(history.get('[data-testid="history-current"]').text()).toBe('20:05')
    wrapper.unmount()
  })

  it('stops ticking once the order is finished', async () => {
    const wrapper = await mounted()
    const id = board[0]?.id ?? ''
    await wrapper.get(`[data-testid="timeline-entry"][data-order-id="${id}"]`).trigger('click')
    const history = wrapper.get('[data-testid="order-history"]')
    expect(history.find('[data-testid="history-current"]').exists()).toBe(false)
    expect(history.get('[data-testid="history-total"]').text()).toContain('20:00')
    await history.get('button').trigger('click')
    expect(wrapper.find('[data-testid="order-history"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('speed of service', () => {
  it('shows the numbers of a known board', async () => {
    const wrapper = await mounted()
    expect(wrapper.get('[data-testid="speed-orders"]').attributes('data-value')).toBe('3')
    // The last hour is 11:00 (excluded) to 12:00: only 103.
    expect(wrapper.get('[data-testid="speed-last-hour"]').attributes('data-value')).toBe('1')
    // 102 is open since 11:00 (an hour, past 20 minutes); 103 only 10 minutes.
    expect(wrapper.get('[data-testid="speed-late"]').attributes('data-value')).toBe('1')
    const rows = wrapper.findAll('[data-testid="speed-row"]')
    expect(rows.map((r) => r.attributes('data-condition'))).toEqual([
      'ACCEPTED',
      'COOKING',
      'DELIVERED',
    ])
    // ACCEPTED after 5 and 15 minutes: median 10:00, 90th percentile 14:00.
    expect(rows[0]?.findAll('td').map((td) => td.text())).toEqual(['10:00', '14:00', '2'])
    const bars = wrapper.findAll('[data-testid="chart-bar"]')
    const count = (hour: number) =>
      bars.find((bar) => bar.attributes('data-hour') === String(hour))?.attributes('data-count')
    expect(count(9)).toBe('1')
    expect(count(10)).toBe('0')
    expect(count(11)).toBe('2')
    expect(count(12)).toBe('0')
    expect(wrapper.find('[data-testid="speed-test-orders"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('leaves test orders out of every figure and says how many it left out', async () => {
    const test = (number: number, history: [string, number][]) => {
      const plain = entry(number, 'Тест', history)
      return { ...plain, order: plain.order && { ...plain.order, isTestOrder: true } }
    }
    kds.setBoard(1, [
      ...board,
      // Late, in the last hour, quick to ACCEPTED: each would change a figure.
      test(201, [
        ['NEW', at(11, 5)],
        ['ACCEPTED', at(11, 6)],
      ]),
      test(202, [['NEW', at(11, 30)]]),
    ])
    const wrapper = await mounted()
    expect(wrapper.get('[data-testid="speed-orders"]').attributes('data-value')).toBe('3')
    expect(wrapper.get('[data-testid="speed-last-hour"]').attributes('data-value')).toBe('1')
    expect(wrapper.get('[data-testid="speed-late"]').attributes('data-value')).toBe('1')
    const rows = wrapper.findAll('[data-testid="speed-row"]')
    expect(rows[0]?.findAll('td').map((td) => td.text())).toEqual(['10:00', '14:00', '2'])
    const bars = wrapper.findAll('[data-testid="chart-bar"]')
    expect(bars.find((bar) => bar.attributes('data-hour') === '11')?.attributes('data-count')).toBe(
      '2',
    )
    expect(wrapper.get('[data-testid="speed-test-orders"]').text()).toBe(
      'Тестовые заказы не считаются: 2',
    )
    wrapper.unmount()
  })
})

describe('CSV export', () => {
  it("downloads today's orders as a file with a BOM", async () => {
    const texts: string[] = []
    const create = vi.fn((blob: Blob) => {
      void blobText(blob).then((text) => texts.push(text))
      return 'blob:kds/1'
    })
    URL.createObjectURL = create
    URL.revokeObjectURL = vi.fn()
    const clicks: { href: string; download: string }[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.href, download: this.download })
    })
    const wrapper = await mounted()
    await wrapper.get('[data-testid="export-orders"]').trigger('click')
    await wrapper.get('[data-testid="export-changes"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(texts).toHaveLength(2))
    expect(clicks).toEqual([
      { href: 'blob:kds/1', download: 'orders-2026-11-26.csv' },
      { href: 'blob:kds/1', download: 'changes-2026-11-26.csv' },
    ])
    // The bytes decoded with the BOM kept: it is the first character.
    const [orders = '', changes = ''] = texts
    expect(orders.startsWith(BOM)).toBe(true)
    const lines = orders.slice(1).split('\r\n')
    expect(lines[0]).toMatch(
      /^Номер,id,Создан \(сервер\),Клиент,Телефон,Способ,Адрес,Сумма,Статус,Тестовый,Новый,/,
    )
    expect(lines.filter((line) => /^10[123],/.test(line))).toHaveLength(3)
    expect(orders).toContain('"Вера, ""В"""')
    expect(
      changes
        .slice(1)
        .split('\r\n')
        .filter((line) => line !== ''),
    ).toHaveLength(8)
    click.mockRestore()
    wrapper.unmount()
  })
})

describe('routing', () => {
  it('reads the view from the hash, else from ?view=', () => {
    expect(viewOf('#/dispatch', '')).toBe('dispatch')
    expect(viewOf('#/', '?view=dispatch')).toBe('kitchen')
    expect(viewOf('', '?view=dispatch')).toBe('dispatch')
    expect(viewOf('', '?view=kitchen')).toBe('kitchen')
    expect(viewOf('', '')).toBe('kitchen')
    expect(viewUrl('dispatch', 'file:///app/index.html?view=kitchen')).toBe(
      'file:///app/index.html?view=kitchen#/dispatch',
    )
  })

  it('switches between the board and the dispatcher view with the hash', async () => {
    startSession(kds)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    expect(wrapper.find('[data-testid="board"]').exists()).toBe(true)
    location.hash = '#/dispatch'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(wrapper.find('[data-testid="dispatch-view"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="board"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="connection-status"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="view-kitchen"]').attributes('href')).toBe('#/')
    location.hash = '#/'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(wrapper.find('[data-testid="board"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('opens the kitchen in a new window of the same page', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    const wrapper = await mounted()
    await wrapper.get('[data-testid="open-window"]').trigger('click')
    expect(open).toHaveBeenCalledWith(
      `${location.origin}${location.pathname}#/`,
      '_blank',
      'noopener',
    )
    open.mockRestore()
    wrapper.unmount()
  })
})

describe('in English', () => {
  it('has every text', async () => {
    startSession(kds)
    const wrapper = mountWith(DispatchView, pinia, {}, 'en')
    await flushPromises()
    expect(wrapper.text()).toContain('Timeline of changes')
    expect(wrapper.text()).toContain('Speed of service today')
    expect(wrapper.text()).toContain('Open in a new window')
    wrapper.unmount()
  })
})
