// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import SettingsPanel from '../../../renderer/src/components/SettingsPanel.vue'
import UnauthorizedOverlay from '../../../renderer/src/components/UnauthorizedOverlay.vue'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { coreStatus, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'
import { ScreenKds } from './screen-kds'

const at = (hours: number, minutes: number, seconds = 0) =>
  new Date(2024, 3, 23, hours, minutes, seconds).getTime()

let pinia: Pinia
let kds: ScreenKds
let wrapper: VueWrapper | null = null

beforeEach(async () => {
  pinia = freshPinia()
  kds = new ScreenKds()
  kds.pin = '2468'
  kds.currentSettings = settingsView({ locked: true })
  useClockStore().now = at(14, 30)
  await useSettingsStore().start(kds)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function open(): VueWrapper {
  wrapper = mountWith(SettingsPanel, pinia)
  return wrapper
}

async function tap(panel: VueWrapper, pin: string): Promise<void> {
  for (const digit of pin)
    await panel.get(`[data-testid="pin-key"][data-key="${digit}"]`).trigger('click')
  await panel.get('[data-testid="pin-ok"]').trigger('click')
  await flushPromises()
}

describe('locked settings', () => {
  it('ask for the PIN first, open with the right one, and lock again on close', async () => {
    const panel = open()
    expect(panel.find('[data-testid="pin-pad"]').exists()).toBe(true)
    expect(panel.find('form').exists()).toBe(false)
    await tap(panel, '2468')
    expect(kds.pins).toEqual(['2468'])
    expect(panel.find('[data-testid="pin-pad"]').exists()).toBe(false)
    expect(panel.find('input[name="serverUrl"]').exists()).toBe(true)

    await panel.get('[data-testid="settings-close"]').trigger('click')
    await flushPromises()
    expect(panel.emitted('close')).toHaveLength(1)
    expect(kds.lockCalls).toBe(1)
    expect(useSettingsStore().locked).toBe(true)
  })

  it('lock again after a save, too', async () => {
    const panel = open()
    await tap(panel, '2468')
    await panel.get('input[name="prepMinutes"]').setValue('30')
    await panel.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates).toEqual([{ prepMinutes: 30 }])
    expect(kds.lockCalls).toBe(1)
  })

  it('shake and say so at a wrong PIN, and stay locked', async () => {
    const panel = open()
    await tap(panel, '1111')
    const message = panel.get('[data-testid="pin-message"]')
    expect(message.text()).toBe('Неверный PIN')
    expect(message.attributes('data-outcome')).toBe('wrong')
    expect(panel.get('[data-testid="pin-dots"]').classes()).toContain('pin__dots--shake')
    expect(panel.get('[data-testid="pin-dots"]').attributes('data-count')).toBe('0')
    expect(panel.find('form').exists()).toBe(false)
    // Closing what was never unlocked here does not ask the core to lock.
    await panel.get('[data-testid="settings-close"]').trigger('click')
    expect(kds.lockCalls).toBe(0)
  })

  it('pause after too many attempts, until the time the core says', async () => {
    kds.unlockAnswer = { outcome: 'paused', until: at(14, 35, 7) }
    const panel = open()
    await tap(panel, '1234')
    expect(panel.get('[data-testid="pin-message"]').text()).toBe(
      'Слишком много попыток, подождите до 14:35:07',
    )
    const key = panel.get('[data-testid="pin-key"][data-key="5"]')
    expect(key.attributes()).toHaveProperty('disabled')
    useClockStore().now = at(14, 35, 8)
    await flushPromises()
    expect(key.attributes()).not.toHaveProperty('disabled')
  })

  it('take the PIN from the keyboard, Backspace erasing', async () => {
    const panel = open()
    const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key }))
    for (const key of ['2', '4', '9', 'Backspace', '6', '8']) press(key)
    await flushPromises()
    expect(panel.get('[data-testid="pin-dots"]').attributes('data-count')).toBe('4')
    press('Enter')
    await flushPromises()
    expect(kds.pins).toEqual(['2468'])
    expect(panel.find('[data-testid="pin-pad"]').exists()).toBe(false)
  })

  it('say the pause in English', async () => {
    kds.unlockAnswer = { outcome: 'paused', until: at(14, 35, 7) }
    wrapper = mountWith(SettingsPanel, pinia, {}, 'en')
    await tap(wrapper, '1')
    expect(wrapper.get('[data-testid="pin-message"]').text()).toBe(
      'Too many attempts, wait until 14:35:07',
    )
  })
})

describe('the unauthorized overlay', () => {
  beforeEach(async () => {
    kds.currentStatus = coreStatus('unauthorized')
    await useStatusStore().start(kds)
  })

  it('sends to the PIN pad when the settings are locked', async () => {
    wrapper = mountWith(UnauthorizedOverlay, pinia)
    expect(wrapper.find('[data-testid="token-input"]').exists()).toBe(false)
    await wrapper.get('[data-testid="unauth-enter-pin"]').trigger('click')
    expect(wrapper.emitted('openSettings')).toHaveLength(1)
  })

  it('says who to ask when the administrator manages the token', () => {
    kds.push({ type: 'settings', settings: settingsView({ managed: ['token'] }) })
    wrapper = mountWith(UnauthorizedOverlay, pinia)
    expect(wrapper.find('[data-testid="token-input"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="token-managed"]').text()).toContain('администратором')
  })
})
