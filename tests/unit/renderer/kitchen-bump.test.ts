// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { boardPage } from './board-page'
import { drawn, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

const page = boardPage()

async function board(entries = [entryOf(makeOrder({ number: 1 })), entryOf(makeOrder())]) {
  page.kds.setBoard(entries.length, entries)
  await useBoardStore().start(page.kds)
  page.wrapper = mountWith(BoardView, page.pinia, { attachTo: document.body })
  await flushPromises()
  return page.wrapper
}

const ids = (w: ReturnType<typeof mountWith>) =>
  w.findAll('[data-testid="order-card"]').map((c) => c.attributes('data-order-id'))

describe('bump and recall', () => {
  it('the bump button asks the core, and the card goes only when the event comes', async () => {
    const [a, b] = [entryOf(makeOrder({ createdAt: 1 })), entryOf(makeOrder({ createdAt: 2 }))]
    const w = await board([a, b])
    await w.get(`[data-order-id="${a.id}"] [data-testid="bump"]`).trigger('click')
    await flushPromises()
    expect(page.kds.bumps).toEqual([a.id])
    // The renderer never changes its copy on its own.
    expect(ids(w)).toEqual([a.id, b.id])
    page.kds.pushEvent({ type: 'order:bump', id: a.id, at: 5_000, seq: 3 })
    await drawn()
    expect(ids(w)).toEqual([b.id])
  })

  it('recall-last asks for the last bumped, and the card comes back with the event', async () => {
    const a = { ...entryOf(makeOrder()), bumpedAt: 4_000 }
    const w = await board([a])
    expect(ids(w)).toEqual([])
    await w.get('[data-testid="recall-last"]').trigger('click')
    await flushPromises()
    expect(page.kds.recalls).toEqual([null])
    page.kds.pushEvent({ type: 'order:recall', id: a.id, at: 5_000, seq: 2 })
    await drawn()
    expect(ids(w)).toEqual([a.id])
  })

  it('lists the recently bumped, newest first, and restores the one chosen', async () => {
    const older = { ...entryOf(makeOrder({ number: 11 })), bumpedAt: 1_000 }
    const newer = { ...entryOf(makeOrder({ number: 12 })), bumpedAt: 2_000 }
    const shown = entryOf(makeOrder({ number: 13 }))
    const w = await board([older, newer, shown])
    await w.get('[data-testid="recent-toggle"]').trigger('click')
    const rows = w.findAll('[data-testid="recent-bump"]')
    expect(rows.map((r) => r.attributes('data-order-id'))).toEqual([newer.id, older.id])
    expect(rows[0]?.text()).toContain('№ 12')
    expect(rows[0]?.text()).toMatch(/убран в \d\d:\d\d/)
    await rows[1]?.get('[data-testid="restore"]').trigger('click')
    await flushPromises()
    expect(page.kds.recalls).toEqual([older.id])
  })

  it('keeps at most twenty in the recent list', async () => {
    const bumped = Array.from({ length: 25 }, (_, i) => ({
      ...entryOf(makeOrder()),
      bumpedAt: 1_000 + i,
    }))
    const w = await board(bumped)
    await w.get('[data-testid="recent-toggle"]').trigger('click')
    expect(w.findAll('[data-testid="recent-bump"]')).toHaveLength(20)
  })

  it('says it in English too', async () => {
    page.kds.setBoard(1, [entryOf(makeOrder())])
    await useBoardStore().start(page.kds)
    page.wrapper = mountWith(BoardView, page.pinia, {}, 'en')
    await flushPromises()
    expect(page.wrapper.get('[data-testid="bump"]').text()).toContain('Done')
    expect(page.wrapper.get('[data-testid="recall-last"]').text()).toContain('Recall last')
  })
})
