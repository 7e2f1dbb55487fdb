import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { UNAUTHORIZED } from '../../electron/common/protocol/events'
import { OrderSchema } from '../../electron/common/protocol/schemas'
import { DEMO_USERS, type User } from '../../electron/server/users'
import {
  api,
  cleanUp,
  connect,
  connectAs,
  idOf,
  startServer,
  type ClientSocket,
} from './server-harness'

afterEach(cleanUp)

const CLIENT_ID = '4920737570657261646d696e'
const OTHER_USER: User = { id: '5f00000000000000000000aa', token: 'other-client', role: 'USER' }
const specError: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/authorization-error.json', import.meta.url), 'utf8'),
)

const disconnected = (socket: ClientSocket) =>
  new Promise<string>((resolve) => {
    if (socket.disconnected && !socket.active) resolve('already')
    socket.once('disconnect', (reason) => resolve(reason))
  })

describe('socket authorization', () => {
  it('says authorization:ok, without payload, for a token in auth.token', async () => {
    const { url } = await startServer()
    const { inbox } = connect(url, { auth: 'demo-watcher' })
    const ok = await inbox.waitFor((item) => item.event === 'authorization:ok', 'ok')
    expect(ok.args).toEqual([])
    expect(inbox.names()).toEqual(['authorization:ok'])
  })

  it('accepts the token from the Authorization header alone', async () => {
    const { url } = await startServer()
    const { inbox } = connect(url, { header: 'demo-admin' })
    await inbox.waitFor((item) => item.event === 'authorization:ok', 'ok')
  })

  it.each([
    ['an unknown token in auth', { auth: 'nobody' }],
    ['an unknown token in the header', { header: 'nobody' }],
    ['no token at all', {}],
  ])('answers %s with exactly UNAUTHORIZED, then disconnects', async (_name, token) => {
    const { url } = await startServer()
    const { socket, inbox } = connect(url, token)
    const gone = disconnected(socket)
    const error = await inbox.waitFor((item) => item.event === 'authorization:error', 'error')
    expect(error.args).toEqual([UNAUTHORIZED])
    expect(error.args[0]).toEqual(specError)
    expect(await gone).toMatch(/io server disconnect|transport close/)
    expect(inbox.names()).toEqual(['authorization:error'])
  })
})

describe('order routing', () => {
  it('sends orders to ADMIN, WATCHER and the client who placed them, and to nobody else', async () => {
    const { url } = await startServer({ users: [...DEMO_USERS, OTHER_USER] })
    const admin = await connectAs(url, 'demo-admin')
    const watcher = await connectAs(url, 'demo-watcher')
    const client = await connectAs(url, 'demo-client')
    const other = await connectAs(url, OTHER_USER.token)
    const stranger = connect(url, { auth: 'stranger' })
    await disconnected(stranger.socket)

    // Someone else's order first, then the client's own: the client's events arrive in order,
    // so once it has its own condition change, anything about the first order would have come.
    const theirs = await api(url, 'POST', '/api/orders', {
      token: 'demo-admin',
      body: { clientId: OTHER_USER.id },
    })
    const mine = await api(url, 'POST', '/api/orders', {
      token: 'demo-admin',
      body: { clientId: CLIENT_ID },
    })
    const theirId = OrderSchema.parse(theirs.json)._id
    const myId = OrderSchema.parse(mine.json)._id
    await api(url, 'PATCH', `/api/orders/${theirId}`, {
      token: 'demo-admin',
      body: { condition: 'ACCEPTED' },
    })
    await api(url, 'PATCH', `/api/orders/${myId}`, {
      token: 'demo-admin',
      body: { condition: 'COOKING' },
    })

    const lastOf = (id: string) => (item: { event: string; args: unknown[] }) =>
      item.event === 'order:condition' && idOf(item) === id
    for (const staff of [admin, watcher]) {
      await staff.inbox.waitFor(lastOf(myId), 'the last condition change')
      expect(staff.inbox.items.slice(1)).toEqual([
        { event: 'order:new', args: [theirs.json] },
        { event: 'order:new', args: [mine.json] },
        { event: 'order:condition', args: [{ _id: theirId, condition: 'ACCEPTED' }] },
        { event: 'order:condition', args: [{ _id: myId, condition: 'COOKING' }] },
      ])
    }
    await client.inbox.waitFor(lastOf(myId), "the client's condition change")
    expect(client.inbox.items).toEqual([
      { event: 'authorization:ok', args: [] },
      { event: 'order:new', args: [mine.json] },
      { event: 'order:condition', args: [{ _id: myId, condition: 'COOKING' }] },
    ])
    await other.inbox.waitFor(lastOf(theirId), "the other client's condition change")
    expect(other.inbox.items).toEqual([
      { event: 'authorization:ok', args: [] },
      { event: 'order:new', args: [theirs.json] },
      { event: 'order:condition', args: [{ _id: theirId, condition: 'ACCEPTED' }] },
    ])
    expect(stranger.inbox.names()).toEqual(['authorization:error'])
  })

  it('sends each event once to a socket that is in several of its rooms', async () => {
    // An ADMIN who is also the order's client is in role:ADMIN and in user:<id>.
    const selfAdmin: User = { id: '5f00000000000000000000bb', token: 'self-admin', role: 'ADMIN' }
    const { url, handle } = await startServer({ users: [selfAdmin] })
    const admin = await connectAs(url, selfAdmin.token)
    const created = handle.createOrder({ clientId: selfAdmin.id })
    if (!created.ok) throw new Error(created.reason)
    handle.updateCondition(created.value._id, 'ACCEPTED')
    handle.updateCondition(created.value._id, 'COOKING')
    await admin.inbox.waitFor(
      (item) => item.event === 'order:condition' && JSON.stringify(item.args).includes('COOKING'),
      'COOKING',
    )
    expect(admin.inbox.names()).toEqual([
      'authorization:ok',
      'order:new',
      'order:condition',
      'order:condition',
    ])
  })
})

describe('connection state recovery', () => {
  /** Connects, makes an order and moves it; answers what arrived and the order's id. */
  async function exchange(recoverySeconds?: number) {
    const server = await startServer({ recoverySeconds })
    const { inbox } = await connectAs(server.url, 'demo-watcher')
    const made = server.handle.createOrder({ clientId: CLIENT_ID })
    if (!made.ok) throw new Error(made.reason)
    server.handle.updateCondition(made.value._id, 'COOKING')
    await inbox.waitFor((item) => item.event === 'order:condition', 'order:condition')
    return { items: inbox.items, id: made.value._id }
  }
  const arities = (items: { event: string; args: unknown[] }[]) =>
    items.map((item) => [item.event, item.args.length])

  it('is off by default: every event carries exactly the arguments of the spec', async () => {
    const { items } = await exchange()
    expect(arities(items)).toEqual([
      ['authorization:ok', 0],
      ['order:new', 1],
      ['order:condition', 1],
    ])
  })

  it('with recoverySeconds, appends the packet offset to every event, as documented', async () => {
    const { items, id } = await exchange(60)
    expect(arities(items)).toEqual([
      ['authorization:ok', 1],
      ['order:new', 2],
      ['order:condition', 2],
    ])
    for (const item of items) expect(typeof item.args.at(-1)).toBe('string')
    expect(items[2]?.args[0]).toEqual({ _id: id, condition: 'COOKING' })
  })
})
