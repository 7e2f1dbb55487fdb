// The settings form's values and the change they make: only the fields a person actually changed,
// so saving the language does not resend (and re-validate) the server address.
import type { Language, SettingsUpdate, SettingsView } from '../../electron/common/settings'

/** What the form edits; text fields as typed. */
export interface SettingsForm {
  serverUrl: string
  /** The resync URL template; empty for none. */
  resyncUrl: string
  token: string
  language: Language
  currency: string
  warnMinutes: number
  lateMinutes: number
}

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
  }
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
  const { warnMinutes, lateMinutes } = form
  if (warnMinutes !== view.thresholds.warnMinutes || lateMinutes !== view.thresholds.lateMinutes) {
    update.thresholds = { warnMinutes, lateMinutes }
  }
  return update
}
