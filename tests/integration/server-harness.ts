// Shared by the server-*.test.ts files: a reference server on 127.0.0.1, port 0, and real
// socket.io-client connections to it. Waits have timeouts only so a failure ends; nothing here
// asserts on wall-clock time.
import { createServer as createHttpServer } from 'node:http'
import { io, type Socket } from 'socket.io-client'
import {
  SOCKET_PATH,
  SOCKET_TRANSPORTS,
  type ServerToClientEvents,
} from '../../electron/common/protocol/events'
import {
  createServer,
  type ServerDeps,
  type ServerHandle,
} from '../../electron/server/create-server'
import { listen } from '../../electron/server/listen'
import { seededRandom } from '../../electron/server/random'

export type ClientSocket = Socket<ServerToClientEvents>

/** A received event, with exactly the arguments it carried. */
export interface Received {
  event: string
  args: unknown[]
}

/** Every event a socket received, in arrival order, with a way to wait for one. */
export class Inbox {
  readonly items: Received[] = []
  readonly #waiters = new Set<() => void>()

  push(item: Received): void {
    this.items.push(item)
    for (const waiter of [...this.#waiters]) waiter()
  }

  /** The event names, in order. */
  names(): string[] {
    return this.items.map((item) => item.event)
  }

  /** Resolves with the first event `match` accepts, now or later; the timeout only ends a failure. */
  waitFor(match: (item: Received) => boolean, what: string, timeoutMs = 5_000): Promise<Received> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.items.find(match)
        if (found === undefined) return
        this.#waiters.delete(check)
        clearTimeout(timeout)
        resolve(found)
      }
      const timeout = setTimeout(() => {
        this.#waiters.delete(check)
        reject(new Error(`timed out waiting for ${what}; got ${this.names().join(', ')}`))
      }, timeoutMs)
      this.#waiters.add(check)
      check()
    })
  }
}

export interface TestServer {
  handle: ServerHandle
  url: string
  close(): Promise<void>
}

const cleanups: (() => Promise<void> | void)[] = []

/** Runs and forgets every cleanup registered since the last call; for afterEach. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
}

/** Starts a server with a seeded random source and a silent logger, closed by cleanUp(). */
export async function startServer(deps: ServerDeps = {}): Promise<TestServer> {
  const http = createHttpServer()
  const handle = createServer(http, { random: seededRandom(1), ...deps })
  const { port } = await listen(http, 0, '127.0.0.1')
  const server = { handle, url: `http://127.0.0.1:${port}`, close: () => handle.close() }
  cleanups.push(server.close)
  return server
}

/** Connects like the display does; the token goes in `auth`, in the header, or nowhere. */
export function connect(
  url: string,
  token: { auth?: string; header?: string } = {},
): { socket: ClientSocket; inbox: Inbox } {
  const socket: ClientSocket = io(url, {
    path: SOCKET_PATH,
    transports: [...SOCKET_TRANSPORTS],
    reconnection: false,
    forceNew: true,
    ...(token.auth === undefined ? {} : { auth: { token: token.auth } }),
    ...(token.header === undefined
      ? {}
      : { extraHeaders: { Authorization: `Bearer ${token.header}` } }),
  })
  const inbox = new Inbox()
  socket.onAny((event: string, ...args: unknown[]) => inbox.push({ event, args }))
  cleanups.push(() => void socket.disconnect())
  return { socket, inbox }
}

/** Connects and waits for `authorization:ok`; fails on `authorization:error`. */
export async function connectAs(
  url: string,
  token: string,
): Promise<{ socket: ClientSocket; inbox: Inbox }> {
  const client = connect(url, { auth: token })
  await new Promise<void>((resolve, reject) => {
    client.socket.once('authorization:ok', resolve)
    client.socket.once('authorization:error', (error) =>
      reject(new Error(`refused: ${JSON.stringify(error)}`)),
    )
    client.socket.once('connect_error', reject)
  })
  return client
}

/** The `_id` of an event's payload, if it has one. */
export const idOf = (item: Received): unknown => {
  const [payload] = item.args
  return typeof payload === 'object' && payload !== null && '_id' in payload
    ? payload._id
    : undefined
}

/** Calls the admin API; `body` is sent as JSON unless it is already a string. */
export async function api(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body)
  const response = await fetch(`${url}${path}`, { method, headers, body })
  const text = await response.text()
  return {
    status: response.status,
    json: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers,
  }
}
