// renderer/src/bridge.ts in node: the `ws` package stands in for the browser's WebSocket (it has
// the same EventTarget face), against a real web shell and against a scripted fake one.
import type { AddressInfo } from 'node:net'
import WebSocket, { WebSocketServer } from 'ws'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KdsMessage } from '../../electron/common/kds-api'
import { coreStatus } from '../unit/renderer/fake-kds'
import type { CoreStatus } from '../../electron/common/status'
import { silentLogger } from '../../electron/core/logger'
import { startWebShell } from '../../electron/web/web-shell'
import { createBridgeApi, defaultBridgeUrl, type BridgeApi } from '../../renderer/src/bridge'
import { waitFor } from '../helpers/wait'
import { bridgeUrl, cleanUp, fakeRenderer, startStack } from './web-harness'

const bridges: BridgeApi[] = []
const fakes: WebSocketServer[] = []

/** A browser's WebSocket: `ws` sends an Origin only when told, a browser always does. */
function useBrowserWebSocket(origin: string) {
  vi.stubGlobal(
    'WebSocket',
    class extends WebSocket {
      constructor(url: string) {
        super(url, { origin })
      }
    },
  )
}

function bridge(url: string): BridgeApi {
  const api = createBridgeApi(url)
  bridges.push(api)
  return api
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(async () => {
  for (const api of bridges.splice(0)) api.close()
  for (const fake of fakes.splice(0)) {
    for (const ws of fake.clients) ws.terminate()
    await new Promise((resolve) => fake.close(resolve))
  }
  await cleanUp()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const STATUS: CoreStatus = coreStatus('connected', {
  connection: { ...coreStatus().connection, url: 'http://127.0.0.1:1', since: 0 },
})

/** A shell that does what the test says; `requests` holds what pages sent. */
async function fakeShell(
  onRequest: (ws: WebSocket, request: { id: number; name: string }) => void,
) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  fakes.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  server.on('connection', (ws) => {
    ws.on('message', (data) =>
      onRequest(ws, JSON.parse(String(data)) as { id: number; name: string }),
    )
  })
  const { port } = server.address() as AddressInfo
  useBrowserWebSocket(`http://127.0.0.1:${port}`)
  return { server, url: `ws://127.0.0.1:${port}/kds` }
}

describe('createBridgeApi against the web shell', () => {
  it('answers requests with parsed values and delivers pushes', async () => {
    const stack = await startStack()
    useBrowserWebSocket(stack.origin)
    const api = bridge(bridgeUrl(stack.shell))
    const messages: KdsMessage[] = []
    api.subscribe((message) => messages.push(message))
    await waitFor(() => stack.core.health().state === 'connected', 'the core to connect')

    expect(await api.snapshot()).toEqual({ seq: 0, orders: [] })
    expect((await api.status()).connection.state).toBe('connected')
    expect(await api.settings()).toMatchObject({
      serverUrl: stack.server.url,
      tokenStorage: 'memory',
    })
    await expect(api.updateSettings({ currency: 'rubles' })).rejects.toThrow(/currency/)

    const created = stack.server.handle.createOrder()
    if (!created.ok) throw new Error(created.reason)
    await waitFor(
      () => messages.some((m) => m.type === 'event' && m.event.type === 'order:new'),
      'order:new',
    )
    expect((await api.snapshot()).orders.map((o) => o.id)).toEqual([created.value._id])
  })

  it('says offline while the shell is away, then reconnects, says resumed and refreshes the status', async () => {
    const stack = await startStack()
    useBrowserWebSocket(stack.origin)
    const api = bridge(bridgeUrl(stack.shell))
    const states: string[] = []
    let resumed = 0
    api.subscribe((message) => {
      if (message.type === 'status') states.push(message.status.connection.state)
      if (message.type === 'resumed') resumed += 1
    })
    await waitFor(() => stack.core.health().state === 'connected', 'the core to connect')
    expect((await api.status()).connection.state).toBe('connected')
    expect(resumed).toBe(0)

    const port = stack.shell.port
    await stack.shell.close()
    await expect(api.snapshot()).rejects.toThrow(/display shell/)
    await waitFor(() => states.at(-1) === 'offline', 'the page to hear it is offline')
    const away = await new Promise<KdsMessage>((resolve) => {
      const stop = api.subscribe((message) => {
        stop()
        resolve(message)
      })
    })
    expect(away).toMatchObject({
      type: 'status',
      status: { connection: { state: 'offline', error: expect.stringMatching(/display shell/) } },
    })

    const restarted = await startWebShell({
      core: stack.core,
      rendererDir: fakeRenderer(),
      host: '127.0.0.1',
      port,
      log: silentLogger,
    })
    try {
      await waitFor(() => states.at(-1) === 'connected', 'the status after reconnecting')
      expect(resumed).toBe(1)
      expect((await api.snapshot()).seq).toBe(0)
    } finally {
      await restarted.close()
    }
  })
})

describe('createBridgeApi against a scripted shell', () => {
  it('drops invalid frames with a warning and delivers the valid ones', async () => {
    const { url } = await fakeShell(() => {})
    const api = bridge(url)
    const messages: KdsMessage[] = []
    api.subscribe((message) => messages.push(message))
    const fake = fakes[0]
    await waitFor(() => fake?.clients.size === 1, 'the page to connect')
    const [ws] = [...(fake?.clients ?? [])]
    ws?.send('{not json')
    ws?.send(JSON.stringify({ kind: 'message', message: { type: 'rumour', text: 'x' } }))
    ws?.send(
      JSON.stringify({ kind: 'message', message: { type: 'status', status: { orders: -1 } } }),
    )
    ws?.send(JSON.stringify({ kind: 'response', response: { id: 99, ok: true, result: 1 } }))
    ws?.send(Buffer.from([1, 2]), { binary: true })
    ws?.send(JSON.stringify({ kind: 'message', message: { type: 'status', status: STATUS } }))
    await waitFor(() => messages.length === 1, 'the valid message')
    expect(messages).toEqual([{ type: 'status', status: STATUS }])
    expect(vi.mocked(console.warn).mock.calls.length).toBe(5)
  })

  it('delivers the messages of one frame in order, and drops a frame with one bad message whole', async () => {
    const { url } = await fakeShell(() => {})
    const api = bridge(url)
    const messages: KdsMessage[] = []
    api.subscribe((message) => messages.push(message))
    const fake = fakes[0]
    await waitFor(() => fake?.clients.size === 1, 'the page to connect')
    const [ws] = [...(fake?.clients ?? [])]
    const resumed: KdsMessage = { type: 'resumed' }
    const status: KdsMessage = { type: 'status', status: STATUS }
    ws?.send(JSON.stringify({ kind: 'messages', messages: [status, { type: 'rumour' }] }))
    ws?.send(JSON.stringify({ kind: 'messages', messages: [resumed, status, resumed] }))
    await waitFor(() => messages.length === 3, 'the three messages')
    expect(messages).toEqual([resumed, status, resumed])
  })

  it('rejects an answer that does not match the request', async () => {
    const { url } = await fakeShell((ws, request) =>
      ws.send(
        JSON.stringify({ kind: 'response', response: { id: request.id, ok: true, result: 'x' } }),
      ),
    )
    await expect(bridge(url).snapshot()).rejects.toThrow(/bad answer to snapshot/)
  })

  it('passes on the shell’s error as the rejection', async () => {
    const { url } = await fakeShell((ws, request) =>
      ws.send(
        JSON.stringify({
          kind: 'response',
          response: { id: request.id, ok: false, error: 'lateMinutes: too short' },
        }),
      ),
    )
    await expect(bridge(url).updateSettings({})).rejects.toThrow('lateMinutes: too short')
  })

  it('rejects pending requests when the socket closes', async () => {
    const { url } = await fakeShell((ws) => ws.close(1011, 'boom'))
    await expect(bridge(url).status()).rejects.toThrow(/connection to the display shell was lost/)
  })

  it('rejects everything once closed', async () => {
    const { url } = await fakeShell(() => {})
    const api = bridge(url)
    const pending = api.status()
    api.close()
    await expect(pending).rejects.toThrow(/lost/)
    await expect(api.snapshot()).rejects.toThrow(/closed/)
  })
})

describe('defaultBridgeUrl', () => {
  it('is the page’s own host, ws or wss to match', () => {
    vi.stubGlobal('location', { protocol: 'http:', host: '127.0.0.1:5173' })
    expect(defaultBridgeUrl()).toBe('ws://127.0.0.1:5173/kds')
    vi.stubGlobal('location', { protocol: 'https:', host: 'kds.local' })
    expect(defaultBridgeUrl()).toBe('wss://kds.local/kds')
  })
})
