// The KdsApi over a WebSocket: each text frame from a page is a request, answered with the same
// dispatchRequest as Electron's IPC (a snapshot from its entries' cached JSON, snapshot-frame.ts);
// every push of the core goes to every connected page.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { KdsHandlers, KdsMessage } from '../common/kds-api'
import { dispatchRequest } from '../common/kds-dispatch'
import type { Logger } from '../core/logger'
import {
  MAX_FRAME_BYTES,
  messageFrame,
  responseFrame,
  type BridgeFrame,
} from '../common/bridge-frames'
import { answerSnapshot, type SnapshotSource } from './snapshot-frame'

/** What the bridge needs of the core. */
export interface BridgeCore extends KdsHandlers, SnapshotSource {
  subscribe(listener: (message: KdsMessage) => void): () => void
}

/** The bridge's side of the shell's HTTP server. */
export interface Bridge {
  /** Takes over an upgrade request the shell has already checked. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Pages connected now. */
  readonly clients: number
  /** Says goodbye to every page and stops listening to the core. */
  close(): Promise<void>
}

// A page that cannot keep up (a frozen tab) is cut off rather than buffered without end: it
// reconnects and takes a fresh snapshot when it wakes.
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024
// Dead connections (a laptop lid closed, later a tablet gone) are found by ping and dropped.
const HEARTBEAT_MS = 30_000
const CLOSE_GRACE_MS = 500

/** Builds the bridge between `core` and the pages that connect through `accept`. */
export function createBridge(core: BridgeCore, log: Logger): Bridge {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  })
  const alive = new WeakSet<WebSocket>()

  /** Sends a frame, or its JSON already encoded: always as a text frame. */
  const send = (ws: WebSocket, frame: BridgeFrame | string | Buffer) => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn('bridge: a page is not reading; disconnecting it')
      return void ws.terminate()
    }
    if (Buffer.isBuffer(frame)) return ws.send(frame, { binary: false })
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  const unsubscribe = core.subscribe((message) => {
    const data = JSON.stringify(messageFrame(message))
    for (const ws of wss.clients) send(ws, data)
  })

  async function answer(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      return send(ws, responseFrame({ id: 0, ok: false, error: 'bad request: expected text' }))
    }
    let frame: unknown
    try {
      frame = JSON.parse(String(data))
    } catch {
      return send(ws, responseFrame({ id: 0, ok: false, error: 'bad request: not JSON' }))
    }
    send(ws, answerSnapshot(core, frame) ?? responseFrame(await dispatchRequest(core, frame)))
  }

  wss.on('connection', (ws: WebSocket) => {
    alive.add(ws)
    ws.on('pong', () => alive.add(ws))
    ws.on('message', (data, isBinary) => {
      answer(ws, data, isBinary).catch((error: unknown) =>
        log.error('bridge: answering a request failed', { error: String(error) }),
      )
    })
    // ws closes the socket itself on a protocol error (a frame over maxPayload...); just say so.
    ws.on('error', (error) =>
      log.warn('bridge: a page connection failed', { error: error.message }),
    )
  })

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    get clients() {
      return wss.clients.size
    },
    async close() {
      clearInterval(heartbeat)
      unsubscribe()
      const closing = [...wss.clients].map(
        (ws) =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS)
            ws.once('close', () => {
              clearTimeout(timer)
              done()
            })
            ws.close(1001, 'the display shell is stopping')
          }),
      )
      await Promise.all(closing)
      await new Promise<void>((done) => wss.close(() => done()))
    },
  }
}
