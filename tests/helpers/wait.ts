// Waiting helpers for tests that watch real sockets: they poll or listen, with a deadline.
import type { EventEmitter } from 'node:events'

/** Resolves once `check` returns true; rejects with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Resolves with the first `name` event whose arguments satisfy `match`. */
export function nextEvent<T>(
  emitter: EventEmitter,
  name: string,
  match: (value: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(name, listener)
      reject(new Error(`timed out waiting for "${name}"`))
    }, timeoutMs)
    const listener = (value: T) => {
      if (!match(value)) return
      clearTimeout(timer)
      emitter.off(name, listener)
      resolve(value)
    }
    emitter.on(name, listener)
  })
}
