// The core's pushes as the bridge sends them: every message of one tick of the event loop (a rush
// of events read from the backend at once) goes to each screen as one frame, encoded once per kind
// of screen and sent as the same bytes to all of that kind. A screen then parses, applies and draws
// a rush once, not once per event, and ten screens cost the hub one encoding, not ten.
import type { KdsMessage } from '../common/kds-api'
import { messagesFrame } from '../common/bridge-frames'
import type { Connection } from './connections'
import { cutClass, cutMessage } from './connection-handlers'

/** Where a batch goes: the screens connected at the time it is sent. */
export interface PushTarget<Socket> {
  connections(): Iterable<[Socket, Connection]>
  send(socket: Socket, data: Buffer): void
}

/** Collects pushes and sends them at the end of the tick; `flush` sends what waits at once. */
export interface PushBatch {
  push(message: KdsMessage): void
  /** Sends what waits now: before an answer, so a page never hears of a change after its reply. */
  flush(): void
  /** Drops what waits and stops. */
  close(): void
}

/** The UTF-8 JSON of the frame carrying `messages` as `connection` is sent them. */
function encodeFor(messages: readonly KdsMessage[], connection: Connection): Buffer {
  const cut = messages.map((message) => cutMessage(message, connection))
  return Buffer.from(JSON.stringify(messagesFrame(cut)))
}

/** Batches pushes for `target`; `schedule` runs the flush later (default: setImmediate). */
export function createPushBatch<Socket>(
  target: PushTarget<Socket>,
  schedule: (flush: () => void) => void = (flush) => void setImmediate(flush),
): PushBatch {
  let waiting: KdsMessage[] = []
  let closed = false

  function flush(): void {
    if (waiting.length === 0) return
    const messages = waiting
    waiting = []
    const encoded = new Map<string, Buffer>()
    for (const [socket, connection] of target.connections()) {
      const key = cutClass(connection)
      let data = encoded.get(key)
      if (data === undefined) {
        data = encodeFor(messages, connection)
        encoded.set(key, data)
      }
      target.send(socket, data)
    }
  }

  return {
    push(message) {
      if (closed) return
      if (waiting.length === 0) schedule(flush)
      waiting.push(message)
    },
    flush,
    close() {
      closed = true
      waiting = []
    },
  }
}
