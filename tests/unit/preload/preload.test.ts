import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  KDS_CHANNELS,
  KDS_REQUESTS,
  type KdsApi,
  type KdsMessage,
} from '../../../electron/common/kds-api'
import '../../../electron/preload/index'
import { contextBridge, ipcRenderer } from '../main/electron-mock'
import { SETTINGS, SNAPSHOT, STATUS } from '../main/fake-core'

vi.mock('electron', () => import('../main/electron-mock'))

// The preload exposes its API once, at load, as it does in a renderer.
const kds = contextBridge.exposed.get('kds') as KdsApi
const answer = (value: unknown) => ipcRenderer.invoke.mockResolvedValueOnce(value)
const push = (payload: unknown) =>
  ipcRenderer.emit(KDS_CHANNELS.message, { sender: 'ipc event' }, payload)

beforeEach(() => {
  ipcRenderer.invoke.mockReset()
})

describe('window.kds', () => {
  it('is exactly the KdsApi, and the only thing exposed', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['kds'])
    expect(Object.keys(kds).sort()).toEqual([...Object.keys(KDS_REQUESTS), 'subscribe'].sort())
    for (const value of Object.values(kds)) expect(typeof value).toBe('function')
  })

  it('sends each request as one frame on the request channel and resolves the parsed result', async () => {
    answer({ id: 1, ok: true, result: SNAPSHOT })
    answer({ id: 2, ok: true, result: STATUS })
    answer({ id: 3, ok: true, result: { ...SETTINGS, language: 'en' } })
    await expect(kds.snapshot()).resolves.toEqual(SNAPSHOT)
    await expect(kds.status()).resolves.toEqual(STATUS)
    await expect(kds.updateSettings({ language: 'en' })).resolves.toMatchObject({ language: 'en' })
    const frames = ipcRenderer.invoke.mock.calls.map(([channel, frame]) => ({ channel, frame }))
    expect(frames).toEqual([
      {
        channel: KDS_CHANNELS.request,
        frame: { id: expect.any(Number), name: 'snapshot', args: [] },
      },
      {
        channel: KDS_CHANNELS.request,
        frame: { id: expect.any(Number), name: 'status', args: [] },
      },
      {
        channel: KDS_CHANNELS.request,
        frame: { id: expect.any(Number), name: 'updateSettings', args: [{ language: 'en' }] },
      },
    ])
    const ids = frames.map(({ frame }) => (frame as { id: number }).id)
    expect(new Set(ids).size).toBe(3)
  })

  it('rejects a result that does not match the contract', async () => {
    answer({ id: 1, ok: true, result: { seq: -1, orders: 'none' } })
    await expect(kds.snapshot()).rejects.toThrow(/bad answer to snapshot/)
  })

  it('rejects with the error text of an error answer', async () => {
    answer({ id: 1, ok: false, error: 'bad arguments to updateSettings: language: invalid' })
    await expect(kds.updateSettings({ language: 'en' })).rejects.toThrow(
      'bad arguments to updateSettings: language: invalid',
    )
  })

  it('rejects when there is no proper answer at all (a dropped request)', async () => {
    answer(undefined)
    await expect(kds.settings()).rejects.toThrow(/bad response to settings/)
  })
})

describe('subscribe', () => {
  const message: KdsMessage = { type: 'status', status: STATUS }

  it('delivers each pushed message, parsed, without the IPC event', () => {
    const listener = vi.fn()
    const unsubscribe = kds.subscribe(listener)
    push(message)
    expect(listener.mock.calls).toEqual([[message]])
    unsubscribe()
  })

  it('drops an invalid push with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const listener = vi.fn()
    const unsubscribe = kds.subscribe(listener)
    push({ type: 'status', status: { hacked: true } })
    push('nonsense')
    expect(listener).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0]?.[0])).toContain('dropped an invalid message')
    unsubscribe()
    warn.mockRestore()
  })

  it('unsubscribes exactly the one subscription', () => {
    const listener = vi.fn()
    const other = vi.fn()
    const first = kds.subscribe(listener)
    const second = kds.subscribe(listener)
    const third = kds.subscribe(other)
    first()
    push(message)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(other).toHaveBeenCalledTimes(1)
    second()
    third()
    push(message)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(other).toHaveBeenCalledTimes(1)
  })

  it('keeps delivering to the others when one listener throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const other = vi.fn()
    const failing = kds.subscribe(() => {
      throw new Error('renderer bug')
    })
    const fine = kds.subscribe(other)
    push(message)
    expect(other).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalled()
    failing()
    fine()
    error.mockRestore()
  })
})
