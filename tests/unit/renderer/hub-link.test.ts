// @vitest-environment jsdom
// The link to the hub as a person sees it: the full-width «нет связи с хабом» banner while the
// hub is away, a touch made meanwhile refused on screen (and never sent), the pairing screen when
// the hub refuses the device, and the pairing screen's answers (wrong code, paused, paired).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import App from '../../../renderer/src/App.vue'
import PairingScreen from '../../../renderer/src/hub/PairingScreen.vue'
import { startSession } from '../../../renderer/src/session'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { HubAwayError, useLinkStore } from '../../../renderer/src/stores/link'
import { useOutboxStore } from '../../../renderer/src/stores/outbox'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds } from './fake-kds'
import { withScreenHeight } from './layout'
import { drawn, freshPinia, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

withScreenHeight()

let pinia: Pinia
let kds: FakeKds

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
})

afterEach(() => {
  useClockStore().stop()
  useBoardStore().stop()
  useStatusStore().stop()
  vi.unstubAllGlobals()
})

describe('the link store', () => {
  it('runs a request while the hub is there, and refuses it unsent while it is away', async () => {
    const link = useLinkStore()
    const run = vi.fn(() => Promise.resolve('answer'))
    await expect(link.act(run)).resolves.toBe('answer')
    link.report('away', 1_000)
    await expect(link.act(run)).rejects.toBeInstanceOf(HubAwayError)
    expect(run).toHaveBeenCalledTimes(1)
    expect(link.refusal?.reason).toBeNull()
    expect(link.awaySince).toBe(1_000)
    link.report('open')
    expect(link.awaySince).toBeNull()
  })

  it('refuses «Начать» and a reprint unsent while the hub is away, as every touch', async () => {
    await useBoardStore().start(kds)
    await useOutboxStore().start(kds)
    useLinkStore().report('away', 1_000)
    await expect(useOutboxStore().startOrder('order0001')).rejects.toBeInstanceOf(HubAwayError)
    await expect(useBoardStore().reprint('order0001')).rejects.toBeInstanceOf(HubAwayError)
    expect(kds.starts).toEqual([])
    expect(kds.reprints).toEqual([])
    expect(useLinkStore().refusal).not.toBeNull()
    useOutboxStore().stop()
  })

  it("keeps the core's reason when the hub refuses a request", async () => {
    const link = useLinkStore()
    await expect(link.act(() => Promise.reject(new Error('no such station')))).rejects.toThrow()
    expect(link.refusal?.reason).toBe('no such station')
  })
})

