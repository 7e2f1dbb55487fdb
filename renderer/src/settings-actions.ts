// The condition action in the settings form: the request template as JSON text, the any-host
// switch, and the conditions of «Начать» and of a bump. What is typed is checked by the core with
// the same schema; only text that is not JSON at all is refused here, naming the field.
import type { SettingsUpdate, SettingsView } from '../../electron/common/settings'

/** The form's fields for it; text as typed. */
export interface ActionsForm {
  /** JSON of the request template; empty: no action, bumps stay local. */
  conditionAction: string
  conditionActionAnyHost: boolean
  /** The condition «Начать» sets; empty: no button. */
  actionStart: string
  /** The condition a bump sets; empty (with start empty too): the default. */
  actionBump: string
}

export function actionsFormFrom(view: SettingsView): ActionsForm {
  return {
    conditionAction:
      view.conditionAction === null ? '' : JSON.stringify(view.conditionAction, null, 2),
    conditionActionAnyHost: view.conditionActionAnyHost,
    actionStart: view.actions?.start ?? '',
    actionBump: view.actions?.bump ?? '',
  }
}

/** Thrown for text that is not JSON; the message names the field. */
export class ActionsFormError extends Error {}

/** The part of the update the action fields make; throws ActionsFormError for text not JSON. */
export function actionsChanges(view: SettingsView, form: ActionsForm): SettingsUpdate {
  const update: SettingsUpdate = {}
  const text = form.conditionAction.trim()
  let action: unknown = null
  if (text !== '') {
    try {
      action = JSON.parse(text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new ActionsFormError(`conditionAction: not valid JSON (${reason})`)
    }
  }
  if (JSON.stringify(action) !== JSON.stringify(view.conditionAction)) {
    // The core parses it with the schema and names what is wrong.
    update.conditionAction = action as SettingsUpdate['conditionAction']
  }
  if (form.conditionActionAnyHost !== view.conditionActionAnyHost) {
    update.conditionActionAnyHost = form.conditionActionAnyHost
  }
  const start = form.actionStart.trim()
  const bump = form.actionBump.trim()
  const actions =
    start === '' && bump === ''
      ? null
      : { ...(start === '' ? {} : { start }), ...(bump === '' ? {} : { bump }) }
  if (JSON.stringify(actions) !== JSON.stringify(view.actions)) update.actions = actions
  return update
}
