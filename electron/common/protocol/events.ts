// The Socket.IO events the backend sends, named once and typed once, for the core and the server.
import type { AuthorizationError, Order, OrderCondition } from './schemas'
import { AuthorizationErrorSchema, OrderConditionSchema, OrderSchema } from './schemas'
import { parseWith, type Parsed } from './parse'

/** Connection options the spec makes mandatory. */
export const SOCKET_PATH = '/ws'
export const SOCKET_TRANSPORTS = ['websocket'] as const

/** Server → client events, with their payloads, as the server emits them. */
export interface ServerToClientEvents {
  'authorization:ok': () => void
  'authorization:error': (payload: AuthorizationError) => void
  'order:new': (order: Order) => void
  'order:condition': (change: OrderCondition) => void
}

/** The client sends nothing; the spec is receive-only. */
export type ClientToServerEvents = Record<string, never>

/**
 * The same events as a client must see them: every argument untrusted until parsed.
 * Derived from ServerToClientEvents so the two cannot drift apart.
 */
export type UntrustedServerEvents = {
  [E in keyof ServerToClientEvents]: (...args: unknown[]) => void
}

export type ServerEventName = keyof ServerToClientEvents

/** The exact authorization error the spec shows. */
export const UNAUTHORIZED: AuthorizationError = {
  message: 'Вы не авторизованы',
  code: 2000,
  error: 'UserAuthorizationError',
}

/** Parses the payload of an `order:new`. */
export const parseOrder = (value: unknown): Parsed<Order> => parseWith(OrderSchema, value)

/** Parses the payload of an `order:condition`. */
export const parseOrderCondition = (value: unknown): Parsed<OrderCondition> =>
  parseWith(OrderConditionSchema, value)

/** Parses the payload of an `authorization:error`. */
export const parseAuthorizationError = (value: unknown): Parsed<AuthorizationError> =>
  parseWith(AuthorizationErrorSchema, value)
