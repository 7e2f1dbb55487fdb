// The HTTP API, on the same port as Socket.IO: create orders, change their condition, list them.
// Writes want an ADMIN's `Authorization: Bearer` token. Reads of orders are open to any known
// user and show what the socket would have sent them (displays resync from it after a gap);
// every body and query is parsed with zod before use, and every error is `{ error, message }`.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { parseWith, type Parsed } from '../common/protocol/parse'
import { IdSchema, type Order } from '../common/protocol/schemas'
import { bearerToken } from './auth'
import { HttpError, parseJsonBody, readBody, sendError, sendJson } from './http-util'
import type { Logger } from './logger'
import type { MenuItem } from './menu'
import { ConditionPatchSchema, OrderDraftSchema, type OrderDraft } from './order-draft'
import type { OrderStore } from './order-store'
import { receivesOrder } from './routing'
import type { User, UserDirectory } from './users'

/** The API's prefix; Socket.IO keeps SOCKET_PATH. */
export const API_BASE = '/api'
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024

export interface HttpApiDeps {
  users: UserDirectory
  store: OrderStore
  menu: readonly MenuItem[]
  logger: Logger
  createOrder(draft: OrderDraft): Parsed<Order>
  updateCondition(id: string, condition: string): Order | undefined
  maxBodyBytes?: number
  /**
   * Users (by id) who may change a condition without being ADMIN: a kitchen display's WATCHER
   * telling the backend it bumped an order. Nothing else of the API opens to them.
   */
  conditionWriters?: ReadonlySet<string>
}

const ListQuerySchema = z.strictObject({
  since: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
})

interface Request {
  url: URL
  id: string
  user: User
  body: () => Promise<unknown>
}
interface Answer {
  status: number
  body: unknown
  headers?: Record<string, string>
}
type Handler = (request: Request) => Promise<Answer> | Answer
/** A path's handlers by HTTP method. */
type Route = ReadonlyMap<string, Handler>

const badRequest = (message: string) => new HttpError(400, 'BadRequest', message)
const notFound = (message: string) => new HttpError(404, 'NotFound', message)

/** Parses `value` with `schema` or throws a 400 that says what is wrong. */
function parsed<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = parseWith(schema, value)
  if (!result.ok) throw badRequest(`${what}: ${result.reason}`)
  return result.value
}

/** The user behind the request's bearer token, or a 401. */
function authenticate(req: IncomingMessage, users: UserDirectory): User {
  const challenge = { 'www-authenticate': 'Bearer realm="kitchen-display"' }
  const token = bearerToken(req.headers.authorization)
  if (token === undefined) {
    throw new HttpError(
      401,
      'Unauthorized',
      'send an ADMIN token: Authorization: Bearer <token>',
      challenge,
    )
  }
  const user = users.byToken(token)
  if (user === undefined) throw new HttpError(401, 'Unauthorized', 'unknown token', challenge)
  return user
}

/** A 403 unless `user` is an ADMIN. */
function requireAdmin(user: User): User {
  if (user.role !== 'ADMIN') {
    throw new HttpError(
      403,
      'Forbidden',
      `this API is for ADMIN users; this token is a ${user.role}`,
    )
  }
  return user
}

/** A 403 unless `user` is an ADMIN or one of the condition writers. */
function requireConditionWriter(user: User, writers: ReadonlySet<string>): User {
  if (user.role === 'ADMIN' || writers.has(user.id)) return user
  throw new HttpError(
    403,
    'Forbidden',
    `changing a condition is for ADMIN users and the --condition-writers; this token is a ${user.role}`,
  )
}

/** Builds the request listener of the admin API. */
export function createHttpApi(
  deps: HttpApiDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { store, users, logger } = deps
  const limit = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES

  /** The order, if `user` may see it: the same rule as the socket's. */
  const findOrder = (id: string, user: User): Order => {
    const order = store.get(id)
    if (order === undefined || !receivesOrder(user, order.clientId)) {
      throw notFound(`no order with _id "${id}"`)
    }
    return order
  }

  const orders: Route = new Map<string, Handler>([
    [
      'GET',
      ({ url, user }) => {
        const query = parsed(ListQuerySchema, Object.fromEntries(url.searchParams), 'query')
        const visible = store.list(query).filter((o) => receivesOrder(user, o.clientId))
        return { status: 200, body: visible }
      },
    ],
    [
      'POST',
      async ({ body, user }) => {
        requireAdmin(user)
        const created = deps.createOrder(parsed(OrderDraftSchema, await body(), 'body'))
        if (!created.ok) throw badRequest(`body: ${created.reason}`)
        const location = `${API_BASE}/orders/${created.value._id}`
        return { status: 201, body: created.value, headers: { location } }
      },
    ],
  ])
  const order: Route = new Map<string, Handler>([
    ['GET', ({ id, user }) => ({ status: 200, body: findOrder(id, user) })],
    [
      'PATCH',
      async ({ id, body, user }) => {
        findOrder(id, requireConditionWriter(user, deps.conditionWriters ?? new Set()))
        const { condition } = parsed(ConditionPatchSchema, await body(), 'body')
        const updated = deps.updateCondition(id, condition)
        if (updated === undefined) throw notFound(`no order with _id "${id}"`)
        return { status: 200, body: updated }
      },
    ],
  ])
  const menu: Route = new Map<string, Handler>([
    ['GET', ({ user }) => (requireAdmin(user), { status: 200, body: deps.menu })],
  ])

  /** Finds the route for a path, with the order id when the path names one. */
  function route(path: string): { route: Route; id: string } | undefined {
    if (path === `${API_BASE}/orders`) return { route: orders, id: '' }
    if (path === `${API_BASE}/menu`) return { route: menu, id: '' }
    const match = /^\/api\/orders\/([^/]+)$/.exec(path)
    if (match?.[1] === undefined) return undefined
    const id = match[1]
    if (!IdSchema.safeParse(id).success) throw notFound(`no order with _id "${id}"`)
    return { route: order, id }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const found = route(url.pathname)
    if (found === undefined) throw notFound(`no route ${req.method ?? ''} ${url.pathname}`)
    const method = req.method ?? 'GET'
    const handler = found.route.get(method)
    if (handler === undefined) {
      const allow = [...found.route.keys()].join(', ')
      throw new HttpError(405, 'MethodNotAllowed', `${method} is not allowed here; use ${allow}`, {
        allow,
      })
    }
    const user = authenticate(req, users)
    const body = async () => parseJsonBody(await readBody(req, limit))
    const answer = await handler({ url, id: found.id, user, body })
    sendJson(res, answer.status, answer.body, answer.headers)
    logger.info('http', { method, path: url.pathname, status: answer.status, user: user.id })
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const known =
        error instanceof HttpError
          ? error
          : new HttpError(500, 'InternalError', 'the server failed; see its log')
      if (!(error instanceof HttpError))
        logger.error('http handler failed', { error: String(error) })
      if (res.headersSent) return void res.destroy()
      sendError(res, known)
    })
  }
}