describe('the window while the hub is away', () => {
  it('shows the banner over the whole width, and refuses a bump on screen', async () => {
    const order = entryOf(makeOrder({ number: 7 }))
    kds.setBoard(1, [order])
    startSession(kds)
    const wrapper = mountWith(App, pinia, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="hub-gone"]').exists()).toBe(false)

    useLinkStore().report('away')
    await drawn()
    const banner = wrapper.get('[data-testid="hub-gone"]')
    expect(banner.text()).toContain('Нет связи с хабом')
    // A direct child of the window's column, above the status bar: as wide as the window.
    expect(banner.element.parentElement?.classList.contains('app')).toBe(true)

    await wrapper.get('[data-testid="bump"]').trigger('click')
    await flushPromises()
    expect(kds.bumps).toEqual([])
    expect(wrapper.get('[data-testid="touch-refused"]').text()).toContain('касание не принято')
    await wrapper.get('[data-testid="touch-refused-ok"]').trigger('click')
    expect(wrapper.find('[data-testid="touch-refused"]').exists()).toBe(false)

    useLinkStore().report('open')
    await drawn()
    expect(wrapper.find('[data-testid="hub-gone"]').exists()).toBe(false)
    await wrapper.get('[data-testid="bump"]').trigger('click')
    await flushPromises()
    expect(kds.bumps).toEqual([order.id])
    wrapper.unmount()
  })

  it('shows the pairing screen when the hub refuses this device', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(Response.json({ paired: false, pausedUntil: null })),
    )
    startSession(kds)
    const wrapper = mountWith(App, pinia, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="pairing"]').exists()).toBe(false)
    useLinkStore().report('refused')
    await flushPromises()
    expect(wrapper.find('[data-testid="pairing"]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('the pairing screen', () => {
  /** A hub answering /pair/state with `state` and POST /pair with `answers` in turn. */
  function hubAnswers(state: object, answers: [number, object][]) {
    const posts: unknown[] = []
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) => {
      if (init?.method !== 'POST') return Promise.resolve(Response.json(state))
      posts.push(JSON.parse(String(init.body)))
      const [status, body] = answers.shift() ?? [500, { error: 'none left' }]
      return Promise.resolve(Response.json(body, { status }))
    })
    return posts
  }

  async function typeAndSend(wrapper: ReturnType<typeof mountWith>, code: string, name: string) {
    await wrapper.get('[data-testid="pairing-code"]').setValue(code)
    await wrapper.get('[data-testid="pairing-name"]').setValue(name)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
  }

  it('says a wrong code is wrong, sends the right one with the name, and says it is paired', async () => {
    const posts = hubAnswers({ paired: false, pausedUntil: null }, [
      [401, { error: 'wrong-code' }],
      [200, { ok: true, device: 'device-1' }],
    ])
    const wrapper = mountWith(PairingScreen, pinia)
    await flushPromises()
    await typeAndSend(wrapper, '111111', 'Горячий цех')
    expect(wrapper.get('[data-testid="pairing-error"]').text()).toContain('Неверный код')
    expect(wrapper.emitted('paired')).toBeUndefined()
    await typeAndSend(wrapper, '123 456', 'Горячий цех')
    expect(posts).toEqual([
      { code: '111111', name: 'Горячий цех' },
      { code: '123456', name: 'Горячий цех' },
    ])
    expect(wrapper.emitted('paired')).toHaveLength(1)
  })

  it('checks the code and the name before asking the hub', async () => {
    const posts = hubAnswers({ paired: false, pausedUntil: null }, [])
    const wrapper = mountWith(PairingScreen, pinia)
    await typeAndSend(wrapper, '12', 'Планшет')
    expect(wrapper.get('[data-testid="pairing-error"]').text()).toBe('Код — это 6 цифр')
    await typeAndSend(wrapper, '123456', '   ')
    expect(wrapper.get('[data-testid="pairing-error"]').text()).toBe('Введите имя экрана')
    expect(posts).toEqual([])
  })

  it('counts down a pause, with the button off, and lets the code be tried once it is over', async () => {
    vi.useFakeTimers({ now: 100_000, toFake: ['Date', 'setInterval', 'clearInterval'] })
    try {
      hubAnswers({ paired: false, pausedUntil: null }, [[429, { error: 'paused', until: 160_000 }]])
      const wrapper = mountWith(PairingScreen, pinia)
      await flushPromises()
      await typeAndSend(wrapper, '999999', 'Раздача')
      expect(wrapper.get('[data-testid="pairing-paused"]').text()).toContain('ещё 60 с')
      expect(wrapper.get('[data-testid="pairing-submit"]').attributes('disabled')).toBeDefined()
      await vi.advanceTimersByTimeAsync(30_000)
      expect(wrapper.get('[data-testid="pairing-paused"]').text()).toContain('ещё 30 с')
      await vi.advanceTimersByTimeAsync(30_000)
      expect(wrapper.find('[data-testid="pairing-paused"]').exists()).toBe(false)
      expect(wrapper.get('[data-testid="pairing-submit"]').attributes('disabled')).toBeUndefined()
      wrapper.unmount()
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows a pause the hub already has when it opens', async () => {
    hubAnswers({ paired: false, pausedUntil: Date.now() + 45_000 }, [])
    const wrapper = mountWith(PairingScreen, pinia)
    await flushPromises()
    expect(wrapper.get('[data-testid="pairing-paused"]').text()).toMatch(/ещё (44|45) с/)
    wrapper.unmount()
  })
})
