// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import StatusBar from '../../../renderer/src/components/StatusBar.vue'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus } from './fake-kds'
import { freshPinia, mountWith } from './mount'

const at = (hours: number, minutes: number) => new Date(2024, 3, 23, hours, minutes).getTime()
const NOW = at(14, 30)
let pinia: Pinia
let kds: FakeKds

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
  useClockStore().now = NOW
})

const text = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the status bar', () => {
  it('links to the other view, and follows the view', async () => {
    await useStatusStore().start(kds)
    window.location.hash = '#/'
    const wrapper = mountWith(StatusBar, pinia)
    const link = () => wrapper.get('[data-testid="switch-view"]')
    expect(link().attributes('href')).toBe('#/dispatch')
    expect(link().text()).toBe('Диспетчер')
    window.location.hash = '#/dispatch'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(link().attributes('href')).toBe('#/')
    expect(link().text()).toBe('Кухня')
    window.location.hash = ''
  })

  it('shows the time of day from the clock store, and follows it', async () => {
    await useStatusStore().start(kds)
    const wrapper = mountWith(StatusBar, pinia)
    expect(wrapper.get('[data-testid="clock"]').text()).toBe('14:30')
    useClockStore().now = at(9, 5)
    await flushPromises()
    expect(wrapper.get('[data-testid="clock"]').text()).toBe('09:05')
  })

  it('says since when the data is stale from the core’s lostAt, also on a page opened later', async () => {
    const offline = coreStatus('offline')
    // The outage began at 14:02; the current retry at 14:29; this page opened at 14:30.
    offline.connection = { ...offline.connection, since: at(14, 29), lostAt: at(14, 2) }
    kds.currentStatus = offline
    await useStatusStore().start(kds)
    const wrapper = mountWith(StatusBar, pinia)
    expect(text(wrapper.get('[data-testid="offline-since"]').text())).toBe(
      'данные не обновляются с 14:02 (28 мин)',
    )
    expect(wrapper.get('[data-testid="connection-status"]').attributes('data-state')).toBe(
      'offline',
    )
  })

  it('shows the settings problems as a chip that opens to the list, each naming its key', async () => {
    await useStatusStore().start(kds)
    const wrapper = mountWith(StatusBar, pinia)
    expect(wrapper.find('[data-testid="settings-warnings"]').exists()).toBe(false)
    kds.pushStatus(
      coreStatus('connected', {
        settingsWarnings: [
          '"serverUrl" in /etc/kitchen-display/managed.json: must be an http, https, ws or wss address',
          '"pin": must be 4 to 12 digits; the settings are not locked',
        ],
      }),
    )
    await flushPromises()
    const chip = wrapper.get('[data-testid="settings-warnings"]')
    expect(text(chip.text())).toBe('2 проблемы с настройками')
    expect(chip.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('[data-testid="settings-warning"]').exists()).toBe(false)
    await chip.trigger('click')
    const items = wrapper.findAll('[data-testid="settings-warning"]').map((item) => item.text())
    expect(items).toHaveLength(2)
    expect(items[0]).toContain('"serverUrl"')
    expect(items[1]).toContain('"pin"')
    await chip.trigger('click')
    expect(wrapper.find('[data-testid="settings-warning"]').exists()).toBe(false)
  })

  it('counts the settings problems in English', async () => {
    kds.currentStatus = coreStatus('connected', { settingsWarnings: ['"language": unknown'] })
    await useStatusStore().start(kds)
    const wrapper = mountWith(StatusBar, pinia, {}, 'en')
    expect(text(wrapper.get('[data-testid="settings-warnings"]').text())).toBe('1 settings problem')
  })
})
