// The KdsApi over the browser shell's WebSocket (electron/web), for when there is no preload.
// Everything that arrives is parsed before use, exactly as window.kds answers would be.
import { BRIDGE_PATH, BridgeFrameSchema } from '../../electron/common/bridge-frames'
import { CLOSE_REPINNED, CLOSE_UNPAIRED } from '../../electron/common/hub'
import {
  type KdsApi,
  type KdsMessage,
  type KdsRequestName,
  type KdsResponse,
} from '../../electron/common/kds-api'
import type { CoreStatus } from '../../electron/common/status'
import { kdsApiOver, type KdsResult } from '../../electron/common/kds-client'
import { parseResult } from '../../electron/common/kds-dispatch'
import { formatIssues } from '../../electron/common/protocol/parse'

/** What the bridge says about its link to the hub: open, away (retrying), or refused (pair first). */
export type BridgeLink = 'open' | 'away' | 'refused'

export interface BridgeOptions {
  /** Told whenever the link changes. */
  onLink?: (link: BridgeLink) => void
  /**
   * Asks the hub for its status after this long without a frame, and gives the link up when no
   * frame comes within as long again: a tablet that drops off the Wi-Fi gets no close event for
   * minutes, and its screen must say so within seconds. Off (0) by default.
   */
  probeMs?: number
}

/** The KdsApi of the bridge, which can also be shut. */
export interface BridgeApi extends KdsApi {
  /** Closes the socket for good; pending and later requests reject. */
  close(): void
}

interface Pending {
  frame: string
  sent: boolean
  settle(response: KdsResponse): void
  fail(error: Error): void
}

// A shell restart takes a second or two; retrying often at first, then every few seconds, finds
// it quickly without spinning while it is down for longer.
const RETRY_FIRST_MS = 250
const RETRY_MAX_MS = 5_000
// The shell is on this machine; an answer this late means it is stuck, and the caller should know.
const REQUEST_TIMEOUT_MS = 15_000

/**
 * The bridge's address for the page's own origin: `ws(s)://<host>/kds`, with the screen role the
 * page's address asks for (`?screen=station:hot`), so the hub cuts what it sends to that role.
 */
