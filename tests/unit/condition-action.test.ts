import { describe, expect, it } from 'vitest'
import {
  actionHostProblem,
  ActionsSchema,
  ConditionActionSchema,
  fillAction,
  hostOf,
  reachedCondition,
  REFERENCE_CONDITION_ACTION,
  serverBase,
} from '../../electron/common/condition-action'
import { parseWith } from '../../electron/common/protocol/parse'
import {
  parseManagedArgv,
  parseManagedEnv,
  parseManagedFile,
} from '../../electron/common/managed-config'
import { DEFAULT_DISPLAY_SETTINGS, DisplaySettingsSchema } from '../../electron/common/settings'

const parse = (value: unknown) => parseWith(ConditionActionSchema, value)

describe('the condition action template', () => {
  it('accepts the reference shape and fills it in, the id and condition URL-encoded', () => {
    expect(parse(REFERENCE_CONDITION_ACTION).ok).toBe(true)
    const request = fillAction(REFERENCE_CONDITION_ACTION, {
      server: 'http://127.0.0.1:4000',
      id: 'a/b',
      condition: 'COLLECTED',
    })
    expect(request).toEqual({
      method: 'PATCH',
      url: 'http://127.0.0.1:4000/api/orders/a%2Fb',
      body: '{"condition":"COLLECTED"}',
    })
  })

  it('fills placeholders anywhere in a JSON body, numbers and nesting kept', () => {
    const action = {
      method: 'POST',
      url: 'https://pos.example/kds/status',
      body: { order: { id: '{id}' }, status: 'kds:{condition}', tries: [1, true, null] },
    }
    expect(parse(action).ok).toBe(true)
    const { body } = fillAction(ConditionActionSchema.parse(action), {
      server: 'x',
      id: 'A1',
      condition: 'COOKING',
    })
    expect(JSON.parse(body ?? '')).toEqual({
      order: { id: 'A1' },
      status: 'kds:COOKING',
      tries: [1, true, null],
    })
  })

  it('refuses a template that cannot work, naming the field', () => {
    const bad = (value: unknown) => {
      const parsed = parse(value)
      return parsed.ok ? 'accepted' : parsed.reason
    }
    expect(bad({ ...REFERENCE_CONDITION_ACTION, method: 'GET' })).toMatch(/^method: /)
    expect(bad({ ...REFERENCE_CONDITION_ACTION, url: '{server}/api/{order}' })).toMatch(
      /^url: unknown placeholder \{order\}/,
    )
    expect(bad({ ...REFERENCE_CONDITION_ACTION, url: 'ftp://x/{id}' })).toMatch(
      /^url: must start with \{server\}/,
    )
    expect(bad({ ...REFERENCE_CONDITION_ACTION, body: { condition: '{state}' } })).toMatch(
      /^body.condition: unknown placeholder \{state\}/,
    )
    expect(bad({ ...REFERENCE_CONDITION_ACTION, body: null })).toMatch(
      /^url: neither the url nor the body says \{condition\}/,
    )
    expect(bad({ ...REFERENCE_CONDITION_ACTION, url: '{server}/api/orders' })).toMatch(/\{id\}/)
    expect(bad({ ...REFERENCE_CONDITION_ACTION, headers: {} })).toMatch(/headers/)
  })

  it('refuses another host than the backend unless it is explicitly allowed', () => {
    const elsewhere = ConditionActionSchema.parse({
      ...REFERENCE_CONDITION_ACTION,
      url: 'https://pos.example/api/orders/{id}',
    })
    expect(actionHostProblem(elsewhere, 'wss://backend.example', false)).toMatch(
      /^conditionAction.url: goes to pos.example, not to the backend backend.example.*conditionActionAnyHost/,
    )
    expect(actionHostProblem(elsewhere, 'wss://backend.example', true)).toBeNull()
    expect(actionHostProblem(elsewhere, 'https://POS.example:443/', false)).toBeNull()
    expect(actionHostProblem(REFERENCE_CONDITION_ACTION, 'ws://x:1', false)).toBeNull()
  })

  it('speaks of the backend over HTTP whatever its socket scheme', () => {
    expect(serverBase('wss://backend.example/')).toBe('https://backend.example')
    expect(serverBase('ws://127.0.0.1:4000')).toBe('http://127.0.0.1:4000')
    expect(hostOf('http://a.example:80/x')).toBe('a.example')
    expect(hostOf('http://user@a.example:8080?x')).toBe('a.example:8080')
    expect(hostOf('not a url')).toBeNull()
  })

  it('knows when the backend already shows the target or a later condition', () => {
    expect(reachedCondition('COLLECTED', 'COLLECTED')).toBe(true)
    expect(reachedCondition('DELIVERING', 'COLLECTED')).toBe(true)
    expect(reachedCondition('CANCELED', 'COOKING')).toBe(true)
    expect(reachedCondition('COOKING', 'COLLECTED')).toBe(false)
    expect(reachedCondition('PACKING', 'COLLECTED')).toBe(false)
  })
})

describe('the actions mapping and the settings', () => {
  it('maps start and bump to conditions, nothing else', () => {
    expect(ActionsSchema.parse({ start: 'COOKING', bump: 'COLLECTED' })).toEqual({
      start: 'COOKING',
      bump: 'COLLECTED',
    })
    expect(ActionsSchema.safeParse({ done: 'COLLECTED' }).success).toBe(false)
    expect(ActionsSchema.safeParse({ bump: '' }).success).toBe(false)
  })

  it('are display settings, off by default', () => {
    expect(DEFAULT_DISPLAY_SETTINGS.conditionAction).toBeNull()
    const withAction = {
      ...DEFAULT_DISPLAY_SETTINGS,
      conditionAction: REFERENCE_CONDITION_ACTION,
      actions: { bump: 'COLLECTED' },
    }
    expect(DisplaySettingsSchema.safeParse(withAction).success).toBe(true)
  })

  it('are managed keys: JSON in the file, JSON text in variables and flags', () => {
    const text = JSON.stringify(REFERENCE_CONDITION_ACTION)
    const file = parseManagedFile(
      JSON.stringify({ conditionAction: REFERENCE_CONDITION_ACTION, actions: { bump: 'X' } }),
      '/etc/kds.json',
    )
    expect(file.values.conditionAction).toEqual(REFERENCE_CONDITION_ACTION)
    expect(file.values.actions).toEqual({ bump: 'X' })
    const env = parseManagedEnv({
      KDS_CONDITION_ACTION: text,
      KDS_CONDITION_ACTION_ANY_HOST: 'yes',
      KDS_ACTIONS: '{"start":"COOKING"}',
    })
    expect(env.values).toMatchObject({
      conditionActionAnyHost: true,
      actions: { start: 'COOKING' },
    })
    const flags = parseManagedArgv([`--condition-action=${text.replace('{id}', '{nope}')}`])
    expect(flags.warnings[0]).toMatch(
      /^--condition-action: .* is invalid \(url: unknown placeholder \{nope\}/,
    )
  })
})
