// @vitest-environment jsdom
// A card's age on the backend's clock: a new order starts at 0:00 and turns amber and red at the
// configured minutes however far this computer's clock is from the backend's; the skew is said.
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BoardOrder } from '../../../electron/common/board'
import type { ClockStatus } from '../../../electron/common/status'
import DiagnosticsPanel from '../../../renderer/src/components/DiagnosticsPanel.vue'
import OrderCard from '../../../renderer/src/components/OrderCard.vue'
import StatusBar from '../../../renderer/src/components/StatusBar.vue'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useDiagnosticsStore } from '../../../renderer/src/stores/diagnostics'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus } from './fake-kds'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

const MIN = 60_000
/** When the order reaches this computer, on its own clock. */
const ARRIVED = new Date(2026, 2, 14, 12, 0, 0).getTime()
const SEED_CREATED_AT = 1650703781870
let pinia: Pinia
let kds: FakeKds

beforeEach(async () => {
  pinia = freshPinia()
  kds = new FakeKds()
  useClockStore().now = ARRIVED
  await useStatusStore().start(kds)
})

const clockOf = (offsetMs: number): ClockStatus => ({
  offsetMs,
  source: 'events',
  skewed: Math.abs(offsetMs) > MIN,
})

async function withOffset(offsetMs: number): Promise<void> {
  kds.pushStatus(coreStatus('connected', { clock: clockOf(offsetMs) }))
  await flushPromises()
}

/** The card's age and its level after `minutes` (and `seconds`) on this computer's clock. */
async function ageAfter(wrapper: ReturnType<typeof mountWith>, ms: number) {
  useClockStore().now = ARRIVED + ms
  await flushPromises()
  const elapsed = wrapper.get('[data-testid="elapsed"]')
  return { text: elapsed.text(), level: elapsed.attributes('data-level') }
}

const secondsOf = (text: string) => {
  const [m, s] = text.split(':').map(Number)
  return (m ?? 0) * 60 + (s ?? 0)
}

describe('a card on the backend’s clock', () => {
  it.each([
    ['10 minutes ahead', 10 * MIN],
    ['10 minutes behind', -10 * MIN],
    ['on time', 0],
  ])('with a backend %s, starts at 0:00 and turns amber at 10, red at 20', async (_, offset) => {
    await withOffset(offset)
    // Made on the backend 40 ms before it arrived here: its createdAt is on the backend's clock.
    const order = makeOrder({ createdAt: ARRIVED + offset - 40, updatedAt: ARRIVED + offset - 40 })
    const entry: BoardOrder = entryOf(order, 'NEW', ARRIVED)
    const wrapper = mountWith(OrderCard, pinia, { props: { entry } })
    const start = await ageAfter(wrapper, 0)
    expect(secondsOf(start.text)).toBeLessThanOrEqual(5)
    expect(start.level).toBe('normal')
    expect((await ageAfter(wrapper, 10 * MIN - 5_000)).level).toBe('normal')
    expect(await ageAfter(wrapper, 10 * MIN)).toEqual({ text: '10:00', level: 'warn' })
    expect((await ageAfter(wrapper, 20 * MIN - 5_000)).level).toBe('warn')
    expect(await ageAfter(wrapper, 20 * MIN)).toEqual({ text: '20:00', level: 'late' })
    expect(wrapper.get('[data-testid="order-card"]').attributes('data-late')).toBe('true')
    expect(wrapper.find('[data-testid="arrival-age"]').exists()).toBe(false)
  })

  it('ages the seed’s order of 2022 from its arrival, and says so', async () => {
    await withOffset(0)
    const order = makeOrder({ createdAt: SEED_CREATED_AT, updatedAt: SEED_CREATED_AT })
    const entry: BoardOrder = { ...entryOf(order, 'NEW', ARRIVED), agesFromArrival: true }
    const wrapper = mountWith(OrderCard, pinia, { props: { entry } })
    expect(await ageAfter(wrapper, 2_000)).toEqual({ text: '0:02', level: 'normal' })
    expect((await ageAfter(wrapper, 10 * MIN)).level).toBe('warn')
    expect((await ageAfter(wrapper, 20 * MIN)).level).toBe('late')
    expect(wrapper.get('[data-testid="arrival-age"]').text()).toBe('время с прихода')
  })

  it('keeps the age true when the skew appears mid-shift', async () => {
    await withOffset(0)
    const order = makeOrder({ createdAt: ARRIVED - 40, updatedAt: ARRIVED - 40 })
    const wrapper = mountWith(OrderCard, pinia, {
      props: { entry: entryOf(order, 'NEW', ARRIVED) },
    })
    expect((await ageAfter(wrapper, 5 * MIN)).text).toBe('5:00')
    // This computer's clock is set back 10 minutes; the core's estimate follows it.
    await withOffset(10 * MIN)
    expect((await ageAfter(wrapper, 5 * MIN + 1_000 - 10 * MIN)).text).toBe('5:01')
    expect((await ageAfter(wrapper, 10 * MIN - 10 * MIN)).level).toBe('warn')
  })
})

describe('the skew, where a person looks', () => {
  it.each([
    [10 * MIN - 7, 'Часы этого компьютера отстают от сервера на 10 мин'],
    [-(2 * 60 + 5) * MIN, 'Часы этого компьютера спешат относительно сервера на 2 ч 5 мин'],
  ])('the status bar says it past a minute (%i ms)', async (offset, words) => {
    const wrapper = mountWith(StatusBar, pinia)
    await withOffset(offset)
    const skew = wrapper.get('[data-testid="clock-skew"]')
    expect(skew.text()).toBe(words)
    expect(skew.attributes('role')).toBe('alert')
    // The wall clock shows the backend's time: what scheduled times are on.
    const shown = new Date(ARRIVED + offset).toISOString()
    expect(wrapper.get('[data-testid="clock"]').attributes('datetime')).toBe(shown)
  })

  it('the status bar says nothing under a minute', async () => {
    const wrapper = mountWith(StatusBar, pinia)
    await withOffset(59_000)
    expect(wrapper.find('[data-testid="clock-skew"]').exists()).toBe(false)
  })

  it('diagnostics give the difference and its source, in English too', async () => {
    const diagnostics = useDiagnosticsStore()
    kds.diagnosticsOverrides = {
      status: coreStatus('connected', {
        clock: { offsetMs: 12_000, source: 'http-date', skewed: false },
      }),
    }
    diagnostics.start(kds)
    const wrapper = mountWith(DiagnosticsPanel, pinia, {}, 'en')
    await flushPromises()
    expect(wrapper.get('[data-testid="diag-clock"]').text()).toBe(
      'difference +12 s (from the Date header)',
    )
    kds.diagnosticsOverrides = { status: coreStatus('connected') }
    await diagnostics.refresh()
    await flushPromises()
    expect(wrapper.get('[data-testid="diag-clock"]').text()).toBe(
      'not known yet: nothing has come from the server',
    )
  })
})
