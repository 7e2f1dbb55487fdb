// OrderFeed: the one authenticated Socket.IO connection to the backend. It owns the connection
// state machine and turns every valid payload into a BoardChange; invalid ones are counted and
// logged, and go no further.
import { EventEmitter } from 'node:events'
import { io, type Socket } from 'socket.io-client'
import type { FeedChange } from '../common/board'
import type { ConnectionState, ConnectionStatus } from '../common/status'
import {
  parseAuthorizationError,
  parseOrder,
  parseOrderCondition,
  SOCKET_PATH,
  SOCKET_TRANSPORTS,
  type ServerEventName,
  type UntrustedServerEvents,
} from '../common/protocol/events'
import { z } from 'zod'
import { BackendClock } from './backend-clock'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import { isTooLarge, onHandshakeDate } from './socket-internals'
import { consoleLogger, type Logger } from './logger'

/** Where the connection stands, for the status bar and /health. */
export type FeedStatus = ConnectionStatus

/** Counters of what arrived. */
export interface FeedStats {
  received: number
  invalid: number
  lastEventAt: number | null
}

/** A payload that failed to parse. */
export interface InvalidPayload {
  event: string
  reason: string
  at: number
}

/** How a connection began: recovered by the server, or fresh, with the interval it may have missed. */
export interface FeedSession {
  recovered: boolean
  gap: { from: number; to: number } | null
}

export interface FeedEvents {
  status: [FeedStatus]
  session: [FeedSession]
  change: [FeedChange]
  invalid: [InvalidPayload]
}

export interface OrderFeedOptions {
  url: string
  token: string
  log?: Logger
  now?: () => number
  random?: () => number
  backoff?: BackoffOptions
  /** How long one connection attempt may take before it counts as failed. */
  connectTimeoutMs?: number
  /** A larger WebSocket message closes the connection and is logged (default 1 MiB). */
  maxPayloadBytes?: number
  /** The estimate of the backend's clock this feed keeps up to date (default: its own). */
  clock?: BackendClock
}

/** The backend's time an order:condition may carry beyond the spec's two fields. */
const ConditionTimeSchema = z.object({ updatedAt: z.number().int().nonnegative() })

type UntrustedSocket = Socket<UntrustedServerEvents>

/** The backend connection: start(), stop(), and events `status`, `change`, `invalid`. */
export class OrderFeed extends EventEmitter<FeedEvents> {
  private url: string
  private token: string
  private readonly log: Logger
  private readonly now: () => number
  private readonly random: () => number
  private readonly backoff: BackoffOptions
  private readonly connectTimeoutMs: number
  private readonly maxPayloadBytes: number
  /** When the connection was lost, until the next authorization. */
  private lostAt: number | null = null
  private socket: UntrustedSocket | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private current: FeedStatus
  private readonly counters: FeedStats = { received: 0, invalid: 0, lastEventAt: null }
  /**
   * Whether events now arrive as they happen: from `authorization:ok` on. Socket.IO replays what a
   * recovered session missed before that, late; those must not set the clock.
   */
  private live = false
  /** The backend's clock against this machine's. */
  readonly clock: BackendClock

  constructor(options: OrderFeedOptions) {
    super()
    this.url = options.url
    this.token = options.token
    this.log = options.log ?? consoleLogger
    this.now = options.now ?? Date.now
    this.random = options.random ?? Math.random
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000
    this.maxPayloadBytes = options.maxPayloadBytes ?? 1024 * 1024
    this.clock = options.clock ?? new BackendClock({ wallNow: this.now })
    this.current = this.makeStatus('connecting', { attempt: 0 })
  }

  /** The connection state now. */
  get status(): FeedStatus {
    return this.current
  }

  /** What has arrived so far. */
  get stats(): FeedStats {
    return { ...this.counters }
  }

  /** Connects, unless already running. */
  start(): void {
    if (this.running) return
    this.running = true
    this.connect()
  }

  /** Disconnects and stays disconnected, without further status events. */
  stop(): void {
    this.running = false
    this.closeSocket()
  }

  /** Switches server or token; the only way out of `unauthorized`. */
  configure(settings: { url: string; token: string }): void {
    this.url = settings.url
    this.token = settings.token
    this.closeSocket()
    this.lostAt = null
    this.clock.reset()
    this.current = this.makeStatus('connecting', { attempt: 0 })
    if (this.running) this.connect()
  }

  private connect(): void {
    this.clearRetry()
    this.socket ??= this.createSocket()
    this.setStatus('connecting', {})
    this.live = false
    const sentAt = this.clock.mono()
    this.socket.connect()
    onHandshakeDate(this.socket, (date) => this.clock.httpDate(date, sentAt, this.clock.mono()))
  }

