// The KdsApi over a WebSocket: each text frame from a page is a request, answered with the same
// dispatchRequest as Electron's IPC (a snapshot from its entries' cached JSON, snapshot-frame.ts);
// every push of the core goes to every connected page. Each page says its screen role on the URL
// (`/kds?screen=station:hot`); what it is sent is cut for that role here, before it leaves.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { CLOSE_REPINNED, CLOSE_UNPAIRED } from '../common/hub'
import type { KdsHandlers, KdsMessage } from '../common/kds-api'
import { dispatchRequest } from '../common/kds-dispatch'
import { parseScreenRole, type ScreenRole } from '../common/roles'
import type { Logger } from '../core/logger'
import { MAX_FRAME_BYTES, responseFrame, type BridgeFrame } from '../common/bridge-frames'
import { answerSnapshot, type SnapshotSource } from './snapshot-frame'
import { OPEN_GATE, type BridgeGate, type Connection } from './connections'
import { isLoopback } from './origin-guard'
import { handlersFor } from './connection-handlers'
import { createPushBatch } from './push-batch'

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
  /**
   * Closes every connection of a device: revoked, it sees the pairing screen again; repinned, it
   * reconnects as its new role and takes a fresh snapshot (nothing of the old role's cut stays).
   */
  closeDevice(id: string, why?: 'revoked' | 'repinned'): void
  /** Says goodbye to every page and stops listening to the core. */
  close(): Promise<void>
}

// A page that cannot keep up (a frozen tab) is cut off rather than buffered without end: it
// reconnects and takes a fresh snapshot when it wakes. The limit is over the last snapshot it
// was sent: a board of 10,000 orders is a snapshot of 8 MB and more, which the page is still
// reading when the next event comes; counted in, it cut off every page that asked for one (which
// asked again on reconnecting, and was cut off again).
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024
// Dead connections (a laptop lid closed, later a tablet gone) are found by ping and dropped.
const HEARTBEAT_MS = 30_000
const CLOSE_GRACE_MS = 500

/** Builds the bridge between `core` and the pages that connect through `accept`. */
export function createBridge(core: BridgeCore, log: Logger, gate: BridgeGate = OPEN_GATE): Bridge {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  })
  const alive = new WeakSet<WebSocket>()
  /** The size of the last snapshot each page was sent: allowed on top of MAX_BUFFERED_BYTES. */
  const snapshotBytes = new WeakMap<WebSocket, number>()
  const connections = new Map<WebSocket, Connection>()

  /** Sends a frame, or its JSON already encoded (a snapshot says so): always as a text frame. */
  const send = (ws: WebSocket, frame: BridgeFrame | Buffer, snapshot = false) => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES + (snapshotBytes.get(ws) ?? 0)) {
      log.warn('bridge: a page is not reading; disconnecting it')
      return void ws.terminate()
    }
    if (!Buffer.isBuffer(frame)) return ws.send(JSON.stringify(frame))
    if (snapshot) snapshotBytes.set(ws, frame.length)
    ws.send(frame, { binary: false })
  }

  // The pushes of a tick go out together, encoded once per kind of screen (push-batch.ts).
  const pushes = createPushBatch({
    connections: () => connections,
    send: (ws, data) => send(ws, data),
  })
  const unsubscribe = core.subscribe((message) => pushes.push(message))

  async function answer(
    ws: WebSocket,
    connection: Connection,
    handlers: KdsHandlers,
    data: RawData,
    isBinary: boolean,
  ): Promise<void> {
    if (isBinary) {
      return send(ws, responseFrame({ id: 0, ok: false, error: 'bad request: expected text' }))
    }
    let frame: unknown
    try {
      frame = JSON.parse(String(data))
    } catch {
      return send(ws, responseFrame({ id: 0, ok: false, error: 'bad request: not JSON' }))
    }
    const snapshot = answerSnapshot(core, frame, connection.role)
    // The answers asked before it in the same read (a starting page's settings and status) are
    // only microtasks away: they go first, not behind megabytes of board (drawn twice otherwise,
    // once before its clock came and once after).
    if (snapshot !== null) await new Promise<void>((resolve) => setImmediate(resolve))
    const answered = snapshot ?? responseFrame(await dispatchRequest(handlers, frame))
    // What the request changed was pushed before it was answered: it arrives first, as it did
    // before pushes were batched (a recall's page finds the order back on its board).
    pushes.flush()
    send(ws, answered, snapshot !== null)
  }

  /** The role a page asks for on its URL, else the managed view, else the kitchen's. */
  function roleOf(req: IncomingMessage): ScreenRole {
    const asked = new URL(req.url ?? '/', 'http://localhost').searchParams.get('screen')
    const role = parseScreenRole(asked)
    if (asked !== null && role === null) {
      log.warn('bridge: a page asked for an unknown screen role; it gets the default', { asked })
    }
    return role ?? core.settings().view ?? 'kitchen'
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const admission = gate.admit(req.headers.cookie)
    if (!admission.ok) {
      // Accepted, then closed with a code: a page cannot read an HTTP refusal of a WebSocket.
      ws.close(CLOSE_UNPAIRED, admission.reason)
      return
    }
    const connection: Connection = {
      role: admission.pinned ?? roleOf(req),
      pinned: admission.pinned,
      deviceId: admission.deviceId,
      address: req.socket.remoteAddress ?? null,
      loopback: isLoopback(req),
    }
    const handlers = handlersFor(core, connection)
    connections.set(ws, connection)
    gate.opened(connection)
    ws.once('close', () => {
      connections.delete(ws)
      gate.closed(connection)
    })
    alive.add(ws)
    ws.on('pong', () => alive.add(ws))
    ws.on('message', (data, isBinary) => {
      // A revoked device's last frames, still arriving while its socket closes, do nothing.
      if (!connections.has(ws)) return
      answer(ws, connection, handlers, data, isBinary).catch((error: unknown) =>
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
      return connections.size
    },
    closeDevice(id, why = 'revoked') {
      for (const [ws, connection] of connections) {
        if (connection.deviceId !== id) continue
        // At once: the device must not see another push after its key (or its old role) is gone.
        connections.delete(ws)
        gate.closed(connection)
        if (why === 'revoked') ws.close(CLOSE_UNPAIRED, 'this screen was revoked on the hub')
        else ws.close(CLOSE_REPINNED, 'the hub pinned this screen to another role')
      }
    },
    async close() {
      clearInterval(heartbeat)
      unsubscribe()
      pushes.close()
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
