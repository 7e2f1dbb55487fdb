// OrderFeed: the one authenticated Socket.IO connection to the backend. It owns the connection
// state machine and turns every valid payload into a BoardChange; invalid ones are counted and
// logged, and go no further.
import { EventEmitter } from 'node:events'
import { io, type Socket } from 'socket.io-client'
import type { BoardChange } from '../common/board'
import {
  parseAuthorizationError,
  parseOrder,
  parseOrderCondition,
  SOCKET_PATH,
  SOCKET_TRANSPORTS,
  type ServerEventName,
  type UntrustedServerEvents,
} from '../common/protocol/events'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import { consoleLogger, type Logger } from './logger'

export type ConnectionState =
  'connecting' | 'authorizing' | 'connected' | 'unauthorized' | 'offline'

/** Where the connection stands, for the status bar and /health. */
export interface FeedStatus {
  state: ConnectionState
  url: string
  /** Failed attempts since the last successful authorization. */
  attempt: number
  /** When the next retry starts (ms), while offline. */
  nextRetryAt: number | null
  /** When this state began (ms). */
  since: number
  /** Why the feed is offline or unauthorized, in words. */
  error: string | null
}

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

export interface FeedEvents {
  status: [FeedStatus]
  change: [BoardChange]
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
}

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
  private socket: UntrustedSocket | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private current: FeedStatus
  private readonly counters: FeedStats = { received: 0, invalid: 0, lastEventAt: null }

  constructor(options: OrderFeedOptions) {
    super()
    this.url = options.url
    this.token = options.token
    this.log = options.log ?? consoleLogger
    this.now = options.now ?? Date.now
    this.random = options.random ?? Math.random
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000
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
    this.current = this.makeStatus('connecting', { attempt: 0 })
    if (this.running) this.connect()
  }

  private connect(): void {
    this.closeSocket()
    const socket: UntrustedSocket = io(this.url, {
      path: SOCKET_PATH,
      transports: [...SOCKET_TRANSPORTS],
      auth: { token: this.token },
      extraHeaders: { Authorization: `Bearer ${this.token}` },
      // Retries are ours: capped backoff with jitter, visible attempt count, and none after a "no".
      reconnection: false,
      forceNew: true,
      timeout: this.connectTimeoutMs,
    })
    this.socket = socket
    this.setStatus('connecting', {})
    socket.on('connect', () => this.setStatus('authorizing', {}))
    socket.on('connect_error', (error) => this.retry(`cannot connect: ${error.message}`))
    socket.on('disconnect', (reason) => this.retry(`connection lost: ${reason}`))
    socket.on('authorization:ok', () => this.setStatus('connected', { attempt: 0 }))
    socket.on('authorization:error', (payload) => this.onUnauthorized(payload))
    socket.on('order:new', (payload) => this.accept('order:new', payload))
    socket.on('order:condition', (payload) => this.accept('order:condition', payload))
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
    let change: BoardChange
    if (event === 'order:new') {
      const parsed = parseOrder(payload)
      if (!parsed.ok) return this.reject(event, parsed.reason)
      change = { type: 'order:new', order: parsed.value, at }
    } else {
      const parsed = parseOrderCondition(payload)
      if (!parsed.ok) return this.reject(event, parsed.reason)
      change = {
        type: 'order:condition',
        id: parsed.value._id,
        condition: parsed.value.condition,
        at,
      }
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
    if (this.socket === null) return
    this.closeSocket()
    const attempt = this.current.attempt + 1
    const delay = backoffDelay(attempt, this.backoff, this.random)
    this.log.info('offline; retrying', { url: this.url, reason, attempt, delayMs: delay })
    this.retryTimer = setTimeout(() => this.connect(), delay)
    this.setStatus('offline', { attempt, nextRetryAt: this.now() + delay, error: reason })
  }

  private closeSocket(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
    const socket = this.socket
    this.socket = null
    if (socket === null) return
    socket.removeAllListeners()
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
    }
  }

  private setStatus(state: ConnectionState, change: Partial<FeedStatus>): void {
    this.current = this.makeStatus(state, change)
    this.emit('status', this.current)
  }
}