  /**
   * One socket per server and token, reused across retries: socket.io-client keeps the session id
   * and the offset of the last packet on it, which is what lets the server recover the session.
   */
  private createSocket(): UntrustedSocket {
    const socket: UntrustedSocket = io(this.url, {
      path: SOCKET_PATH,
      transports: [...SOCKET_TRANSPORTS],
      auth: { token: this.token },
      extraHeaders: { Authorization: `Bearer ${this.token}` },
      // Retries are ours: capped backoff with jitter, visible attempt count, and none after a "no".
      reconnection: false,
      autoConnect: false,
      forceNew: true,
      timeout: this.connectTimeoutMs,
      // engine.io-client hands this to the `ws` WebSocket in Node; its types do not list it.
      ...({ maxPayload: this.maxPayloadBytes } as object),
    })
    socket.on('connect', () => this.setStatus('authorizing', {}))
    socket.on('connect_error', (error) => this.retry(`cannot connect: ${error.message}`))
    socket.on('disconnect', (reason, details) => this.onDisconnect(reason, details))
    socket.on('authorization:ok', () => this.onAuthorized(socket.recovered))
    socket.on('authorization:error', (payload) => this.onUnauthorized(payload))
    socket.on('order:new', (payload) => this.accept('order:new', payload))
    socket.on('order:condition', (payload) => this.accept('order:condition', payload))
    socket.io.on('ping', () => {
      this.current = { ...this.current, lastPingAt: this.now() }
    })
    return socket
  }

  private onAuthorized(recovered: boolean): void {
    const lostAt = this.lostAt
    this.lostAt = null
    this.live = true
    this.setStatus('connected', { attempt: 0 })
    const gap = !recovered && lostAt !== null ? { from: lostAt, to: this.now() } : null
    if (recovered) this.log.info('session recovered: nothing was missed', { url: this.url })
    else if (gap !== null) this.log.warn('reconnected without recovery: events may be missed', gap)
    this.emit('session', { recovered, gap })
  }

  private onDisconnect(reason: string, details: unknown): void {
    if (isTooLarge(details)) {
      this.reject('message', `a message over ${this.maxPayloadBytes} bytes was cut off`)
    }
    this.lostAt ??= this.now()
    this.live = false
    this.retry(`connection lost: ${reason}`)
  }

  private onUnauthorized(payload: unknown): void {
    const parsed = parseAuthorizationError(payload)
    if (!parsed.ok) this.reject('authorization:error', parsed.reason)
    const message = parsed.ok ? parsed.value.message : 'authorization refused'
    this.log.warn('the server refused the token; not retrying until it changes', {
      url: this.url,
      message,
    })
    this.closeSocket()
    this.setStatus('unauthorized', { error: message })
  }

  private accept(event: Extract<ServerEventName, `order:${string}`>, payload: unknown): void {
    const at = this.now()
    let change: FeedChange
    if (event === 'order:new') {
      const parsed = parseOrder(payload)
      if (!parsed.ok) return this.reject(event, parsed.reason)
      const order = parsed.value
      change = { type: 'order:new', order, at }
      // A replay is late: it says nothing of the clock, and is judged by the estimate as it stands.
      const plausible = this.live
        ? this.clock.liveOrder(order, at)
        : this.clock.plausible(order.createdAt, at)
      if (!plausible) change.agesFromArrival = true
    } else {
      const parsed = parseOrderCondition(payload)
      if (!parsed.ok) return this.reject(event, parsed.reason)
      change = {
        type: 'order:condition',
        id: parsed.value._id,
        condition: parsed.value.condition,
        at,
      }
      const time = ConditionTimeSchema.safeParse(payload)
      if (this.live && time.success) this.clock.liveTime(time.data.updatedAt)
    }
    this.counters.received += 1
    this.counters.lastEventAt = at
    this.emit('change', change)
  }

  private reject(event: string, reason: string): void {
    this.counters.invalid += 1
    this.log.warn('rejected an invalid payload', { event, reason })
    this.emit('invalid', { event, reason, at: this.now() })
  }

  private retry(reason: string): void {
    if (this.socket === null || this.current.state === 'unauthorized') return
    this.clearRetry()
    const attempt = this.current.attempt + 1
    const delay = backoffDelay(attempt, this.backoff, this.random)
    this.log.info('offline; retrying', { url: this.url, reason, attempt, delayMs: delay })
    this.retryTimer = setTimeout(() => this.connect(), delay)
    this.setStatus('offline', { attempt, nextRetryAt: this.now() + delay, error: reason })
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private closeSocket(): void {
    this.clearRetry()
    const socket = this.socket
    this.socket = null
    if (socket === null) return
    socket.removeAllListeners()
    socket.io.removeAllListeners()
    socket.disconnect()
  }

  private makeStatus(state: ConnectionState, change: Partial<FeedStatus>): FeedStatus {
    return {
      state,
      url: this.url,
      attempt: change.attempt ?? this.current.attempt,
      nextRetryAt: change.nextRetryAt ?? null,
      since: this.now(),
      error: change.error ?? null,
      lastPingAt: change.lastPingAt ?? (state === 'connected' ? this.now() : null),
      lostAt: this.lostAt,
    }
  }

  private setStatus(state: ConnectionState, change: Partial<FeedStatus>): void {
    this.current = this.makeStatus(state, change)
    this.emit('status', this.current)
  }
}
