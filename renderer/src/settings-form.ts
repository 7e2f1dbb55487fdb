// The settings form's values and the change they make: only the fields a person actually changed,
// so saving the language does not resend (and re-validate) the server address, and a key the
// administrator manages is never sent at all.
import type {
  DisplaySettings,
  Language,
  Layout,
  SettingsUpdate,
  SettingsView,
} from '../../electron/common/settings'
import { actionsChanges, actionsFormFrom, type ActionsForm } from './settings-actions'

export type Theme = DisplaySettings['theme']

/** The type sizes offered: big steps a person can tell apart from across the kitchen. */
export const FONT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const

/** What the form edits; text fields as typed. */
export interface SettingsForm extends ActionsForm {
  serverUrl: string
  /** The resync URL template; empty for none. */
  resyncUrl: string
  token: string
  language: Language
  currency: string
  warnMinutes: number
  lateMinutes: number
  prepMinutes: number
  sound: boolean
  /** Percent, 0..100, as the slider shows it. */
  volume: number
  repeat: boolean
  fontScale: number
  theme: Theme
  layout: Layout
  kitchenDetails: boolean
}

const percentOf = (volume: number) => Math.round(volume * 100)

/** The form filled from the current settings; the token field is always empty. */
export function formFrom(view: SettingsView): SettingsForm {
  return {
    serverUrl: view.serverUrl ?? '',
    resyncUrl: view.resyncUrl ?? '',
    token: '',
    language: view.language,
    currency: view.currency,
    warnMinutes: view.thresholds.warnMinutes,
    lateMinutes: view.thresholds.lateMinutes,
    prepMinutes: view.prepMinutes,
    sound: view.alerts.sound,
    volume: percentOf(view.alerts.volume),
    repeat: view.alerts.repeat,
    fontScale: view.fontScale,
    theme: view.theme,
    layout: view.layout,
    kitchenDetails: view.kitchenDetails,
    ...actionsFormFrom(view),
  }
}

/** The type sizes to offer: the usual steps, and the current one if an administrator chose another. */
export function fontScalesFor(current: number): number[] {
  const scales: number[] = [...FONT_SCALES]
  return scales.includes(current) ? scales : [...scales, current].sort((a, b) => a - b)
}

/** The update that turns `view` into what the form says; empty when nothing changed. */
export function changesOf(view: SettingsView, form: SettingsForm): SettingsUpdate {
  const update: SettingsUpdate = {}
  const serverUrl = form.serverUrl.trim() === '' ? null : form.serverUrl.trim()
  if (serverUrl !== view.serverUrl) update.serverUrl = serverUrl
  const resyncUrl = form.resyncUrl.trim() === '' ? null : form.resyncUrl.trim()
  if (resyncUrl !== view.resyncUrl) update.resyncUrl = resyncUrl
  const token = form.token.trim()
  if (token !== '') update.token = token
  if (form.language !== view.language) update.language = form.language
  const currency = form.currency.trim().toUpperCase()
  if (currency !== view.currency) update.currency = currency
  const warnMinutes = Number(form.warnMinutes)
  const lateMinutes = Number(form.lateMinutes)
  if (warnMinutes !== view.thresholds.warnMinutes || lateMinutes !== view.thresholds.lateMinutes) {
    update.thresholds = { warnMinutes, lateMinutes }
  }
  const prepMinutes = Number(form.prepMinutes)
  if (prepMinutes !== view.prepMinutes) update.prepMinutes = prepMinutes
  const percent = Number(form.volume)
  const alerts = view.alerts
  if (
    form.sound !== alerts.sound ||
    form.repeat !== alerts.repeat ||
    percent !== percentOf(alerts.volume)
  ) {
    // The slider moves in whole percents: an untouched volume goes back exactly as it came.
    const volume = percent === percentOf(alerts.volume) ? alerts.volume : percent / 100
    update.alerts = { sound: form.sound, volume, repeat: form.repeat }
  }
  const fontScale = Number(form.fontScale)
  if (fontScale !== view.fontScale) update.fontScale = fontScale
  if (form.theme !== view.theme) update.theme = form.theme
  if (form.layout !== view.layout) update.layout = form.layout
  if (form.kitchenDetails !== view.kitchenDetails) update.kitchenDetails = form.kitchenDetails
  Object.assign(update, actionsChanges(view, form))
  // Managed keys cannot change here; the fields are disabled, and this makes sure.
  const managed = new Set(view.managed)
  return Object.fromEntries(
    Object.entries(update).filter(([key]) => !managed.has(key)),
  ) as SettingsUpdate
}
