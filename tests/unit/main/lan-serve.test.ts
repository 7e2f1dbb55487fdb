import { describe, expect, it, vi } from 'vitest'
import type { KdsMessage } from '../../../electron/common/kds-api'
import { followLanSetting, type ServeArgs } from '../../../electron/main/lan-serve'
import type { ManagedSettings } from '../../../electron/core/managed-settings-load'
import type { RendererLocation } from '../../../electron/main/renderer-location'
import type { HubHost } from '../../../electron/web/hub-host'
import { SETTINGS } from './fake-core'
import { fakeLog } from './fake-log'

const MANAGED: ManagedSettings = {
  config: {},
  origins: {},
  token: null,
  pin: null,
  warnings: [],
  path: '/etc/kitchen-display/config.json',
}

const BUILT: RendererLocation = { kind: 'file', path: '/app/out/renderer/index.html' }

function setup(lan: boolean, location: RendererLocation = BUILT, refuse: string | null = null) {
  const listeners = new Set<(message: KdsMessage) => void>()
  let settings = { ...SETTINGS, lan }
  const core = {
    settings: () => settings,
    subscribe: (listener: (message: KdsMessage) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  const closes: number[] = []
  const served: ServeArgs[] = []
  const serve = vi.fn(async (args: ServeArgs): Promise<HubHost> => {
    served.push(args)
    if (refuse !== null) throw new Error(refuse)
    return {
      shell: { url: 'http://127.0.0.1:5173/', port: 5173, close: async () => {} },
      lan: null,
      close: async () => void closes.push(served.length),
    }
  })
  const setLan = (next: boolean) => {
    settings = { ...settings, lan: next }
    for (const listener of listeners) listener({ type: 'settings', settings })
  }
  const log = fakeLog()
  const stop = followLanSetting({ core, serve, managed: MANAGED, dataDir: '/data', location, log })
  return { serve, served, closes, setLan, stop, log, listeners }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('followLanSetting', () => {
  it('serves the built renderer with pairing when lan is on at start, on the default port', async () => {
    const { served } = setup(true)
    await settle()
    expect(served).toEqual([
      expect.objectContaining({
        lan: true,
        port: 5173,
        dataDir: '/data',
        rendererDir: '/app/out/renderer',
      }),
    ])
  })

  it('starts and stops with the setting, once per change, and stops for good', async () => {
    const { serve, closes, setLan, stop, listeners } = setup(false)
    await settle()
    expect(serve).not.toHaveBeenCalled()
    setLan(true)
    setLan(true)
    await settle()
    expect(serve).toHaveBeenCalledTimes(1)
    setLan(false)
    await settle()
    expect(closes).toEqual([1])
    setLan(true)
    await settle()
    expect(serve).toHaveBeenCalledTimes(2)
    await stop()
    expect(closes).toEqual([1, 2])
    expect(listeners.size).toBe(0)
  })

  it('says why it cannot serve, and keeps the app running', async () => {
    const dev = setup(true, { kind: 'dev', url: 'http://localhost:5173' })
    await settle()
    expect(dev.serve).not.toHaveBeenCalled()
    expect(dev.log.warn).toHaveBeenCalledWith(expect.stringMatching(/built renderer only/))
    const taken = setup(true, BUILT, 'listen EADDRINUSE 0.0.0.0:5173')
    await settle()
    expect(taken.log.error).toHaveBeenCalledWith('cannot serve the network', {
      error: expect.stringMatching(/EADDRINUSE/),
    })
    // Turned off and on again, it tries again.
    taken.setLan(false)
    taken.setLan(true)
    await settle()
    expect(taken.serve).toHaveBeenCalledTimes(2)
  })
})
