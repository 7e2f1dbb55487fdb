// @vitest-environment jsdom
// A station screen and the expo on the tiles board, next to a real Pinia and a FakeKds: which
// tickets and items each shows, touches and bumps as commands to the core (never a change of the
// renderer's own copy), the expo's READY, and the all-day counts of a station.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { BoardOrder } from '../../../electron/common/board'
import type { Station } from '../../../electron/common/stations'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { boardPage } from './board-page'
import { settingsView } from './fake-kds'
import { drawn, mountWith } from './mount'
import { entryOf, makeOrder, product } from './orders'

const page = boardPage()
const STATIONS: Station[] = [
  { id: 'hot', name: 'Горячий цех', match: ['суп', 'борщ'], next: 'pack' },
  { id: 'cold', name: 'Холодный цех', match: ['ролл'] },
  { id: 'pack', name: 'Упаковка', match: [] },
]

afterEach(() => history.replaceState(null, '', '/'))

/** An order of a soup, a borsch, a roll and water (water goes to the default: cold). */
const lunch = (overrides: Record<string, unknown> = {}) =>
  entryOf(
    makeOrder({
      products: [product('Суп дня', 1), product('Борщ', 2), product('Ролл', 3), product('Вода', 1)],
      ...overrides,
    }),
  )

async function screen(role: string, entries: BoardOrder[]) {
  history.replaceState(null, '', `/?screen=${role}`)
  page.kds.currentSettings = settingsView({ stations: STATIONS, defaultStation: 'cold' })
  page.kds.setBoard(entries.length, entries)
  await useSettingsStore().start(page.kds)
  await useBoardStore().start(page.kds)
  page.wrapper = mountWith(BoardView, page.pinia, { attachTo: document.body })
  await flushPromises()
  return page.wrapper
}

const cardOf = (w: ReturnType<typeof mountWith>, id: string) =>
  w.get(`[data-testid="order-card"][data-order-id="${id}"]`)
const itemsOf = (w: ReturnType<typeof mountWith>, id: string) =>
  cardOf(w, id).findAll('[data-testid="order-item"]')

describe('a station screen', () => {
  it('shows the orders with its items, only those items, and the rest as one muted line', async () => {
    const order = lunch()
    const rollsOnly = entryOf(makeOrder({ products: [product('Ролл', 1)] }))
    const w = await screen('station:hot', [order, rollsOnly])
    expect(
      w.findAll('[data-testid="order-card"]').map((c) => c.attributes('data-order-id')),
    ).toEqual([order.id])
    const items = itemsOf(w, order.id)
    expect(items.map((item) => item.attributes('data-station'))).toEqual(['hot', 'hot'])
    expect(items.map((item) => item.attributes('data-state'))).toEqual(['open', 'open'])
    expect(cardOf(w, order.id).get('[data-testid="other-items"]').text()).toBe('+2 в других цехах')
    expect(w.get('[data-testid="screen-role"]').text()).toBe('Цех: Горячий цех')
    expect(cardOf(w, order.id).get('[data-testid="bump"]').text()).toContain('Дальше: Упаковка')
  })

  it('a touch asks the core to mark the item done or back; the line changes with the event', async () => {
    const order = lunch()
    const w = await screen('station:hot', [order])
    await itemsOf(w, order.id)[1]?.trigger('click')
    await flushPromises()
    expect(page.kds.itemMarks).toEqual([[order.id, 1, true]])
    expect(itemsOf(w, order.id)[1]?.attributes('data-state')).toBe('open')
    page.kds.pushEvent({ type: 'item:done', id: order.id, item: 1, done: true, at: 5_000, seq: 2 })
    await drawn()
    expect(itemsOf(w, order.id)[1]?.attributes('data-state')).toBe('done')
    await itemsOf(w, order.id)[1]?.trigger('click')
    await flushPromises()
    expect(page.kds.itemMarks.at(-1)).toEqual([order.id, 1, false])
  })

  it("the bump is the station's: the ticket goes to the next station when the event comes", async () => {
    const order = lunch()
    const w = await screen('station:hot', [order])
    await cardOf(w, order.id).get('[data-testid="bump"]').trigger('click')
    await flushPromises()
    expect(page.kds.stationBumps).toEqual([[order.id, 'hot']])
    expect(page.kds.bumps).toEqual([])
    page.kds.pushEvent({
      type: 'station:bump',
      id: order.id,
      station: 'hot',
      items: [0, 1],
      at: 6_000,
      seq: 2,
    })
    await drawn()
    expect(w.findAll('[data-testid="order-card"]')).toHaveLength(0)
    expect(w.get('[data-testid="tiles"]').text()).toContain('В этом цехе заказов нет')
    await w.get('[data-testid="recall-last"]').trigger('click')
    await flushPromises()
    expect(page.kds.stationRecalls).toEqual([['hot', null]])
  })

  it("the bump bar works the station's tickets: a digit selects, Enter bumps, R recalls", async () => {
    const order = lunch()
    await screen('station:hot', [order])
    const press = (key: string, code = key) =>
      window.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true }))
    press('1', 'Digit1')
    press('Enter')
    await flushPromises()
    expect(page.kds.stationBumps).toEqual([[order.id, 'hot']])
    press('r', 'KeyR')
    await flushPromises()
    expect(page.kds.stationRecalls).toEqual([['hot', null]])
    expect(page.kds.bumps).toEqual([])
  })

  it('an assembly line: the packer sees the ticket once the station before it bumped it', async () => {
    const waiting = lunch()
    const passed: BoardOrder = { ...lunch(), stationsDone: ['hot'], itemsDone: [0, 1] }
    const w = await screen('station:pack', [waiting, passed])
    expect(
      w.findAll('[data-testid="order-card"]').map((c) => c.attributes('data-order-id')),
    ).toEqual([passed.id])
    // No items of its own: the whole ticket to assemble, as it is, naming each item's station.
    const items = itemsOf(w, passed.id)
    expect(items.map((item) => item.attributes('data-state'))).toEqual([
      'done',
      'done',
      'open',
      'open',
    ])
    const groups = cardOf(w, passed.id).findAll('[data-testid="item-group"]')
    expect(groups.map((group) => [group.text(), group.attributes('data-state')])).toEqual([
      ['✓ Горячий цех', 'done'],
      ['Холодный цех', 'open'],
    ])
    await items[2]?.trigger('click')
    expect(page.kds.itemMarks).toEqual([])
  })

  it('counts all day only what is still open at the station', async () => {
    const a = lunch()
    const b: BoardOrder = { ...lunch(), itemsDone: [0] }
    const w = await screen('station:hot', [a, b])
    await w.get('[data-testid="all-day-toggle"]').trigger('click')
    expect(w.get('[data-testid="all-day"]').text()).toContain('что ещё не готово в этом цехе')
    const lines = w.findAll('[data-testid="all-day-item"]')
    expect(
      lines.map((line) => [line.attributes('data-product'), line.attributes('data-count')]),
    ).toEqual([
      ['Борщ', '4'],
      ['Суп дня', '1'],
    ])
  })
})

