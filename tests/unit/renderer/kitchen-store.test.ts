// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BURST_MS, useBoardStore } from '../../../renderer/src/stores/board'
import { useKitchenStore } from '../../../renderer/src/kitchen/kitchen-store'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { coreStatus, FakeKds } from './fake-kds'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { freshPinia } from './mount'
import { conditionEvent, entryOf, makeOrder, newEvent } from './orders'
import { withBoardLayout } from './layout'

let kds: FakeKds

withBoardLayout('columns')

beforeEach(() => {
  localStorage.clear()
  freshPinia()
  kds = new FakeKds()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  useClockStore().now = 1_000
})

afterEach(() => {
  useBoardStore().stop()
  vi.useRealTimers()
})

const column = (condition: string) =>
  useKitchenStore().columns.find((entry) => entry.condition === condition)

describe('kitchen store', () => {
  it('keeps the columns (and digits) that did not change as the same objects', async () => {
    const accepted = Array.from({ length: 12 }, (_, i) =>
      entryOf(makeOrder({ createdAt: 100 + i }), 'ACCEPTED'),
    )
    const waiting = makeOrder({ createdAt: 50 })
    kds.setBoard(1, [entryOf(waiting), ...accepted])
    await useBoardStore().start(kds)
    const kitchen = useKitchenStore()
    const acceptedBefore = column('ACCEPTED')
    const newBefore = column('NEW')
    const digitsBefore = kitchen.digits
    expect(acceptedBefore?.orders).toHaveLength(12)

    // A new order lands at the bottom of NEW: only NEW changes; the first nine cards stay.
    vi.advanceTimersByTime(BURST_MS)
    kds.pushEvent(newEvent(2, makeOrder({ createdAt: 900 })))
    await Promise.resolve()
    expect(column('NEW')).not.toBe(newBefore)
    expect(column('NEW')?.orders).toHaveLength(2)
    expect(column('ACCEPTED')).toBe(acceptedBefore)
    expect(kitchen.digits).not.toBe(digitsBefore) // the new card is among the first nine
    const digitsAfter = kitchen.digits

    // The oldest NEW is accepted: both columns change, and the digits move.
    vi.advanceTimersByTime(BURST_MS)
    kds.pushEvent(conditionEvent(3, waiting._id, 'ACCEPTED'))
    await Promise.resolve()
    expect(column('ACCEPTED')).not.toBe(acceptedBefore)
    expect(column('ACCEPTED')?.orders[0]?.id).toBe(waiting._id)
    expect(kitchen.digits).not.toBe(digitsAfter)
    const settled = kitchen.digits

    // A change far down ACCEPTED: NEW and the digits stay as they were.
    const newNow = column('NEW')
    vi.advanceTimersByTime(BURST_MS)
    kds.pushEvent(conditionEvent(4, accepted[11]?.id ?? '', 'COOKING'))
    await Promise.resolve()
    expect(column('NEW')).toBe(newNow)
    expect(kitchen.digits).toBe(settled)
    expect(column('COOKING')?.orders).toHaveLength(1)
  })

  it('keeps its rules while their values stay, and makes new ones when the clock offset moves', async () => {
    kds.setBoard(1, [entryOf(makeOrder({ createdAt: 100 }))])
    await useSettingsStore().start(kds)
    await useStatusStore().start(kds)
    await useBoardStore().start(kds)
    const kitchen = useKitchenStore()
    void kitchen.tiles
    const rules = kitchen.rules
    // Settings pushed again with the same thresholds (a new object): the same rules, so the
    // index is not rebuilt nor every card re-timed.
    kds.pushSettings({ ...kds.currentSettings, thresholds: { ...kds.currentSettings.thresholds } })
    expect(useSettingsStore().thresholds).toBe(kds.currentSettings.thresholds)
    void kitchen.tiles
    expect(kitchen.rules).toBe(rules)
    const base = coreStatus()
    kds.pushStatus({ ...base, clock: { ...base.clock, offsetMs: base.clock.offsetMs + 500 } })
    expect(kitchen.rules).not.toBe(rules)
    expect(kitchen.rules.offsetMs).toBe(rules.offsetMs + 500)
  })
})
