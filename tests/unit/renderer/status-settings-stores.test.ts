// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus, settingsView } from './fake-kds'
import { freshPinia } from './mount'
import { makeOrder, newEvent } from './orders'

let kds: FakeKds

beforeEach(() => {
  freshPinia()
  kds = new FakeKds()
})

describe('status store', () => {
  it('starts from status() and follows pushed statuses', async () => {
    kds.currentStatus = coreStatus('authorizing')
    const status = useStatusStore()
    expect(status.state).toBe('connecting')
    await status.start(kds)
    expect(status.state).toBe('authorizing')
    kds.pushStatus(coreStatus('connected', { orders: 3 }))
    expect(status.state).toBe('connected')
    expect(status.status?.orders).toBe(3)
  })

  it('takes the time of the last event from every event', async () => {
    kds.currentStatus = coreStatus('connected', { lastEventAt: 5_000 })
    const status = useStatusStore()
    await status.start(kds)
    expect(status.lastEventAt).toBe(5_000)
    kds.pushEvent(newEvent(1, makeOrder(), 9_000))
    expect(status.lastEventAt).toBe(9_000)
    kds.pushStatus(coreStatus('offline', { lastEventAt: 9_500 }))
    expect(status.lastEventAt).toBe(9_500)
  })

  it('keeps a pushed status over an older answer', async () => {
    const status = useStatusStore()
    kds.currentStatus = coreStatus('connecting')
    const started = status.start(kds)
    kds.pushStatus(coreStatus('connected'))
    await started
    expect(status.state).toBe('connected')
  })
})

describe('settings store', () => {
  it('starts from settings() and follows pushed settings', async () => {
    kds.currentSettings = settingsView({ currency: 'EUR' })
    const settings = useSettingsStore()
    expect(settings.language).toBe('ru')
    await settings.start(kds)
    expect(settings.currency).toBe('EUR')
    kds.push({ type: 'settings', settings: settingsView({ language: 'en' }) })
    expect(settings.language).toBe('en')
  })

  it('shows the reason when the core refuses a change', async () => {
    const settings = useSettingsStore()
    await settings.start(kds)
    kds.refuseWith = 'currency: must be a three-letter currency code such as RUB'
    expect(await settings.update({ currency: 'XX' })).toBe(false)
    expect(settings.error).toBe('currency: must be a three-letter currency code such as RUB')
    expect(settings.saving).toBe(false)
    kds.refuseWith = null
    expect(await settings.update({ currency: 'USD' })).toBe(true)
    expect(settings.error).toBeNull()
    expect(settings.currency).toBe('USD')
  })
})
