// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import SettingsPanel from '../../../renderer/src/components/SettingsPanel.vue'
import { changesOf, fontScalesFor, formFrom } from '../../../renderer/src/settings-form'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'
import { ScreenKds } from './screen-kds'

let pinia: Pinia
let kds: ScreenKds

beforeEach(async () => {
  pinia = freshPinia()
  kds = new ScreenKds()
  kds.currentSettings = settingsView({ alerts: { sound: true, volume: 0.8, repeat: false } })
  await useSettingsStore().start(kds)
})

/** The radio of group `name` whose value is `value`. */
function radio(wrapper: VueWrapper, name: string, value: unknown) {
  const found = wrapper
    .findAll<HTMLInputElement>(`input[name="${name}"]`)
    .find((input) => (input.element as HTMLInputElement & { _value?: unknown })._value === value)
  if (found === undefined) throw new Error(`no ${name} choice ${String(value)}`)
  return found
}

async function save(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('the settings screen', () => {
  it('offers every setting, filled from the core', () => {
    kds.push({ type: 'settings', settings: settingsView({ prepMinutes: 25 }) })
    const wrapper = mountWith(SettingsPanel, pinia)
    expect(wrapper.get<HTMLInputElement>('input[name="prepMinutes"]').element.value).toBe('25')
    expect(wrapper.get<HTMLInputElement>('input[name="volume"]').element.value).toBe('80')
    expect(wrapper.get('[data-testid="volume-value"]').text()).toBe('80 %')
    expect(radio(wrapper, 'sound', true).element.checked).toBe(true)
    expect(radio(wrapper, 'theme', 'dark').element.checked).toBe(true)
    expect(radio(wrapper, 'fontScale', 1).element.checked).toBe(true)
    expect(wrapper.findAll('input[name="fontScale"]')).toHaveLength(5)
    expect(wrapper.text()).toContain('Во весь экран')
  })

  it('sends the alerts whole when one of them changed, and nothing else', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('input[name="repeat"]').setValue(true)
    await save(wrapper)
    // The untouched volume goes back exactly as it came, not rounded through the slider.
    expect(kds.updates).toEqual([{ alerts: { sound: true, volume: 0.8, repeat: true } }])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('sends a new volume and a silenced sound', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('input[name="volume"]').setValue('45')
    await radio(wrapper, 'sound', false).setValue(true)
    await save(wrapper)
    expect(kds.updates).toEqual([{ alerts: { sound: false, volume: 0.45, repeat: false } }])
  })

  it('sends the preparation time, type size and theme only when changed', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('input[name="prepMinutes"]').setValue('20')
    await radio(wrapper, 'fontScale', 1.5).setValue(true)
    await radio(wrapper, 'theme', 'light').setValue(true)
    await save(wrapper)
    expect(kds.updates).toEqual([{ prepMinutes: 20, fontScale: 1.5, theme: 'light' }])
    expect(useSettingsStore().theme).toBe('light')
    expect(useSettingsStore().fontScale).toBe(1.5)
  })

  it('sends the board layout and the customer details on kitchen tickets only when changed', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    expect(radio(wrapper, 'layout', 'tiles').element.checked).toBe(true)
    expect(wrapper.get<HTMLInputElement>('input[name="kitchenDetails"]').element.checked).toBe(
      false,
    )
    await radio(wrapper, 'layout', 'columns').setValue(true)
    await wrapper.get('input[name="kitchenDetails"]').setValue(true)
    await save(wrapper)
    expect(kds.updates).toEqual([{ layout: 'columns', kitchenDetails: true }])
    expect(useSettingsStore().layout).toBe('columns')
  })

  it('shows the layout disabled when the administrator manages it', () => {
    kds.push({ type: 'settings', settings: settingsView({ managed: ['layout'] }) })
    const wrapper = mountWith(SettingsPanel, pinia)
    expect(wrapper.get('[data-testid="choice-layout"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('input[name="kitchenDetails"]').attributes('disabled')).toBeUndefined()
  })

  it('shows the keys the administrator manages disabled, with a note', () => {
    kds.push({
      type: 'settings',
      settings: settingsView({ managed: ['serverUrl', 'language', 'token', 'alerts'] }),
    })
    const wrapper = mountWith(SettingsPanel, pinia)
    expect(wrapper.get('input[name="serverUrl"]').attributes()).toHaveProperty('disabled')
    expect(wrapper.get('input[name="token"]').attributes()).toHaveProperty('disabled')
    expect(wrapper.get('[data-testid="choice-language"]').attributes()).toHaveProperty('disabled')
    expect(wrapper.get('[data-testid="choice-sound"]').attributes()).toHaveProperty('disabled')
    expect(wrapper.get('input[name="volume"]').attributes()).toHaveProperty('disabled')
    expect(wrapper.get('input[name="resyncUrl"]').attributes()).not.toHaveProperty('disabled')
    expect(wrapper.get('[data-testid="choice-theme"]').attributes()).not.toHaveProperty('disabled')
    expect(wrapper.findAll('.managed').map((note) => note.text())).toEqual(
      Array(4).fill('задано администратором'),
    )
  })

  it('says "set by your administrator" in English', () => {
    kds.push({ type: 'settings', settings: settingsView({ managed: ['theme'], language: 'en' }) })
    const wrapper = mountWith(SettingsPanel, pinia, {}, 'en')
    expect(wrapper.get('[data-testid="choice-theme"] .managed').text()).toBe(
      'set by your administrator',
    )
  })
})

describe('settings-form', () => {
  it('never sends a managed key, even if the form says otherwise', () => {
    const view = settingsView({ managed: ['language', 'theme'] })
    const form = { ...formFrom(view), language: 'en' as const, theme: 'light' as const }
    expect(changesOf(view, { ...form, currency: 'usd' })).toEqual({ currency: 'USD' })
  })

  it('offers an administrator’s own type size beside the usual steps', () => {
    expect(fontScalesFor(1.25)).toEqual([1, 1.25, 1.5, 1.75, 2])
    expect(fontScalesFor(0.9)).toEqual([0.9, 1, 1.25, 1.5, 1.75, 2])
  })
})