export function defaultBridgeUrl(): string {
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`
  const screen = new URLSearchParams(location.search).get('screen')
  return screen === null || screen === '' ? base : `${base}?screen=${encodeURIComponent(screen)}`
}

/** Connects to the browser shell's bridge at `url` (by default the page's own shell). */
export function createBridgeApi(
  url: string = defaultBridgeUrl(),
  options: BridgeOptions = {},
): BridgeApi {
  const pending = new Map<number, Pending>()
  const listeners = new Set<(message: KdsMessage) => void>()
  let socket: WebSocket | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let failures = 0
  let everOpened = false
  /** The last status the shell sent, to say truthfully what is known while it is away. */
  let lastStatus: CoreStatus | null = null
  /** When the open socket was lost; null while connected. */
  let lostAt: number | null = null
  /** Status pushes so far, so a refresh answer never overwrites a newer push. */
  let statusPushes = 0
  let closed = false
  /** The hub refused this device (close code 4401): no retrying until the page is paired. */
  let refused = false
  let nextId = 1
  /** When the open socket last brought a frame, for the liveness probe. */
  let lastFrameAt = 0
  let probeTimer: ReturnType<typeof setInterval> | null = null
  let probing = false

  function deliver(message: KdsMessage): void {
    for (const listener of listeners) {
      try {
        listener(message)
      } catch (error) {
        console.error('bridge: a listener failed', error)
      }
    }
  }

  function onFrame(data: unknown): void {
    lastFrameAt = Date.now()
    if (typeof data !== 'string') return console.warn('bridge: dropped a binary frame')
    let json: unknown
    try {
      json = JSON.parse(data)
    } catch {
      return console.warn('bridge: dropped a frame that is not JSON')
    }
    const frame = BridgeFrameSchema.safeParse(json)
    if (!frame.success) {
      return console.warn(`bridge: dropped an invalid frame: ${formatIssues(frame.error)}`)
    }
    if (frame.data.kind === 'message') {
      if (frame.data.message.type === 'status') {
        lastStatus = frame.data.message.status
        statusPushes += 1
      }
      return deliver(frame.data.message)
    }
    const { response } = frame.data
    const entry = pending.get(response.id)
    if (entry === undefined) return console.warn('bridge: an answer to no request', response)
    entry.settle(response)
  }

  function onOpen(ws: WebSocket): void {
    failures = 0
    lostAt = null
    lastFrameAt = Date.now()
    options.onLink?.('open')
    for (const entry of pending.values()) {
      if (!entry.sent) {
        ws.send(entry.frame)
        entry.sent = true
      }
    }
    // Pushes sent while we were away are lost: the board store takes a fresh snapshot on
    // `resumed`, and the status bar (told "offline" meanwhile) hears the truth now rather than at
    // the next change.
    if (everOpened) {
      deliver({ type: 'resumed' })
      const before = statusPushes
      status().then(
        (current) => {
          if (statusPushes === before) deliver({ type: 'status', status: current })
        },
        (error: unknown) => console.warn('bridge: no status after reconnecting', error),
      )
    }
    everOpened = true
  }

  function onClose(ws: WebSocket, code?: number): void {
    if (socket !== ws) return
    socket = null
    if (code === CLOSE_UNPAIRED) return refuse()
    // The hub pinned this device to another role: back at once, as that role, with no banner.
    if (code === CLOSE_REPINNED) return lost(true)
    lost()
  }

  /** The hub wants this device paired first: fail what is pending and wait for the pairing. */
  function refuse(): void {
    refused = true
    const error = new Error('this screen is not paired with the hub')
    for (const entry of [...pending.values()]) entry.fail(error)
    options.onLink?.('refused')
  }

  /** Gives up a socket that brings nothing (no close event comes on a dead network). */
  function probe(): void {
    const ws = socket
    if (ws === null || ws.readyState !== WebSocket.OPEN || options.probeMs === undefined) return
    const quiet = Date.now() - lastFrameAt
    if (quiet >= 2 * options.probeMs) {
      console.warn(`bridge: nothing from ${url} for ${quiet} ms; reconnecting`)
      onClose(ws)
      ws.close()
      return
    }
    if (quiet < options.probeMs || probing) return
    probing = true
    status()
      .catch(() => undefined)
      .finally(() => (probing = false))
  }

  /** Fails what was asked of the lost socket and, unless closed, tries again after a pause. */
  function lost(repinned = false): void {
    const error = new Error('the connection to the display shell was lost')
    for (const entry of [...pending.values()]) entry.fail(error)
    if (closed) return
    if (repinned) {
      retryTimer = setTimeout(connect, 0)
      return
    }
    failures += 1
    const delay = Math.min(RETRY_FIRST_MS * 2 ** (failures - 1), RETRY_MAX_MS)
    retryTimer = setTimeout(connect, delay)
    options.onLink?.('away')
    if (everOpened) reportAway(Date.now() + delay)
  }

  /**
   * While the shell is away nothing reaches the page, and the last status would keep saying
   * "connected" over a board that is no longer live. So the status bar is told the page is offline,
   * with the last known figures; the shell's own status replaces it on reconnecting.
   */
  function reportAway(nextRetryAt: number): void {
    if (lastStatus === null) return
    lostAt ??= Date.now()
    const connection = {
      ...lastStatus.connection,
      state: 'offline' as const,
      since: lostAt,
      attempt: failures,
      nextRetryAt,
      error: `the display shell is not answering (${url}); the board may be out of date`,
    }
    deliver({ type: 'status', status: { ...lastStatus, connection } })
  }

  function connect(): void {
    if (closed || refused || socket !== null) return
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
    let ws: WebSocket
    try {
      ws = new WebSocket(url)
    } catch (error) {
      console.warn(`bridge: cannot connect to ${url}`, error)
      return lost()
    }
    socket = ws
    ws.addEventListener('open', () => onOpen(ws))
    ws.addEventListener('message', (event) => {
      if (socket === ws) onFrame(event.data)
    })
    // A close always follows an error, and handles it; the listener only says the error is seen.
    ws.addEventListener('error', () => {})
    ws.addEventListener('close', (event) => onClose(ws, event.code))
  }

  function request<N extends KdsRequestName>(name: N, args: unknown[]): Promise<KdsResult<N>> {
    if (closed) return Promise.reject(new Error('the bridge to the display shell is closed'))
    if (refused) return Promise.reject(new Error('this screen is not paired with the hub'))
    return new Promise<KdsResult<N>>((resolve, reject) => {
      const id = nextId++
      const timer = setTimeout(
        () => entry.fail(new Error(`${name}: the display shell did not answer`)),
        REQUEST_TIMEOUT_MS,
      )
      const forget = () => {
        clearTimeout(timer)
        pending.delete(id)
      }
      const entry: Pending = {
        frame: JSON.stringify({ id, name, args }),
        sent: false,
        settle(response) {
          forget()
          if (!response.ok) return reject(new Error(response.error))
          const parsed = parseResult(name, response.result)
          if (parsed.ok) resolve(parsed.value)
          else reject(new Error(parsed.reason))
        },
        fail(error) {
          forget()
          reject(error)
        },
      }
      pending.set(id, entry)
      // A request while the shell is away tries at once rather than waiting out the backoff.
      if (socket === null) return connect()
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(entry.frame)
        entry.sent = true
      }
    })
  }

  const status = () =>
    request('status', []).then((answer) => {
      lastStatus = answer
      return answer
    })

  const api = kdsApiOver(request, (listener) => {
    listeners.add(listener)
    connect()
    return () => listeners.delete(listener)
  })
  if (options.probeMs !== undefined && options.probeMs > 0) {
    probeTimer = setInterval(probe, Math.max(10, options.probeMs / 4))
  }
  return {
    ...api,
    status,
    close() {
      closed = true
      if (retryTimer !== null) clearTimeout(retryTimer)
      if (probeTimer !== null) clearInterval(probeTimer)
      const ws = socket
      if (ws === null) return
      onClose(ws)
      ws.close(1000, 'the page is closing the bridge')
    },
  }
}
