// What socket.io-client knows but does not type: read from its internals defensively, as unknown.
//
// The Date header of the WebSocket handshake is the backend's clock as soon as we connect, before
// any order arrives. socket.io-client does not expose the upgrade answer; in Node its transport
// is a `ws` WebSocket, which emits it as `upgrade`. Where that is not there (another transport,
// another version), nothing is read and the estimate waits for orders and resyncs.
import type { Socket } from 'socket.io-client'

/** A property of an unknown value, if it is an object that has it. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined
}

interface UpgradeSource {
  once(event: 'upgrade', listener: (response: unknown) => void): unknown
}

const isUpgradeSource = (value: unknown): value is UpgradeSource =>
  typeof field(value, 'once') === 'function'

/**
 * Calls `listener` with the handshake answer's Date header (or null) once the socket that
 * `socket.connect()` just began is upgraded. Must be called right after connect().
 */
export function onHandshakeDate(socket: Socket, listener: (date: string | null) => void): void {
  const ws = field(field(field(socket.io, 'engine'), 'transport'), 'ws')
  if (!isUpgradeSource(ws)) return
  ws.once('upgrade', (response) => {
    const date = field(field(response, 'headers'), 'date')
    listener(typeof date === 'string' ? date : null)
  })
}

/** Whether socket.io-client's disconnect details say `ws` refused a message over maxPayload. */
export function isTooLarge(details: unknown): boolean {
  const error = field(field(details, 'description'), 'error')
  return field(error, 'code') === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
}
