// @vitest-environment jsdom
// Which role a screen plays: `?screen=` wins, then the managed `view`, then `#/dispatch` or
// `?view=`, else the kitchen; and the address a role choice reopens the page at.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import App from '../../../renderer/src/App.vue'
import { startSession } from '../../../renderer/src/session'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useStatusStore } from '../../../renderer/src/stores/status'
import type { ScreenRole } from '../../../electron/common/roles'
import { defaultBridgeUrl } from '../../../renderer/src/bridge'
import { roleOfSearch, roleUrl, useScreenStore } from '../../../renderer/src/hub/screen-store'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { FakeKds, settingsView } from './fake-kds'
import { withScreenHeight } from './layout'
import { freshPinia, mountWith } from './mount'

let kds: FakeKds

beforeEach(() => {
  freshPinia()
  kds = new FakeKds()
})
afterEach(() => {
  history.replaceState(null, '', '/')
  useClockStore().stop()
  useBoardStore().stop()
  useStatusStore().stop()
})
withScreenHeight()

async function roleAt(address: string, managed: ScreenRole | null = null) {
  history.replaceState(null, '', address)
  kds.currentSettings = settingsView({
    view: managed,
    stations: [{ id: 'hot', name: 'Горячий цех', match: [] }],
  })
  await useSettingsStore().start(kds)
  return useScreenStore()
}

describe('the screen role', () => {
  it('reads ?screen=, and ignores a role that is not one', () => {
    expect(roleOfSearch('?screen=station:hot')).toBe('station:hot')
    expect(roleOfSearch('?screen=expo&layout=tiles')).toBe('expo')
    expect(roleOfSearch('?screen=station:Горячий')).toBeNull()
    expect(roleOfSearch('?screen=waiter')).toBeNull()
    expect(roleOfSearch('')).toBeNull()
  })

  it('takes the address over the managed view', async () => {
    const screen = await roleAt('/?screen=station:hot', 'expo')
    expect(screen.role).toBe('station:hot')
    expect(screen.fromAddress).toBe(true)
    expect(screen.station).toBe('hot')
    expect(screen.stationInfo?.name).toBe('Горячий цех')
  })

  it('takes the managed view without an address, else the hash, else the kitchen', async () => {
    expect((await roleAt('/', 'expo')).role).toBe('expo')
    freshPinia()
    expect((await roleAt('/#/dispatch')).role).toBe('dispatch')
    freshPinia()
    expect((await roleAt('/')).role).toBe('kitchen')
  })

  it('knows a station the hub does not define', async () => {
    const screen = await roleAt('/?screen=station:sushi')
    expect(screen.station).toBe('sushi')
    expect(screen.stationInfo).toBeNull()
  })

  it("opens the bridge with the address's role, so the hub cuts for it from the start", () => {
    history.replaceState(null, '', '/?screen=station:hot&layout=tiles')
    expect(defaultBridgeUrl()).toBe(`ws://${location.host}/kds?screen=station%3Ahot`)
    history.replaceState(null, '', '/')
    expect(defaultBridgeUrl()).toBe(`ws://${location.host}/kds`)
  })

  it('reopens the page at the chosen role, keeping the rest of the address', () => {
    expect(roleUrl('expo', 'http://hub:5173/?layout=tiles#/')).toBe(
      'http://hub:5173/?layout=tiles&screen=expo',
    )
    expect(roleUrl('dispatch', 'http://hub:5173/?screen=expo')).toBe(
      'http://hub:5173/?screen=dispatch#/dispatch',
    )
  })
})

describe('the window of a role', () => {
  async function windowAt(address: string) {
    history.replaceState(null, '', address)
    const pinia = freshPinia()
    kds.currentSettings = settingsView({
      stations: [{ id: 'hot', name: 'Горячий цех', match: [] }],
    })
    startSession(kds)
    const wrapper = mountWith(App, pinia, { attachTo: document.body })
    await flushPromises()
    return wrapper
  }

  it('an expo screen is the board, says so, and offers no switch to another view', async () => {
    const wrapper = await windowAt('/?screen=expo')
    expect(wrapper.find('[data-testid="board"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="screen-role"]').text()).toBe('Раздача')
    expect(wrapper.find('[data-testid="switch-view"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('?screen=dispatch opens the dispatcher', async () => {
    const wrapper = await windowAt('/?screen=dispatch')
    expect(wrapper.find('[data-testid="dispatch-view"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('a mistyped ?screen= says what it did not understand, and shows the kitchen', async () => {
    const wrapper = await windowAt('/?screen=expoo')
    expect(wrapper.get('[data-testid="screen-role-bad"]').text()).toContain(
      'Роль «expoo» не знакома',
    )
    expect(wrapper.find('[data-testid="board"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('a plain kitchen window keeps its switch', async () => {
    const wrapper = await windowAt('/')
    expect(wrapper.find('[data-testid="switch-view"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="screen-role"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
