// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { getActivePinia, type Pinia } from 'pinia'
import SettingsPanel from '../../../renderer/src/components/SettingsPanel.vue'
import UnauthorizedOverlay from '../../../renderer/src/components/UnauthorizedOverlay.vue'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'

let pinia: Pinia
let kds: FakeKds

beforeEach(async () => {
  pinia = freshPinia()
  kds = new FakeKds()
  kds.currentStatus = coreStatus('unauthorized')
  kds.currentSettings = settingsView({ tokenStorage: 'encrypted' })
  await useSettingsStore().start(kds)
  await useStatusStore().start(kds)
})

describe('UnauthorizedOverlay', () => {
  it('says so and sends the new token through updateSettings', async () => {
    const wrapper = mountWith(UnauthorizedOverlay, pinia)
    expect(wrapper.text()).toContain('Вы не авторизованы')
    const input = wrapper.get<HTMLInputElement>('[data-testid="token-input"]')
    expect(input.attributes('type')).toBe('password')
    await input.setValue('  secret-token  ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates).toEqual([{ token: 'secret-token' }])
    expect(input.element.value).toBe('')
  })

  it('shows why the core refused the token', async () => {
    kds.refuseWith = 'token: too long'
    const wrapper = mountWith(UnauthorizedOverlay, pinia)
    await wrapper.get('[data-testid="token-input"]').setValue('x')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('token: too long')
  })
})

describe('SettingsPanel', () => {
  it('never shows the token, and says how it is stored', () => {
    kds.push({
      type: 'settings',
      settings: settingsView({ tokenStorage: 'memory', tokenNotice: 'Шифрование недоступно' }),
    })
    const wrapper = mountWith(SettingsPanel, pinia)
    const token = wrapper.get<HTMLInputElement>('[data-testid="settings-token"]')
    expect(token.attributes('type')).toBe('password')
    expect(token.element.value).toBe('')
    expect(wrapper.get('[data-testid="token-storage"]').text()).toContain('до перезапуска')
    expect(wrapper.get('[data-testid="token-notice"]').text()).toBe('Шифрование недоступно')
  })

  it('sends only the fields that changed', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('input[name="lateMinutes"]').setValue('30')
    await wrapper.get('input[value="en"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates).toEqual([
      { language: 'en', thresholds: { warnMinutes: 10, lateMinutes: 30 } },
    ])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('turns an empty server address into demo mode and sends a typed token', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('input[name="serverUrl"]').setValue('')
    await wrapper.get('[data-testid="settings-token"]').setValue('new-token')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates).toEqual([{ serverUrl: null, token: 'new-token' }])
  })

  it('shows the error next to the form and stays open when the core refuses', async () => {
    kds.refuseWith = 'thresholds.lateMinutes: the warning time must be shorter than the late time'
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('input[name="warnMinutes"]').setValue('40')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="settings-error"]').text()).toContain(
      'the warning time must be shorter than the late time',
    )
    expect(wrapper.emitted('close')).toBeUndefined()
  })

  it('fills the form once the settings arrive, if opened before', async () => {
    freshPinia()
    const late = new FakeKds()
    late.settings = () => new Promise(() => undefined)
    const settings = useSettingsStore()
    void settings.start(late)
    const wrapper = mountWith(SettingsPanel, getActivePinia() ?? pinia)
    expect(wrapper.find('form').exists()).toBe(false)
    late.push({ type: 'settings', settings: settingsView({ currency: 'EUR' }) })
    await flushPromises()
    expect(wrapper.get<HTMLInputElement>('input[name="currency"]').element.value).toBe('EUR')
  })

  it('sends the resync address only when it changed, empty as none', async () => {
    kds.currentSettings = settingsView({ resyncUrl: 'https://api.example.ru/orders?since={since}' })
    await useSettingsStore().start(kds)
    const wrapper = mountWith(SettingsPanel, pinia)
    const field = wrapper.get<HTMLInputElement>('input[name="resyncUrl"]')
    expect(field.element.value).toBe('https://api.example.ru/orders?since={since}')
    expect(wrapper.get('[data-testid="resync-url-hint"]').text()).toContain(
      '{since} — начало обрыва в мс',
    )
    await wrapper.get('input[name="currency"]').setValue('EUR')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates).toEqual([{ currency: 'EUR' }])

    const again = mountWith(SettingsPanel, pinia)
    await again.get('input[name="resyncUrl"]').setValue('  https://api.example.ru/v2?from={since} ')
    await again.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates.at(-1)).toEqual({ resyncUrl: 'https://api.example.ru/v2?from={since}' })
    expect(useSettingsStore().view?.resyncUrl).toBe('https://api.example.ru/v2?from={since}')

    const cleared = mountWith(SettingsPanel, pinia)
    await cleared.get('input[name="resyncUrl"]').setValue('   ')
    await cleared.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates.at(-1)).toEqual({ resyncUrl: null })
    expect(kds.updates).toHaveLength(3)
  })

  it('opens the diagnostics', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('[data-testid="open-diagnostics"]').trigger('click')
    expect(wrapper.emitted('openDiagnostics')).toHaveLength(1)
  })

  it('closes without a request when nothing changed', async () => {
    const wrapper = mountWith(SettingsPanel, pinia)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kds.updates).toEqual([])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
