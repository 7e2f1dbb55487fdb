// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { Gap } from '../../../electron/common/status'
import GapWarnings from '../../../renderer/src/components/GapWarnings.vue'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus } from './fake-kds'
import { freshPinia, mountWith } from './mount'

const at = (day: number, hours: number, minutes: number) =>
  new Date(2024, 3, day, hours, minutes).getTime()
const NOW = at(23, 14, 30)

let pinia: Pinia
let kds: FakeKds

const gap = (id: number, from: number, to: number, reason = 'fetch failed: 502'): Gap => ({
  id,
  from,
  to,
  code: reason === 'no resync source is configured' ? 'no-resync-source' : 'resync-failed',
  reason,
})

beforeEach(async () => {
  pinia = freshPinia()
  kds = new FakeKds()
  useClockStore().now = NOW
  await useStatusStore().start(kds)
})

const banners = (wrapper: ReturnType<typeof mountWith>) =>
  wrapper.findAll('[data-testid="gap-warning"]')

describe('GapWarnings', () => {
  it('says in Russian exactly which minutes may be missing, with the reason in small text', async () => {
    kds.pushStatus(coreStatus('connected', { gaps: [gap(7, at(23, 14, 2), at(23, 14, 5))] }))
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    const [banner] = banners(wrapper)
    expect(banner?.attributes('data-gap-id')).toBe('7')
    expect(banner?.get('[data-testid="gap-text"]').text()).toBe(
      'связь прерывалась с 14:02 по 14:05 — заказы за это время могли не прийти',
    )
    expect(banner?.get('[data-testid="gap-reason"]').text()).toBe('причина: fetch failed: 502')
    expect(banner?.get('[data-testid="dismiss-gap"]').text()).toBe('Понятно')
  })

  it('says it in English too', async () => {
    kds.pushStatus(coreStatus('connected', { gaps: [gap(1, at(23, 9, 58), at(23, 10, 4))] }))
    const wrapper = mountWith(GapWarnings, pinia, {}, 'en')
    await flushPromises()
    expect(wrapper.get('[data-testid="gap-text"]').text()).toBe(
      'the connection was down from 09:58 to 10:04 — orders from that time may not have arrived',
    )
    expect(wrapper.get('[data-testid="gap-reason"]').text()).toBe('reason: fetch failed: 502')
    expect(wrapper.get('[data-testid="dismiss-gap"]').text()).toBe('Got it')
  })

  it('gives the dates when the gap spans midnight or was on another day', async () => {
    kds.pushStatus(
      coreStatus('connected', {
        gaps: [gap(1, at(22, 23, 58), at(23, 0, 3)), gap(2, at(21, 12, 0), at(21, 12, 10))],
      }),
    )
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    expect(wrapper.findAll('[data-testid="gap-text"]').map((p) => p.text())).toEqual([
      'связь прерывалась с 22 апреля 23:58 по 23 апреля 00:03 — заказы за это время могли не прийти',
      'связь прерывалась с 21 апреля 12:00 по 12:10 — заказы за это время могли не прийти',
    ])
  })

  it('says the core’s "no resync source" in the screen’s language', async () => {
    const reason = 'no resync source is configured'
    kds.pushStatus(
      coreStatus('connected', { gaps: [gap(1, at(23, 14, 0), at(23, 14, 1), reason)] }),
    )
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    expect(wrapper.get('[data-testid="gap-reason"]').text()).toBe(
      'причина: адрес досинхронизации не задан в настройках',
    )
  })

  it('calls dismissGap, and the banner goes when the status says so', async () => {
    kds.pushOnDismiss = false
    // The answer of dismissGap is a status too; a push that came first must win over it.
    kds.dismissGap = (id) => {
      kds.dismissed.push(id)
      return new Promise(() => undefined)
    }
    const gaps = [gap(1, at(23, 13, 0), at(23, 13, 2)), gap(2, at(23, 14, 2), at(23, 14, 5))]
    kds.pushStatus(coreStatus('connected', { gaps }))
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    const button = () => wrapper.get('[data-gap-id="2"] [data-testid="dismiss-gap"]')
    expect(button().attributes('aria-label')).toBe(
      'Скрыть предупреждение о перерыве связи с 14:02 по 14:05',
    )
    await button().trigger('click')
    await flushPromises()
    expect(kds.dismissed).toEqual([2])
    // Not removed on the screen's own say: the core decides.
    expect(banners(wrapper)).toHaveLength(2)
    expect(button().attributes('disabled')).toBeDefined()
    await button().trigger('click')
    expect(kds.dismissed).toEqual([2])

    kds.pushStatus(coreStatus('connected', { gaps: [gaps[0] as Gap] }))
    await flushPromises()
    expect(banners(wrapper).map((b) => b.attributes('data-gap-id'))).toEqual(['1'])
  })

  it('takes the answer of dismissGap when no push came', async () => {
    kds.pushOnDismiss = false
    kds.pushStatus(coreStatus('connected', { gaps: [gap(3, at(23, 14, 2), at(23, 14, 5))] }))
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    await wrapper.get('[data-testid="dismiss-gap"]').trigger('click')
    await flushPromises()
    expect(kds.dismissed).toEqual([3])
    expect(banners(wrapper)).toHaveLength(0)
  })

  it('says why a dismissal failed, and keeps the banner', async () => {
    kds.dismissGap = () => Promise.reject(new Error('the display shell did not answer'))
    kds.pushStatus(coreStatus('connected', { gaps: [gap(3, at(23, 14, 2), at(23, 14, 5))] }))
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    await wrapper.get('[data-testid="dismiss-gap"]').trigger('click')
    await flushPromises()
    expect(banners(wrapper)).toHaveLength(1)
    expect(wrapper.get('[role="alert"].gaps__note').text()).toContain(
      'the display shell did not answer',
    )
  })

  it('shows three at a time and counts the rest', async () => {
    const gaps = [1, 2, 3, 4, 5].map((id) => gap(id, at(23, 10, id), at(23, 10, id + 1)))
    kds.pushStatus(coreStatus('connected', { gaps }))
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    expect(banners(wrapper).map((b) => b.attributes('data-gap-id'))).toEqual(['1', '2', '3'])
    expect(wrapper.get('[data-testid="gaps-more"]').text()).toContain('2')
    await wrapper.get('[data-gap-id="1"] [data-testid="dismiss-gap"]').trigger('click')
    await flushPromises()
    expect(banners(wrapper).map((b) => b.attributes('data-gap-id'))).toEqual(['2', '3', '4'])
  })

  it('shows nothing without gaps', async () => {
    const wrapper = mountWith(GapWarnings, pinia)
    await flushPromises()
    expect(wrapper.find('.gaps').exists()).toBe(false)
  })
})
