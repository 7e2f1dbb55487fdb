import { describe, expect, it } from 'vitest'
import { REFERENCE_CONDITION_ACTION } from '../../../electron/common/condition-action'
import { actionsChanges, actionsFormFrom } from '../../../renderer/src/settings-actions'
import { changesOf, formFrom } from '../../../renderer/src/settings-form'
import { settingsView } from './fake-kds'

describe('the condition action in the settings form', () => {
  it('changes nothing when nothing is touched, set or not', () => {
    const off = settingsView()
    expect(changesOf(off, formFrom(off))).toEqual({})
    const on = settingsView({
      conditionAction: REFERENCE_CONDITION_ACTION,
      actions: { bump: 'COLLECTED' },
    })
    expect(changesOf(on, formFrom(on))).toEqual({})
    expect(actionsFormFrom(on).conditionAction).toContain('"{server}/api/orders/{id}"')
  })

  it('sends the template as typed, for the core to check, and the actions mapping', () => {
    const view = settingsView()
    const form = {
      ...actionsFormFrom(view),
      conditionAction: JSON.stringify(REFERENCE_CONDITION_ACTION),
      actionStart: ' COOKING ',
      actionBump: 'COLLECTED',
    }
    expect(actionsChanges(view, form)).toEqual({
      conditionAction: REFERENCE_CONDITION_ACTION,
      actions: { start: 'COOKING', bump: 'COLLECTED' },
    })
  })

  it('turns the action off with an empty template, the default mapping with empty fields', () => {
    const view = settingsView({
      conditionAction: REFERENCE_CONDITION_ACTION,
      actions: { start: 'COOKING' },
    })
    const form = { ...actionsFormFrom(view), conditionAction: ' ', actionStart: '' }
    expect(actionsChanges(view, form)).toEqual({ conditionAction: null, actions: null })
  })

  it('refuses text that is not JSON, naming the field', () => {
    const view = settingsView()
    const form = { ...actionsFormFrom(view), conditionAction: '{ method: PATCH' }
    expect(() => actionsChanges(view, form)).toThrow(/^conditionAction: not valid JSON/)
  })
})
