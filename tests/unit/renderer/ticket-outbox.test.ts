// @vitest-environment jsdom
// The outbox on a ticket: «Начать» only when start is configured and the order is NEW/ACCEPTED,
// «→ Собран…» while the backend has not said so, a refusal with its reason until dismissed.
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { OutboxEntry } from '../../../electron/common/outbox'
import { OUTBOX_OFF } from '../../../electron/common/outbox'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import StatusBar from '../../../renderer/src/components/StatusBar.vue'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useOutboxStore } from '../../../renderer/src/stores/outbox'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { boardPage } from './board-page'
import { coreStatus } from './fake-kds'
import { drawn, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

const page = boardPage()

async function board(entries: ReturnType<typeof entryOf>[], start: string | null = 'COOKING') {
  page.kds.setBoard(entries.length, entries)
  page.kds.currentStatus = coreStatus('connected', {
    outbox: { ...OUTBOX_OFF, enabled: true, start, bump: 'COLLECTED' },
  })
  await useStatusStore().start(page.kds)
  await useOutboxStore().start(page.kds)
  await useBoardStore().start(page.kds)
  page.wrapper = mountWith(BoardView, page.pinia, { attachTo: document.body })
  await flushPromises()
  return page.wrapper
}

const entry = (orderId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: `intent-${orderId}`,
  orderId,
  action: 'bump',
  condition: 'COLLECTED',
  state: 'waiting',
  code: null,
  reason: null,
  attempts: 0,
  createdAt: 1_000,
  nextAttemptAt: 1_000,
  ...overrides,
})

describe('the outbox on a ticket', () => {
  it('offers «Начать» on NEW and ACCEPTED tickets only, and asks the core', async () => {
    const fresh = entryOf(makeOrder({ condition: 'NEW' }))
    const cooking = entryOf(makeOrder({ condition: 'COOKING' }))
    const w = await board([fresh, cooking])
    expect(w.find(`[data-order-id="${cooking.id}"] [data-testid="start"]`).exists()).toBe(false)
    const button = w.get(`[data-order-id="${fresh.id}"] [data-testid="start"]`)
    expect(button.text()).toContain('Начать')
    await button.trigger('click')
    await flushPromises()
    expect(page.kds.starts).toEqual([fresh.id])
  })

  it('has no «Начать» when start is not configured', async () => {
    const fresh = entryOf(makeOrder({ condition: 'NEW' }))
    const w = await board([fresh], null)
    expect(w.find('[data-testid="start"]').exists()).toBe(false)
  })

  it('shows «→ Собран…» at once, the card unmoved, until the backend says COLLECTED', async () => {
    const order = entryOf(makeOrder({ condition: 'COOKING' }))
    const w = await board([order])
    page.kds.push({ type: 'outbox', entries: [entry(order.id, { state: 'done', code: 'sent' })] })
    await drawn()
    const note = w.get(`[data-order-id="${order.id}"] [data-testid="ticket-outbox"]`)
    expect(note.attributes('data-state')).toBe('pending')
    expect(note.text()).toBe('→ Собран…')
    expect(w.get(`[data-order-id="${order.id}"]`).attributes('data-condition')).toBe('COOKING')
    page.kds.pushEvent({
      type: 'order:condition',
      id: order.id,
      condition: 'COLLECTED',
      at: 2,
      seq: 2,
    })
    await drawn()
    expect(w.find(`[data-order-id="${order.id}"] [data-testid="ticket-outbox"]`).exists()).toBe(
      false,
    )
  })

  it('says how many attempts an unreachable backend took', async () => {
    const order = entryOf(makeOrder())
    const w = await board([order])
    page.kds.push({
      type: 'outbox',
      entries: [entry(order.id, { attempts: 3, code: 'unreachable' })],
    })
    await drawn()
    expect(w.get('[data-testid="ticket-outbox"]').text()).toContain('нет связи, попытка 3')
  })

  it('shows a refusal with its reason until someone dismisses it', async () => {
    const order = entryOf(makeOrder())
    page.kds.outboxEntries = [
      entry(order.id, { state: 'failed', code: 'forbidden', reason: 'no right (HTTP 403: …)' }),
    ]
    const w = await board([order])
    const note = w.get('[data-testid="ticket-outbox"]')
    expect(note.attributes('data-state')).toBe('failed')
    expect(note.text()).toContain('Не принято: нет прав менять статус')
    await note.get('[data-testid="outbox-dismiss"]').trigger('click')
    await drawn()
    expect(page.kds.dismissedOutbox).toEqual([`intent-${order.id}`])
    expect(w.find('[data-testid="ticket-outbox"]').exists()).toBe(false)
  })

  it('names the condition the backend already had when a bump was dropped', async () => {
    const order = entryOf(makeOrder({ condition: 'DELIVERING' }))
    page.kds.outboxEntries = [entry(order.id, { state: 'dropped', code: 'already' })]
    const w = await board([order])
    expect(w.get('[data-testid="ticket-outbox"]').text()).toContain(
      'Не отправлено: на бэкенде уже «В пути»',
    )
  })

  it('counts what waits in the status bar', async () => {
    await board([entryOf(makeOrder())])
    page.kds.pushStatus(
      coreStatus('connected', { outbox: { ...OUTBOX_OFF, enabled: true, waiting: 2 } }),
    )
    const bar = mountWith(StatusBar, page.pinia)
    await drawn()
    expect(bar.get('[data-testid="outbox-waiting"]').text()).toBe('Ждут отправки: 2')
    bar.unmount()
  })
})
