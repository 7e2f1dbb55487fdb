// FakeKds for the settings-screen tests: keeps every setting a change sends (alerts, type size,
// theme...), lets a test script the PIN's answer, and counts the relocks.
import type { UnlockResult } from '../../../electron/common/kds-api'
import type { SettingsUpdate, SettingsView } from '../../../electron/common/settings'
import { FakeKds } from './fake-kds'

export class ScreenKds extends FakeKds {
  /** What unlockSettings answers instead of checking `pin` (e.g. a pause), when set. */
  unlockAnswer: UnlockResult | null = null
  readonly pins: string[] = []
  lockCalls = 0

  override updateSettings(update: SettingsUpdate): Promise<SettingsView> {
    this.updates.push(update)
    if (this.refuseWith !== null) return Promise.reject(new Error(this.refuseWith))
    const { token, ...display } = update
    this.currentSettings = { ...this.currentSettings, ...display }
    if (token !== undefined) this.currentSettings.tokenStorage = 'encrypted'
    this.push({ type: 'settings', settings: this.currentSettings })
    return Promise.resolve(this.currentSettings)
  }

  override unlockSettings(pin: string): Promise<UnlockResult> {
    this.pins.push(pin)
    return this.unlockAnswer === null
      ? super.unlockSettings(pin)
      : Promise.resolve(this.unlockAnswer)
  }

  override lockSettings(): Promise<SettingsView> {
    this.lockCalls += 1
    return super.lockSettings()
  }
}
