// @vitest-environment jsdom
// «Этот экран: хаб кухни / экран хаба»: shown only where the shell can do it (the Electron app),
// the hub's address checked before it is sent, a refusal and a managed hub shown as such.
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import HubScreenChoice from '../../../renderer/src/hub/HubScreenChoice.vue'
import { useHubStore } from '../../../renderer/src/hub/hub-store'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { FakeKds, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'

const HUB = 'http://192.168.1.20:5173/'

let pinia: Pinia
let kds: FakeKds

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
})

async function mounted(language: 'ru' | 'en' = 'ru') {
  await useSettingsStore().start(kds)
  useHubStore().start(kds)
  const wrapper = mountWith(HubScreenChoice, pinia, {}, language)
  await flushPromises()
  return wrapper
}

const electron = () => (kds.currentHubScreen = { available: true, hubUrl: null, managedBy: null })

describe('the choice of what this app is', () => {
  it('is not offered where the shell cannot be a screen of a hub (a browser)', async () => {
    const wrapper = await mounted()
    expect(wrapper.find('[data-testid="hub-screen"]').exists()).toBe(false)
  })

  it('is not offered by a hub from before the choice (the request fails)', async () => {
    kds.hubScreen = () => Promise.reject(new Error('bad request: name'))
    const wrapper = await mounted()
    expect(wrapper.find('[data-testid="hub-screen"]').exists()).toBe(false)
  })

  it('starts as the kitchen’s hub; choosing a screen of a hub asks for the address', async () => {
    electron()
    const wrapper = await mounted()
    const choice = wrapper.get('[data-testid="choice-hub-screen"]')
    expect(choice.text()).toContain('Этот экран')
    expect(choice.text()).toContain('Хаб кухни')
    expect(wrapper.find('[data-testid="hub-screen-url"]').exists()).toBe(false)
    await choice.findAll('input')[1]?.setValue(true)
    expect(wrapper.find('[data-testid="hub-screen-url"]').exists()).toBe(true)
  })

  it('refuses a bad address with a message that shows a good one, and sends nothing', async () => {
    electron()
    const wrapper = await mounted()
    await wrapper.get('[data-testid="choice-hub-screen"]').findAll('input')[1]?.setValue(true)
    for (const address of ['192.168.1.20:5173', 'ftp://hub/', '']) {
      await wrapper.get('[data-testid="hub-screen-url"]').setValue(address)
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      expect(wrapper.get('[data-testid="hub-screen-problem"]').text()).toContain(
        'http://192.168.1.20:5173/',
      )
    }
    expect(kds.becameScreenOf).toEqual([])
  })

  it('sends a good address and says the app restarts as that hub’s screen', async () => {
    electron()
    const wrapper = await mounted('en')
    await wrapper.get('[data-testid="choice-hub-screen"]').findAll('input')[1]?.setValue(true)
    await wrapper.get('[data-testid="hub-screen-url"]').setValue(` ${HUB} `)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kds.becameScreenOf).toEqual([HUB])
    expect(wrapper.get('[data-testid="hub-screen-restarting"]').text()).toContain(
      `a screen of the hub ${HUB}`,
    )
    expect(wrapper.get('[data-testid="hub-screen-save"]').attributes('disabled')).toBeDefined()
  })

  it('shows why the app refused (a PIN lock), and lets the person try again', async () => {
    electron()
    kds.refuseHubScreenWith = 'The settings are locked with a PIN by the managed configuration.'
    const wrapper = await mounted()
    await wrapper.get('[data-testid="choice-hub-screen"]').findAll('input')[1]?.setValue(true)
    await wrapper.get('[data-testid="hub-screen-url"]').setValue(HUB)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="hub-screen-problem"]').text()).toContain('PIN')
    expect(wrapper.find('[data-testid="hub-screen-restarting"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="hub-screen-save"]').attributes('disabled')).toBeUndefined()
  })

  it('is locked while the settings are', async () => {
    electron()
    kds.currentSettings = settingsView({ locked: true })
    const wrapper = await mounted()
    await wrapper.get('[data-testid="choice-hub-screen"]').findAll('input')[1]?.setValue(true)
    expect(wrapper.get('[data-testid="hub-screen-save"]').attributes('disabled')).toBeDefined()
  })

  it('shows a hub the administrator set as managed, with nothing to change', async () => {
    kds.currentHubScreen = { available: true, hubUrl: HUB, managedBy: 'KDS_HUB_URL' }
    const wrapper = await mounted()
    const choice = wrapper.get('[data-testid="choice-hub-screen"]')
    expect(choice.attributes('disabled')).toBeDefined()
    expect(choice.find('[data-testid="managed-note"]').exists()).toBe(true)
    expect((choice.findAll('input')[1]?.element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.get('[data-testid="hub-screen-managed"]').text()).toContain(
      `${HUB}: так задал администратор (KDS_HUB_URL)`,
    )
    expect(wrapper.find('[data-testid="hub-screen-save"]').exists()).toBe(false)
  })
})