describe('the kitchen of a hub with stations', () => {
  it('shows every item as before, each line saying its station and state', async () => {
    const order: BoardOrder = { ...lunch(), itemsDone: [2] }
    const w = await screen('kitchen', [order])
    const items = itemsOf(w, order.id)
    expect(items.map((item) => item.attributes('data-station'))).toEqual([
      'hot',
      'hot',
      'cold',
      'cold',
    ])
    expect(items.map((item) => item.attributes('data-state'))).toEqual([
      'open',
      'open',
      'done',
      'open',
    ])
    expect(cardOf(w, order.id).find('[data-testid="item-group"]').exists()).toBe(false)
    expect(cardOf(w, order.id).attributes('data-ready')).toBeUndefined()
    await items[0]?.trigger('click')
    expect(page.kds.itemMarks).toEqual([])
  })
})

describe('the expo', () => {
  it('shows every item by station, READY once every station is done, and bumps for the kitchen', async () => {
    const open = lunch()
    const done: BoardOrder = {
      ...lunch(),
      stationsDone: ['hot', 'cold', 'pack'],
      itemsDone: [0, 1, 2, 3],
    }
    const w = await screen('expo', [open, done])
    expect(itemsOf(w, open.id).map((item) => item.attributes('data-station'))).toEqual([
      'hot',
      'hot',
      'cold',
      'cold',
    ])
    expect(cardOf(w, open.id).attributes('data-ready')).toBe('false')
    expect(cardOf(w, open.id).get('[data-testid="waiting-for"]').text()).toBe(
      'ждём: Горячий цех, Холодный цех, Упаковка',
    )
    expect(cardOf(w, done.id).attributes('data-ready')).toBe('true')
    expect(cardOf(w, done.id).get('[data-testid="ready-badge"]').text()).toContain('СОБРАН')
    expect(cardOf(w, done.id).classes()).toContain('card--ready')
    // The expo's touch does not mark items: only a station's does.
    await itemsOf(w, open.id)[0]?.trigger('click')
    expect(page.kds.itemMarks).toEqual([])
    await cardOf(w, done.id).get('[data-testid="bump"]').trigger('click')
    await flushPromises()
    expect(page.kds.bumps).toEqual([done.id])
    expect(page.kds.stationBumps).toEqual([])
  })
})
