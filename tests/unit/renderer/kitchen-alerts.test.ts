// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { FLASH_MS, REPEAT_MS, useAlertStore } from '../../../renderer/src/kitchen/alerts'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { settingsView } from './fake-kds'
import { boardPage } from './board-page'
import { drawn, freshPinia, mountWith } from './mount'
import { conditionEvent, entryOf, makeOrder, newEvent } from './orders'

const page = boardPage()
let play: ReturnType<typeof vi.fn<() => Promise<void>>>

beforeEach(() => {
  play = vi.fn(() => Promise.resolve())
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

async function board(alerts = { sound: true, volume: 0.5, repeat: false }) {
  const existing = entryOf(makeOrder())
  page.kds.currentSettings = settingsView({ alerts })
  page.kds.setBoard(1, [existing])
  await useSettingsStore().start(page.kds)
  await useBoardStore().start(page.kds)
  page.wrapper = mountWith(BoardView, page.pinia)
  await flushPromises()
  return { w: page.wrapper, existing }
}

const cardOf = (id: string) => page.wrapper?.get(`[data-order-id="${id}"]`)

describe('alerts', () => {
  it('the snapshot at start rings nothing; a live new order rings and flashes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { existing } = await board()
    expect(play).not.toHaveBeenCalled()
    expect(cardOf(existing.id)?.classes()).not.toContain('card--flash')

    const order = makeOrder()
    page.kds.pushEvent(newEvent(2, order))
    await drawn()
    expect(play).toHaveBeenCalledTimes(1)
    expect(cardOf(order._id)?.classes()).toContain('card--flash')
    vi.advanceTimersByTime(FLASH_MS + 10)
    await flushPromises()
    expect(cardOf(order._id)?.classes()).not.toContain('card--flash')
  })

  it('a rush rings one chime: orders arriving while it sounds do not restart it', async () => {
    let sounding = false
    play.mockImplementation(() => {
      sounding = true
      return Promise.resolve()
    })
    vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => !sounding)
    await board()
    for (let seq = 2; seq <= 6; seq += 1) page.kds.pushEvent(newEvent(seq, makeOrder()))
    await drawn()
    expect(play).toHaveBeenCalledTimes(1)
    expect(useAlertStore().flashing.size).toBe(5)

    sounding = false
    page.kds.pushEvent(newEvent(7, makeOrder()))
    await drawn()
    expect(play).toHaveBeenCalledTimes(2)
  })

  it('plays at the volume of the settings', async () => {
    await board({ sound: true, volume: 0.25, repeat: false })
    let volume = -1
    play.mockImplementation(function (this: HTMLMediaElement) {
      volume = this.volume
      return Promise.resolve()
    })
    page.kds.pushEvent(newEvent(2, makeOrder()))
    await drawn()
    expect(volume).toBe(0.25)
  })

  it('never rings for a test order, nor for a resync, nor for a fresh snapshot', async () => {
    await board()
    page.kds.pushEvent(newEvent(2, makeOrder({ isTestOrder: true })))
    page.kds.pushEvent({ type: 'order:new', order: makeOrder(), at: 1_000, seq: 3, resync: true })
    // A gap: the board takes a fresh snapshot holding a new order; that is not live either.
    const missed = makeOrder()
    page.kds.setBoard(12, [entryOf(missed)])
    page.kds.pushEvent(newEvent(12, missed))
    await drawn()
    expect(play).not.toHaveBeenCalled()
  })

  it('stays silent when the sound is off, but still flashes', async () => {
    await board({ sound: false, volume: 1, repeat: false })
    const order = makeOrder()
    page.kds.pushEvent(newEvent(2, order))
    await drawn()
    expect(play).not.toHaveBeenCalled()
    expect(cardOf(order._id)?.classes()).toContain('card--flash')
  })

  it('highlights a card briefly when its condition changes', async () => {
    const { existing } = await board()
    page.kds.pushEvent(conditionEvent(2, existing.id, 'COOKING'))
    await drawn()
    expect(cardOf(existing.id)?.classes()).toContain('card--highlight')
    expect(play).not.toHaveBeenCalled()
  })

  it('repeats until someone touches the screen or presses a key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await board({ sound: true, volume: 1, repeat: true })
    page.kds.pushEvent(newEvent(2, makeOrder()))
    await drawn()
    vi.advanceTimersByTime(REPEAT_MS * 2 + 10)
    expect(play).toHaveBeenCalledTimes(3)
    window.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(REPEAT_MS * 3)
    expect(play).toHaveBeenCalledTimes(3)
  })

  it('a refused play is quiet, with one hint to touch the screen', async () => {
    play.mockImplementation(() => Promise.reject(new DOMException('no gesture', 'NotAllowedError')))
    const { w } = await board()
    page.kds.pushEvent(newEvent(2, makeOrder()))
    await drawn()
    expect(w.get('[data-testid="sound-hint"]').text()).toContain('коснитесь экрана')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }))
    await flushPromises()
    expect(w.find('[data-testid="sound-hint"]').exists()).toBe(false)
    page.kds.pushEvent(newEvent(3, makeOrder()))
    await drawn()
    expect(w.find('[data-testid="sound-hint"]').exists()).toBe(false)
  })

  it('a pickup-only screen does not ring for a delivery', async () => {
    localStorage.setItem('kds.kitchen.view', JSON.stringify({ mode: 'pickup' }))
    freshPinia()
    page.pinia = freshPinia()
    await board()
    page.kds.pushEvent(newEvent(2, makeOrder({ delivery: true, address: 'ул. Мира, 1' })))
    await drawn()
    expect(play).not.toHaveBeenCalled()
    page.kds.pushEvent(newEvent(3, makeOrder({ delivery: false })))
    await drawn()
    expect(play).toHaveBeenCalledTimes(1)
  })
})
