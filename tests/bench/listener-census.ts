// Counts every listener in this process: on Node's EventEmitters (sockets, ws, the core's own
// emitters) and on socket.io-client's emitters (@socket.io/component-emitter, which is not a
// Node EventEmitter). Adding a listener registers its emitter weakly; a census walks the emitters
// still alive and asks each how many listeners it holds. Import this module before any other, so
// it sees every emitter from the start.
import { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'

/** What a census found. */
export interface Census {
  /** Listeners on live emitters. */
  listeners: number
  /** Live emitters with at least one listener. */
  emitters: number
  /** Of which socket.io-client's (its sockets, managers, engines, transports). */
  socketIoListeners: number
  /** Listeners by the emitter's class name. */
  byKind: Record<string, number>
  /** libuv handles and requests keeping the process alive, by type. */
  handles: Record<string, number>
}

type Method = (this: object, ...args: unknown[]) => unknown

const tracked: WeakRef<object>[] = []
const known = new WeakSet<object>()
let prunedAt = 0

function track(target: object): void {
  if (known.has(target)) return
  known.add(target)
  tracked.push(new WeakRef(target))
  // Forget the dead now and then, so the census itself does not grow with every reconnect.
  if (tracked.length > 2 * prunedAt + 1_000) {
    const alive = tracked.filter((ref) => ref.deref() !== undefined)
    tracked.length = 0
    tracked.push(...alive)
    prunedAt = tracked.length
  }
}

function wrap(prototype: object, names: readonly string[]): void {
  for (const name of names) {
    const original: unknown = Reflect.get(prototype, name)
    if (typeof original !== 'function') continue
    const method = original as Method
    const wrapped: Method = function (this: object, ...args: unknown[]) {
      track(this)
      return method.apply(this, args)
    }
    Reflect.set(prototype, name, wrapped)
  }
}

// socket.io-client and engine.io-client resolve this package to the same CommonJS module.
const componentEmitter: unknown = createRequire(import.meta.url)('@socket.io/component-emitter')
const emitterPrototype: unknown = Reflect.get(
  Reflect.get(Object(componentEmitter), 'Emitter') ?? {},
  'prototype',
)

wrap(EventEmitter.prototype, [
  'on',
  'addListener',
  'prependListener',
  'once',
  'prependOnceListener',
])
if (typeof emitterPrototype === 'object' && emitterPrototype !== null) {
  wrap(emitterPrototype, ['on', 'addEventListener', 'once'])
}

/** Listeners held by a socket.io-client emitter: arrays in its `_callbacks`, by event. */
function componentListeners(target: object): number {
  const callbacks: unknown = Reflect.get(target, '_callbacks')
  if (typeof callbacks !== 'object' || callbacks === null) return 0
  let count = 0
  for (const list of Object.values(callbacks)) if (Array.isArray(list)) count += list.length
  return count
}

/** Counts the listeners now; call after a forced GC, so that dead emitters are gone. */
export function census(): Census {
  let listeners = 0
  let emitters = 0
  let socketIoListeners = 0
  const byKind: Record<string, number> = {}
  for (const ref of tracked) {
    const target = ref.deref()
    if (target === undefined) continue
    let count: number
    if (target instanceof EventEmitter) {
      count = target.eventNames().reduce((sum, name) => sum + target.listenerCount(name), 0)
    } else {
      count = componentListeners(target)
      socketIoListeners += count
    }
    listeners += count
    if (count > 0) emitters += 1
    const kind = target.constructor.name || 'anonymous'
    if (count > 0) byKind[kind] = (byKind[kind] ?? 0) + count
  }
  const handles: Record<string, number> = {}
  for (const type of process.getActiveResourcesInfo()) handles[type] = (handles[type] ?? 0) + 1
  return { listeners, emitters, socketIoListeners, byKind, handles }
}
