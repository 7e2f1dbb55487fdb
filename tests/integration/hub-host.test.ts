// A core served with pairing in this process, as the Electron app's `lan` setting serves it: the
// hub's own window (a subscriber of the core, as IPC is) hears every pairing code and device
// change; a screen on the bridge hears the devices, and the code only because it is on loopback.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { DEVICE_COOKIE, type HubInfo } from '../../electron/common/hub'
import type { KdsMessage } from '../../electron/common/kds-api'
import { KdsCore } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { fileSettingsBackend } from '../../electron/core/settings-file'
import { loadManagedSettings } from '../../electron/core/managed-settings-load'
import { serveHub } from '../../electron/web/hub-host'
import { startWebShell } from '../../electron/web/web-shell'
import { waitFor } from '../helpers/wait'
import { startServer } from './server-harness'
import { cleanUp, fakeRenderer, Page, tempDir } from './web-harness'

afterEach(cleanUp)

describe('serveHub with pairing', () => {
  it('tells the hub’s own window each code and device change, and refuses to serve the LAN without it', async () => {
    const server = await startServer()
    const dataDir = tempDir('kds-hub-host-')
    const core = await KdsCore.start({
      dataDir,
      settings: fileSettingsBackend(dataDir, { serverUrl: server.url, token: 'demo-watcher' }),
      startDemo: () => Promise.reject(new Error('no demo')),
      log: silentLogger,
    })
    const own: KdsMessage[] = []
    core.subscribe((message) => own.push(message))
    const managed = loadManagedSettings({
      argv: [],
      env: { KDS_CONFIG_FILE: `${dataDir}/none.json` },
    })
    const host = await serveHub({
      core,
      managed,
      dataDir,
      rendererDir: fakeRenderer(),
      port: 0,
      lan: true,
      lanHost: '127.0.0.1',
      log: silentLogger,
    })
    try {
      const lan = host.lan
      if (lan === null) throw new Error('no LAN hub')
      const hubs = () => own.flatMap((m) => (m.type === 'hub' ? [m.hub] : []))
      const latest = (): HubInfo | undefined => hubs().at(-1)
      await waitFor(() => latest()?.port === host.shell.port, 'the hub facts with the port')
      expect(latest()).toMatchObject({
        lan: true,
        pairingCode: lan.pairingCode,
        addresses: [`http://127.0.0.1:${host.shell.port}/`],
      })
      expect(core.hubInfo().pairingCode).toBe(lan.pairingCode)

      const origin = `http://127.0.0.1:${host.shell.port}`
      const used = lan.pairingCode
      const response = await fetch(`${origin}/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ code: used, name: 'Касса' }),
      })
      expect(response.status).toBe(200)
      await waitFor(() => latest()?.pairingCode !== used, 'the new code on the hub’s window')
      const key = (response.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1] ?? ''
      const ws = new WebSocket(`ws://127.0.0.1:${host.shell.port}/kds?screen=expo`, {
        origin,
        headers: { cookie: `${DEVICE_COOKIE}=${key}` },
      })
      const page = new Page(ws)
      await new Promise((resolve) => ws.once('open', resolve))
      const devicesPushes = () => own.filter((m) => m.type === 'devices')
      await waitFor(
        () =>
          devicesPushes().some((m) => m.type === 'devices' && m.devices.some((d) => d.connected)),
        'the device shown connected',
      )
      expect(core.devices()).toEqual([
        expect.objectContaining({ name: 'Касса', role: 'expo', connected: true }),
      ])
      const health = (await (await fetch(`${origin}/health`)).json()) as { devices: number }
      expect(health.devices).toBe(1)
      ws.close()
      await waitFor(() => core.devices()[0]?.connected === false, 'the device shown gone')
      expect(page.raw.some((text) => text.includes('"type":"devices"'))).toBe(true)
    } finally {
      await host.close()
      await core.close()
    }
    // Without pairing, the shell refuses to listen beyond loopback (before it binds anything).
    await expect(
      startWebShell({ core, rendererDir: fakeRenderer(), host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(/only with pairing/)
  }, 30_000)
})
