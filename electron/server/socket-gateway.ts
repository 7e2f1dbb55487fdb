// The Socket.IO side: checks each connection's token, answers `authorization:ok` or
// `authorization:error` (then hangs up), and puts authorized sockets in the rooms that routing.ts
// names, so an order's events reach exactly the users who may see them.
import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import type { Order } from '../common/protocol/schemas'
import {
  SOCKET_PATH,
  SOCKET_TRANSPORTS,
  UNAUTHORIZED,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../common/protocol/events'
import { handshakeToken } from './auth'
import type { Logger } from './logger'
import { roomsForOrder, roomsForUser } from './routing'
import type { User, UserDirectory } from './users'

/** What the server remembers about an authorized socket. */
export interface SocketData {
  user: User
}

export type KdsIoServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>

/** Sends order events to the sockets that may see them. */
export interface SocketGateway {
  io: KdsIoServer
  /** Emits `order:new` to the order's recipients. */
  publishNew(order: Order): void
  /** Emits `order:condition` to the recipients of the order placed by `clientId`. */
  publishCondition(order: Pick<Order, '_id' | 'condition' | 'clientId'>): void
}

/**
 * Attaches Socket.IO on SOCKET_PATH, websocket only, to `httpServer`. With `recoverySeconds`,
 * Socket.IO's connection state recovery is on for that long a disconnection.
 */
export function attachSocketGateway(
  httpServer: HttpServer,
  users: UserDirectory,
  logger: Logger,
  recoverySeconds: number | null = null,
): SocketGateway {
  const io: KdsIoServer = new Server(httpServer, {
    path: SOCKET_PATH,
    transports: [...SOCKET_TRANSPORTS],
    serveClient: false,
    // Clients send nothing (the spec is receive-only), so nothing large should ever arrive.
    maxHttpBufferSize: 16 * 1024,
    // Off unless asked for: with it on, Socket.IO appends the packet's offset as a last argument
    // to every event, which the spec does not have. With it on, a display that drops off for a
    // while gets what it missed replayed and learns (socket.recovered) whether that was possible.
    ...(recoverySeconds === null
      ? {}
      : { connectionStateRecovery: { maxDisconnectionDuration: recoverySeconds * 1_000 } }),
  })

  io.on('connection', (socket) => {
    const user = users.byToken(handshakeToken(socket.handshake))
    if (user === undefined) {
      logger.warn('socket refused: unknown token', { address: socket.handshake.address })
      socket.emit('authorization:error', UNAUTHORIZED)
      // Engine.IO flushes the buffered event before it closes the transport.
      socket.disconnect(true)
      return
    }
    socket.data.user = user
    // Join before saying ok: a client that has seen `authorization:ok` must not miss an order.
    void socket.join(roomsForUser(user))
    socket.emit('authorization:ok')
    logger.info('socket authorized', { user: user.id, role: user.role })
    socket.on('disconnect', (reason) => {
      logger.info('socket gone', { user: user.id, reason })
    })
  })

  return {
    io,
    publishNew: (order) => io.to(roomsForOrder(order.clientId)).emit('order:new', order),
    publishCondition: ({ _id, condition, clientId }) =>
      io.to(roomsForOrder(clientId)).emit('order:condition', { _id, condition }),
  }
}
