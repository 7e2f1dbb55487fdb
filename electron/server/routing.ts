// Who receives an order's events. The spec: "for users with the role ADMIN and WATCHER, and for the
// creator of the order". The rule is a pure function; the gateway turns it into Socket.IO rooms.
import type { Role } from './users'

/** The roles that see every order. */
export const ALL_ORDERS_ROLES: readonly Role[] = ['ADMIN', 'WATCHER']

/** The room every socket of a role joins. */
export const roleRoom = (role: Role): string => `role:${role}`

/** The room every socket of one user joins. */
export const userRoom = (userId: string): string => `user:${userId}`

/** Whether a user receives `order:new` and `order:condition` of an order placed by `clientId`. */
export const receivesOrder = (user: { id: string; role: Role }, clientId: string): boolean =>
  ALL_ORDERS_ROLES.includes(user.role) || user.id === clientId

/** The rooms an authorized socket joins. */
export function roomsForUser(user: { id: string; role: Role }): string[] {
  const rooms = [userRoom(user.id)]
  if (ALL_ORDERS_ROLES.includes(user.role)) rooms.push(roleRoom(user.role))
  return rooms
}

/** The rooms an order's events go to; a socket in several of them still gets each event once. */
export const roomsForOrder = (clientId: string): string[] => [
  ...ALL_ORDERS_ROLES.map(roleRoom),
  userRoom(clientId),
]
