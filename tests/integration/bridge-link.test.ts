// renderer/src/bridge.ts and its link to the hub, against scripted hubs (`ws` standing in for the
// browser's WebSocket): a refusal with close code 4401 stops the retrying and says "refused"; a
// hub that goes silent without closing (a tablet off the Wi-Fi) is given up by the probe.
import type { AddressInfo } from 'node:net'
import WebSocket, { WebSocketServer } from 'ws'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CLOSE_UNPAIRED } from '../../electron/common/hub'
import { createBridgeApi, type BridgeApi, type BridgeLink } from '../../renderer/src/bridge'
import { coreStatus } from '../unit/renderer/fake-kds'
import { waitFor } from '../helpers/wait'

const bridges: BridgeApi[] = []
const hubs: WebSocketServer[] = []

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.stubGlobal('WebSocket', WebSocket)
})
afterEach(async () => {
  for (const api of bridges.splice(0)) api.close()
  for (const hub of hubs.splice(0)) {
    for (const ws of hub.clients) ws.terminate()
    await new Promise((resolve) => hub.close(resolve))
  }
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** A hub that does what `onConnection` says with each page; counts the connections. */
async function scriptedHub(onConnection: (ws: WebSocket) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  hubs.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  let connections = 0
  server.on('connection', (ws) => {
    connections += 1
    onConnection(ws)
  })
  const { port } = server.address() as AddressInfo
  return { url: `ws://127.0.0.1:${port}/kds`, connections: () => connections }
}

function bridge(url: string, probeMs?: number) {
  const links: BridgeLink[] = []
  const api = createBridgeApi(url, {
    onLink: (link) => links.push(link),
    ...(probeMs === undefined ? {} : { probeMs }),
  })
  bridges.push(api)
  return { api, links }
}

describe('the bridge and the hub', () => {
  it('says refused on close code 4401, fails what is pending, and stops retrying', async () => {
    const hub = await scriptedHub((ws) => ws.close(CLOSE_UNPAIRED, 'not paired'))
    const { api, links } = bridge(hub.url)
    await expect(api.snapshot()).rejects.toThrow('not paired with the hub')
    await waitFor(() => links.includes('refused'), 'the refusal')
    // Nothing more is asked of the hub until the page is paired (and reloaded).
    await expect(api.status()).rejects.toThrow('not paired with the hub')
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(hub.connections()).toBe(1)
  })

  it('gives up a hub that stops answering without closing, and says away', async () => {
    let silent = false
    const hub = await scriptedHub((ws) => {
      ws.on('message', (data) => {
        if (silent) return
        const request = JSON.parse(String(data)) as { id: number }
        const response = { id: request.id, ok: true, result: coreStatus() }
        ws.send(JSON.stringify({ kind: 'response', response }))
      })
    })
    const { api, links } = bridge(hub.url, 100)
    await api.status()
    expect(links).toEqual(['open'])
    silent = true
    await waitFor(() => links.includes('away'), 'the probe to give the hub up', 3_000)
    // It tries again, and is open once the hub answers again.
    silent = false
    await waitFor(() => links.lastIndexOf('open') > links.indexOf('away'), 'the link back')
  })

  it('keeps a quiet link that answers its probe', async () => {
    const hub = await scriptedHub((ws) => {
      ws.on('message', (data) => {
        const request = JSON.parse(String(data)) as { id: number }
        const response = { id: request.id, ok: true, result: coreStatus() }
        ws.send(JSON.stringify({ kind: 'response', response }))
      })
    })
    // Several probe rounds; each answered in well under the probe's time.
    const { api, links } = bridge(hub.url, 300)
    await api.status()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(links).toEqual(['open'])
    expect(hub.connections()).toBe(1)
  })
})
