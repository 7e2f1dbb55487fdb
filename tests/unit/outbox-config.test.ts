import { describe, expect, it } from 'vitest'
import { DEMO_ACTIONS, REFERENCE_CONDITION_ACTION } from '../../electron/common/condition-action'
import { DEFAULT_DISPLAY_SETTINGS } from '../../electron/common/settings'
import { outboxConfig } from '../../electron/core/intents/kitchen-actions'

const real = { url: 'wss://backend.example/', token: 't', demo: false }
const demo = { url: 'http://127.0.0.1:4321', token: 'demo-watcher', demo: true }

describe('the condition action in force', () => {
  it('is off for a real backend until an action is set, and before any backend', () => {
    expect(outboxConfig(DEFAULT_DISPLAY_SETTINGS, real)).toBeNull()
    const display = { ...DEFAULT_DISPLAY_SETTINGS, conditionAction: REFERENCE_CONDITION_ACTION }
    expect(outboxConfig(display, null)).toBeNull()
  })

  it('has the reference shape and both actions built in for the demo', () => {
    expect(outboxConfig(DEFAULT_DISPLAY_SETTINGS, demo)).toEqual({
      actions: DEMO_ACTIONS,
      target: {
        action: REFERENCE_CONDITION_ACTION,
        server: 'http://127.0.0.1:4321',
        serverUrl: demo.url,
        anyHost: false,
        token: 'demo-watcher',
      },
    })
  })

  it('makes a bump set COLLECTED when the mapping is not given, and keeps one that is', () => {
    const display = { ...DEFAULT_DISPLAY_SETTINGS, conditionAction: REFERENCE_CONDITION_ACTION }
    const config = outboxConfig(display, real)
    expect(config?.actions).toEqual({ bump: 'COLLECTED' })
    expect(config?.target.server).toBe('https://backend.example')
    const mapped = outboxConfig({ ...display, actions: { start: 'COOKING' } }, real)
    expect(mapped?.actions).toEqual({ start: 'COOKING' })
  })
})
