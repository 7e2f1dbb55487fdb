// Screen roles: what a screen shows, and so what the hub sends it. Station and expo screens never
// receive the customer's phone or address: the hub cuts them out before anything leaves it.
import { z } from 'zod'
import type { BoardEvent, BoardOrder } from './board'
import type { CardOrder } from './card-order'
import { StationIdSchema } from './stations'

const WHOLE_ROLES = ['kitchen', 'dispatch', 'expo'] as const

export const ScreenRoleSchema = z.union([
  z.enum(WHOLE_ROLES),
  z.templateLiteral(['station:', StationIdSchema]),
])
export type ScreenRole = z.infer<typeof ScreenRoleSchema>

/** The role a screen's text names (`?screen=`, the managed `view`), or null with no valid role. */
export function parseScreenRole(text: string | null | undefined): ScreenRole | null {
  if (text === null || text === undefined) return null
  const parsed = ScreenRoleSchema.safeParse(text.trim())
  return parsed.success ? parsed.data : null
}

/** The station of a `station:<id>` role, else null. */
export const stationOfRole = (role: ScreenRole): string | null =>
  role.startsWith('station:') ? role.slice('station:'.length) : null

/** Whether a role receives the customer's phone and address. */
export const seesCustomer = (role: ScreenRole): boolean => role === 'kitchen' || role === 'dispatch'

/** The order without what `role` may not receive: removed from the payload, not blanked. */
export function cutOrderForRole(order: CardOrder, role: ScreenRole): CardOrder {
  if (seesCustomer(role)) return order
  const cut: CardOrder = { ...order }
  delete cut.phone
  delete cut.address
  return cut
}

/** A board entry as `role` receives it. */
export function cutForRole(entry: BoardOrder, role: ScreenRole): BoardOrder {
  if (seesCustomer(role) || entry.order === null) return entry
  return { ...entry, order: cutOrderForRole(entry.order, role) }
}

/** A board event as `role` receives it (only `order:new` carries the customer). */
export function cutEventForRole(event: BoardEvent, role: ScreenRole): BoardEvent {
  if (event.type !== 'order:new' || seesCustomer(role)) return event
  return { ...event, order: cutOrderForRole(event.order, role) }
}
