// @vitest-environment jsdom
// A paired screen's role pinned at the hub: the hub's device list picks it per device (or «как
// просит экран»), and a pinned screen plays the hub's role over its address's, says the hub set
// it, and follows a new pin when it reconnects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Device } from '../../../electron/common/hub'
import App from '../../../renderer/src/App.vue'
import HubDevices from '../../../renderer/src/hub/HubDevices.vue'
import HubPanel from '../../../renderer/src/hub/HubPanel.vue'
import { useHubStore } from '../../../renderer/src/hub/hub-store'
import { useScreenStore } from '../../../renderer/src/hub/screen-store'
import { startSession } from '../../../renderer/src/session'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, settingsView } from './fake-kds'
import { withScreenHeight } from './layout'
import { freshPinia, mountWith } from './mount'

const STATIONS = [
  { id: 'hot', name: 'Горячий цех', match: [] },
  { id: 'cold', name: 'Холодный цех', match: [] },
]
const TABLET: Device = {
  id: 'dev-1',
  name: 'Планшет у плиты',
  role: 'dispatch',
  pinnedRole: null,
  address: '192.168.1.31',
  lastSeenAt: 1_000,
  connected: true,
}

let kds: FakeKds
beforeEach(() => {
  kds = new FakeKds()
  kds.currentSettings = settingsView({ stations: STATIONS })
})
afterEach(() => {
  history.replaceState(null, '', '/')
  useClockStore().stop()
  useBoardStore().stop()
  useStatusStore().stop()
})
withScreenHeight()

describe('the role picker of a paired screen', () => {
  async function devicesPanel(devices: Device[]) {
    const pinia = freshPinia()
    kds.currentHub = { ...kds.currentHub, lan: true, port: 5173 }
    kds.currentDevices = devices
    await useSettingsStore().start(kds)
    useHubStore().start(kds)
    await useHubStore().refresh()
    const wrapper = mountWith(HubDevices, pinia)
    await flushPromises()
    return wrapper
  }

  it('offers «как просит экран», the kitchen, expo, dispatch and each station; pins and unpins', async () => {
    const wrapper = await devicesPanel([TABLET])
    const picker = wrapper.get('[data-testid="device-role"]')
    expect(picker.attributes('aria-label')).toBe('Роль экрана Планшет у плиты')
    expect(picker.findAll('option').map((option) => option.text())).toEqual([
      'как просит экран',
      'Кухня',
      'Раздача',
      'Диспетчер',
      'Цех: Горячий цех',
      'Цех: Холодный цех',
    ])
    expect((picker.element as HTMLSelectElement).value).toBe('')
    // Unpinned, the row says what it connected as.
    expect(wrapper.get('[data-testid="device-last-role"]').text()).toBe(
      'был на связи как Диспетчер',
    )

    await picker.setValue('station:hot')
    await flushPromises()
    expect(kds.rolePins).toEqual([['dev-1', 'station:hot']])
    const pinned = wrapper.get('[data-testid="device-role"]').element as HTMLSelectElement
    expect(pinned.value).toBe('station:hot')

    await wrapper.get('[data-testid="device-role"]').setValue('')
    await flushPromises()
    expect(kds.rolePins).toEqual([
      ['dev-1', 'station:hot'],
      ['dev-1', null],
    ])
  })

  it('keeps a pinned station the hub no longer defines, and says why a pin was refused', async () => {
    const wrapper = await devicesPanel([{ ...TABLET, pinnedRole: 'station:sushi' }])
    const picker = wrapper.get('[data-testid="device-role"]')
    expect((picker.element as HTMLSelectElement).value).toBe('station:sushi')
    expect(picker.findAll('option').at(-1)?.text()).toBe('Цех: sushi')

    kds.refusePinWith = 'The settings are locked with a PIN by the managed configuration.'
    await picker.setValue('expo')
    await flushPromises()
    expect(kds.rolePins).toEqual([])
    expect(wrapper.get('[role="alert"]').text()).toContain(
      'Роль не задана: The settings are locked',
    )
  })
})

describe('a screen the hub pinned', () => {
  async function windowAt(address: string) {
    history.replaceState(null, '', address)
    const pinia = freshPinia()
    startSession(kds)
    const wrapper = mountWith(App, pinia, { attachTo: document.body })
    await flushPromises()
    return wrapper
  }

  it('plays the hub’s station over its ?screen=dispatch, says the hub set it, and has no switch', async () => {
    kds.currentHub = { ...kds.currentHub, lan: true, pinnedRole: 'station:hot' }
    const wrapper = await windowAt('/?screen=dispatch#/dispatch')
    expect(useScreenStore().role).toBe('station:hot')
    expect(wrapper.find('[data-testid="dispatch-view"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="board"]').exists()).toBe(true)
    const label = wrapper.get('[data-testid="screen-role"]')
    expect(label.attributes('data-pinned')).toBe('true')
    expect(label.text()).toContain('Цех: Горячий цех')
    expect(label.get('[data-testid="screen-role-pinned"]').text()).toBe('с хаба')
    expect(label.attributes('title')).toContain('Роль задана на хабе')
    expect(wrapper.find('[data-testid="switch-view"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('takes a new pin when it reconnects, and the address’s role once unpinned', async () => {
    kds.currentHub = { ...kds.currentHub, lan: true, pinnedRole: 'station:hot' }
    const wrapper = await windowAt('/?screen=expo')
    expect(useScreenStore().role).toBe('station:hot')
    kds.currentHub = { ...kds.currentHub, pinnedRole: 'station:cold' }
    kds.push({ type: 'resumed' })
    await flushPromises()
    expect(useScreenStore().role).toBe('station:cold')
    // Pushed facts say the pin too.
    kds.push({ type: 'hub', hub: { ...kds.currentHub, pinnedRole: null } })
    await flushPromises()
    expect(useScreenStore().role).toBe('expo')
    expect(wrapper.get('[data-testid="screen-role"]').attributes('data-pinned')).toBe('false')
    wrapper.unmount()
  })

  it('locks the hub panel’s own role choice while pinned', async () => {
    kds.currentHub = { ...kds.currentHub, lan: true, pinnedRole: 'expo' }
    const pinia = freshPinia()
    startSession(kds)
    const wrapper = mountWith(HubPanel, pinia)
    await flushPromises()
    const choice = wrapper.get('[data-testid="screen-role-choice"]')
    expect(choice.attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Роль этого экрана задана на хабе')
    wrapper.unmount()
  })
})
