// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import App from '../../../renderer/src/App.vue'
import { startSession } from '../../../renderer/src/session'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus } from './fake-kds'
import { withScreenHeight } from './layout'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

withScreenHeight()

let pinia: Pinia
let kds: FakeKds

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
  kds.setBoard(1, [entryOf(makeOrder())])
})

afterEach(() => {
  useClockStore().stop()
  useBoardStore().stop()
  useStatusStore().stop()
})

describe('App', () => {
  it('covers the board when unauthorized, and uncovers it once connected', async () => {
    kds.currentStatus = coreStatus('unauthorized')
    startSession(kds)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    expect(wrapper.get('[data-testid="unauthorized"]').text()).toContain('Вы не авторизованы')
    expect(wrapper.get('[data-testid="connection-status"]').attributes('data-state')).toBe(
      'unauthorized',
    )
    kds.pushStatus(coreStatus('connected'))
    await flushPromises()
    expect(wrapper.find('[data-testid="unauthorized"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="order-card"]')).toHaveLength(1)
    wrapper.unmount()
  })

  it('opens and closes the settings from the status bar', async () => {
    startSession(kds)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    expect(wrapper.find('[data-testid="settings-panel"]').exists()).toBe(false)
    await wrapper.get('[data-testid="open-settings"]').trigger('click')
    expect(wrapper.find('[data-testid="settings-panel"]').exists()).toBe(true)
    await wrapper.get('[data-testid="settings-close"]').trigger('click')
    expect(wrapper.find('[data-testid="settings-panel"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('opens the diagnostics from the settings, exports them, and goes back', async () => {
    startSession(kds)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    await wrapper.get('[data-testid="open-settings"]').trigger('click')
    await wrapper.get('[data-testid="open-diagnostics"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="settings-panel"]').exists()).toBe(false)
    const panel = wrapper.get('[data-testid="diagnostics-panel"]')
    expect(panel.get('[data-testid="diag-version"]').text()).toBe('1.2.3')
    await panel.get('[data-testid="export-diagnostics"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="diagnostics-path"]').text()).toBe(
      '/var/lib/kds/diagnostics-test.json',
    )
    await wrapper.get('[data-testid="diagnostics-back"]').trigger('click')
    expect(wrapper.find('[data-testid="diagnostics-panel"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="settings-panel"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('warns about a gap above the board until it is dismissed', async () => {
    kds.currentStatus = coreStatus('connected', {
      gaps: [
        {
          id: 4,
          from: 1_000,
          to: 61_000,
          code: 'no-resync-source',
          reason: 'no resync source is configured',
        },
      ],
    })
    startSession(kds)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    expect(wrapper.get('[data-testid="gap-warning"]').attributes('data-gap-id')).toBe('4')
    expect(wrapper.findAll('[data-testid="order-card"]')).toHaveLength(1)
    await wrapper.get('[data-testid="dismiss-gap"]').trigger('click')
    await flushPromises()
    expect(kds.dismissed).toEqual([4])
    expect(wrapper.find('[data-testid="gap-warning"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says so in the status bar when there is no way to reach the core', async () => {
    const unreachable = new FakeKds()
    unreachable.status = () => Promise.reject(new Error('bridge not available'))
    startSession(unreachable)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    expect(wrapper.text()).toContain('Нет связи с программой: bridge not available')
    wrapper.unmount()
  })
})
