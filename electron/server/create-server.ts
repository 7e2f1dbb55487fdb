// The reference backend in one call: give it a bare http.Server (and, in tests, a clock, a seeded
// random source and a silent logger), listen where you like, and close() it when done.
import type { Server as HttpServer } from 'node:http'
import type { Order } from '../common/protocol/schemas'
import type { Parsed } from '../common/protocol/parse'
import { stampDates } from './date-header'
import { createHttpApi } from './http-api'
import { silentLogger, type Logger } from './logger'
import { DEMO_MENU, type MenuItem } from './menu'
import { createOrderFactory } from './order-factory'
import type { OrderDraft } from './order-draft'
import { OrderStore } from './order-store'
import type { Random } from './random'
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator'
import { attachSocketGateway, type KdsIoServer } from './socket-gateway'
import { DEMO_USERS, UserDirectory, type User } from './users'

/** Everything the server depends on; all optional, with production defaults. */
export interface ServerDeps {
  /** Who may connect (default: the demo users). */
  users?: readonly User[]
  /** The clock, in epoch milliseconds (default: Date.now). */
  now?: () => number
  /** Uniform numbers in [0, 1) for ids and demo data (default: Math.random). */
  random?: Random
  /** Default: silent. */
  logger?: Logger
  /** Default: the demo menu. */
  menu?: readonly MenuItem[]
  /** Start a simulation of incoming orders (default: none). */
  simulator?: SimulatorOptions
  /** Largest accepted HTTP body (default 64 KiB). */
  maxBodyBytes?: number
  /** Orders kept in memory before the oldest are forgotten (default 10,000). */
  storeCapacity?: number
  /** The orders, when they must outlive this server (a restart that keeps the backend's data). */
  store?: OrderStore
  /** The number of the first order (default 1). */
  firstOrderNumber?: number
  /**
   * Turns Socket.IO's connection state recovery on, for disconnections up to this many seconds
   * (default: off). It adds an argument the spec does not have to every event: the packet offset.
   */
  recoverySeconds?: number
  /** Users (by id) who may PATCH a condition without being ADMIN (default: none). */
  conditionWriters?: readonly string[]
}

/** A running reference server. */
export interface ServerHandle {
  io: KdsIoServer
  store: OrderStore
  users: UserDirectory
  menu: readonly MenuItem[]
  simulator: Simulator | null
  /** Creates an order from a draft (`{}` for a random one), stores it and emits `order:new`. */
  createOrder(draft?: OrderDraft): Parsed<Order>
  /** Sets an order's condition and emits `order:condition`; undefined for an unknown id. */
  updateCondition(id: string, condition: string): Order | undefined
  /** Stops the simulator, disconnects every socket and closes the http.Server. Idempotent. */
  close(): Promise<void>
}

// A request still running this long after close() began is cut off, so shutdown cannot hang.
const CLOSE_GRACE_MS = 2_000

/** Attaches the admin API and Socket.IO to a bare `httpServer` (it must have no other handler). */
export function createServer(httpServer: HttpServer, deps: ServerDeps = {}): ServerHandle {
  const now = deps.now ?? Date.now
  const random = deps.random ?? Math.random
  const logger = deps.logger ?? silentLogger
  const menu = deps.menu ?? DEMO_MENU
  const users = new UserDirectory(deps.users ?? DEMO_USERS)
  const store = deps.store ?? new OrderStore(deps.storeCapacity)
  const factory = createOrderFactory({
    menu,
    now,
    random,
    knownClientIds: users
      .all()
      .filter((user) => user.role === 'USER')
      .map((user) => user.id),
    firstNumber: deps.firstOrderNumber,
  })

  // The API listens first: Socket.IO wraps the existing request listeners and passes them
  // everything that is not under its own path.
  const api = createHttpApi({
    users,
    store,
    menu,
    logger,
    maxBodyBytes: deps.maxBodyBytes,
    conditionWriters: new Set(deps.conditionWriters ?? []),
    createOrder,
    updateCondition,
  })
  httpServer.on('request', api)
  const gateway = attachSocketGateway(httpServer, users, logger, deps.recoverySeconds ?? null)
  stampDates(httpServer, gateway.io, now)

  function createOrder(draft: OrderDraft = {}): Parsed<Order> {
    const created = factory.create(draft)
    if (!created.ok) return created
    const order = created.value
    store.add(order)
    gateway.publishNew(order)
    logger.info('order:new', { number: order.number, id: order._id, cost: order.cost })
    return created
  }

  function updateCondition(id: string, condition: string): Order | undefined {
    const order = store.setCondition(id, condition, now())
    if (order === undefined) return undefined
    gateway.publishCondition(order)
    logger.info('order:condition', { number: order.number, id, condition })
    return order
  }

  const simulator =
    deps.simulator === undefined
      ? null
      : startSimulator({
          ...deps.simulator,
          random,
          logger,
          createOrder: () => {
            const created = createOrder()
            return created.ok ? created.value : undefined
          },
          conditionOf: (id) => store.get(id)?.condition,
          updateCondition: (id, condition) => void updateCondition(id, condition),
        })

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      simulator?.stop()
      const grace = setTimeout(() => httpServer.closeAllConnections(), CLOSE_GRACE_MS)
      try {
        await gateway.io.close()
      } finally {
        clearTimeout(grace)
      }
    })()
    return closing
  }

  return {
    io: gateway.io,
    store,
    users,
    menu,
    simulator,
    createOrder,
    updateCondition,
    close,
  }
}
