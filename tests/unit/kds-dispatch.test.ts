import { describe, expect, it } from 'vitest'
import type { KdsHandlers } from '../../electron/common/kds-api'
import { dispatchRequest, parseResult } from '../../electron/common/kds-dispatch'
import { DEFAULT_DISPLAY_SETTINGS, type SettingsUpdate } from '../../electron/common/settings'

const view = {
  ...DEFAULT_DISPLAY_SETTINGS,
  managed: [],
  locked: false,
  tokenStorage: 'none' as const,
  tokenNotice: null,
  view: null,
}

function handlers(updates: SettingsUpdate[] = []): KdsHandlers {
  return {
    snapshot: () => ({ seq: 3, orders: [] }),
    status: () => {
      throw new Error('status is broken')
    },
    settings: () => view,
    updateSettings: async (update) => {
      updates.push(update)
      return view
    },
    dismissGap: (id) => {
      throw new Error(`no gap ${id}`)
    },
    diagnostics: () => {
      throw new Error('not needed')
    },
    exportDiagnostics: () => ({ path: '/tmp/d.json' }),
    bump: () => null,
    recall: (id) => id,
    reprint: () => 2,
    printPreview: () => ({ svg: '<svg/>' }),
    testPrint: async () => null,
    start: () => null,
    outbox: () => [],
    dismissOutbox: () => false,
    itemDone: () => null,
    bumpStation: () => null,
    recallStation: (_station, id) => id,
    stations: () => ({ stations: [], defaultStation: null, products: [] }),
    devices: () => [],
    revokeDevice: () => null,
    setDeviceRole: () => null,
    hubInfo: () => ({ lan: false, addresses: [], port: null, pairingCode: null, pinnedRole: null }),
    hubScreen: () => ({ available: false, hubUrl: null, managedBy: null }),
    becomeHubScreen: async () => null,
    unlockSettings: () => ({ outcome: 'wrong', until: null }),
    lockSettings: () => view,
  }
}

describe('dispatchRequest', () => {
  it('answers a well-formed request with the handler result', async () => {
    expect(await dispatchRequest(handlers(), { id: 7, name: 'snapshot', args: [] })).toEqual({
      id: 7,
      ok: true,
      result: { seq: 3, orders: [] },
    })
  })

  it('passes a gap id through, and refuses one that is not a positive integer', async () => {
    const answer = await dispatchRequest(handlers(), { id: 8, name: 'dismissGap', args: [4] })
    expect(answer).toEqual({ id: 8, ok: false, error: 'no gap 4' })
    const bad = await dispatchRequest(handlers(), { id: 9, name: 'dismissGap', args: [-1] })
    expect(bad.ok ? '' : bad.error).toMatch(/bad arguments to dismissGap/)
    const exported = await dispatchRequest(handlers(), {
      id: 10,
      name: 'exportDiagnostics',
      args: [],
    })
    expect(exported).toEqual({ id: 10, ok: true, result: { path: '/tmp/d.json' } })
  })

  it('passes parsed settings updates through', async () => {
    const updates: SettingsUpdate[] = []
    const update = { id: 1, name: 'updateSettings', args: [{ language: 'en', token: ' abc ' }] }
    expect((await dispatchRequest(handlers(updates), update)).ok).toBe(true)
    expect(updates).toEqual([{ language: 'en', token: 'abc' }])
  })

  it.each([
    ['not an object', 'hello', /^bad request: /],
    ['an unknown request', { id: 2, name: 'deleteEverything', args: [] }, /bad request: name/],
    ['a missing id', { name: 'snapshot', args: [] }, /bad request: id/],
    ['extra arguments', { id: 3, name: 'snapshot', args: [1] }, /bad arguments to snapshot/],
    [
      'a bad settings value',
      { id: 4, name: 'updateSettings', args: [{ language: 'fr' }] },
      /bad arguments to updateSettings: \[0\]\.language/,
    ],
  ])('rejects %s with a reason', async (_name, frame, reason) => {
    const response = await dispatchRequest(handlers(), frame)
    expect(response.ok).toBe(false)
    if (!response.ok) expect(response.error).toMatch(reason)
  })

  it('turns a failing handler into an error answer, not a crash', async () => {
    expect(await dispatchRequest(handlers(), { id: 5, name: 'status', args: [] })).toEqual({
      id: 5,
      ok: false,
      error: 'status is broken',
    })
  })
})

describe('parseResult', () => {
  it('parses a good answer and names what is wrong with a bad one', () => {
    expect(parseResult('snapshot', { seq: 1, orders: [] })).toEqual({
      ok: true,
      value: { seq: 1, orders: [] },
    })
    const bad = parseResult('snapshot', { seq: -1, orders: [] })
    expect(bad.ok ? '' : bad.reason).toMatch(/bad answer to snapshot: seq/)
  })
})
