import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { OrderSchema, type Order } from '../../electron/common/protocol/schemas'
import { DEMO_MENU } from '../../electron/server/menu'
import { api, cleanUp, connectAs, idOf, startServer } from './server-harness'

afterEach(cleanUp)

const ADMIN = 'demo-admin'
const borschItem = DEMO_MENU.find((item) => item.product.title === 'Борщ')
if (borschItem === undefined) throw new Error('the demo menu has no Борщ')
const borsch = borschItem.product

async function created(url: string, body: unknown = {}): Promise<Order> {
  const answer = await api(url, 'POST', '/api/orders', { token: ADMIN, body })
  expect(answer.status).toBe(201)
  return OrderSchema.parse(answer.json)
}

describe('POST /api/orders', () => {
  it('makes a random order from {} and emits it as order:new', async () => {
    const { url } = await startServer()
    const watcher = await connectAs(url, 'demo-watcher')
    const answer = await api(url, 'POST', '/api/orders', { token: ADMIN, body: {} })
    expect(answer.status).toBe(201)
    const order = OrderSchema.parse(answer.json)
    expect(order).toMatchObject({ number: 1, condition: 'NEW' })
    expect(order._id).toMatch(/^[0-9a-f]{24}$/)
    expect(answer.headers.get('location')).toBe(`/api/orders/${order._id}`)
    const event = await watcher.inbox.waitFor((item) => item.event === 'order:new', 'order:new')
    expect(event.args).toEqual([answer.json])
  })

  it('accepts an empty body as {}', async () => {
    const { url } = await startServer()
    const answer = await api(url, 'POST', '/api/orders', { token: ADMIN })
    expect(answer.status).toBe(201)
  })

  it('builds the order a partial body describes', async () => {
    const { url } = await startServer()
    const order = await created(url, {
      clientId: '4920737570657261646d696e',
      username: 'Евдоким Субботин',
      phone: '+7(900)000-00-00',
      address: 'Москва, ул. Арбат, д. 1, кв. 2',
      additionalInformation: 'Без лука',
      time: null,
      isTestOrder: true,
      products: [{ productId: borsch._id, number: 2 }],
    })
    expect(order).toMatchObject({
      clientId: '4920737570657261646d696e',
      username: 'Евдоким Субботин',
      delivery: true,
      productsSum: 700,
      deliveryCost: 150,
      cost: 850,
      weight: 800,
      discount: null,
      deliveryCalculateManually: false,
      additionalInformation: 'Без лука',
      time: null,
      isTestOrder: true,
      products: [{ cost: 700, weight: 800, number: 2, product: borsch, variant: null }],
    })
  })

  it.each([
    ['bad JSON', '{"products": [', /^the body is not valid JSON/],
    ['an array', '[]', /^body: expected an object, received an array/],
    ['a wrong type', { delivery: 'yes' }, /^body: delivery: /],
    ['an unknown key', { colour: 'red' }, /^body: .*colour/],
    ['a bad line', { products: [{ productId: 'x', number: 0 }] }, /^body: products\[0\]\.number/],
    [
      'an unknown product',
      { products: [{ productId: 'deadbeef', number: 1 }] },
      /^body: products\[0\]\.productId: no product "deadbeef" on the menu/,
    ],
    [
      'an unknown variant',
      { products: [{ productId: borsch._id, variantId: 'v1', number: 1 }] },
      /^body: products\[0\]\.variantId: "Борщ" has no variant "v1"/,
    ],
    ['pickup with an address', { delivery: false, address: 'Москва' }, /^body: address: /],
  ])('answers 400 to %s, saying what is wrong', async (_name, body, message) => {
    const { url, handle } = await startServer()
    const answer = await api(url, 'POST', '/api/orders', { token: ADMIN, body })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({ error: 'BadRequest', message: expect.stringMatching(message) })
    expect(handle.store.size).toBe(0)
  })

  it('answers 413 to a body over the limit, declared or chunked', async () => {
    const { url, handle } = await startServer({ maxBodyBytes: 1_024 })
    const big = JSON.stringify({ additionalInformation: 'щ'.repeat(2_000) })
    const answer = await api(url, 'POST', '/api/orders', { token: ADMIN, body: big })
    expect(answer.status).toBe(413)
    expect(answer.json).toEqual({ error: 'PayloadTooLarge', message: expect.any(String) })

    // No content-length: the reader has to count as the chunks arrive.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'transfer-encoding': 'chunked' },
      })
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      for (let i = 0; i < 4; i += 1) req.write('x'.repeat(512))
      req.end()
    })
    expect(chunked).toBe(413)
    expect(handle.store.size).toBe(0)
  })
})

describe('PATCH /api/orders/:id', () => {
  it('changes the condition and emits order:condition', async () => {
    const { url } = await startServer()
    const watcher = await connectAs(url, 'demo-watcher')
    const order = await created(url)
    const answer = await api(url, 'PATCH', `/api/orders/${order._id}`, {
      token: ADMIN,
      body: { condition: 'COOKING' },
    })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      _id: order._id,
      number: order.number,
      condition: 'COOKING',
    })
    const event = await watcher.inbox.waitFor(
      (item) => item.event === 'order:condition' && idOf(item) === order._id,
      'order:condition',
    )
    expect(event.args).toEqual([{ _id: order._id, condition: 'COOKING' }])
  })

  it('accepts any non-empty condition, known or not', async () => {
    const { url } = await startServer()
    const order = await created(url)
    const answer = await api(url, 'PATCH', `/api/orders/${order._id}`, {
      token: ADMIN,
      body: { condition: 'WAITING_FOR_COURIER' },
    })
    expect(answer.status).toBe(200)
  })

  it.each([
    ['no condition', {}, /^body: condition: /],
    ['an empty condition', { condition: '' }, /^body: condition: is empty/],
    ['a number', { condition: 5 }, /^body: condition: /],
    ['another field', { condition: 'NEW', cost: 1 }, /cost/],
  ])('answers 400 to %s', async (_name, body, message) => {
    const { url } = await startServer()
    const order = await created(url)
    const answer = await api(url, 'PATCH', `/api/orders/${order._id}`, { token: ADMIN, body })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({ error: 'BadRequest', message: expect.stringMatching(message) })
  })

  it('answers 404 to an unknown id', async () => {
    const { url } = await startServer()
    const answer = await api(url, 'PATCH', '/api/orders/6263bda571a52b2d541ec5f7', {
      token: ADMIN,
      body: { condition: 'COOKING' },
    })
    expect(answer.status).toBe(404)
    expect(answer.json).toEqual({
      error: 'NotFound',
      message: 'no order with _id "6263bda571a52b2d541ec5f7"',
    })
  })
})

describe('GET /api/orders', () => {
  it('lists newest first and gets one by id', async () => {
    const { url } = await startServer()
    const first = await created(url)
    const second = await created(url)
    const list = await api(url, 'GET', '/api/orders', { token: ADMIN })
    expect(list.status).toBe(200)
    expect(list.json).toEqual([second, first])
    const one = await api(url, 'GET', `/api/orders/${first._id}`, { token: ADMIN })
    expect(one).toMatchObject({ status: 200, json: first })
    const limited = await api(url, 'GET', '/api/orders?limit=1', { token: ADMIN })
    expect(limited.json).toEqual([second])
  })

  it('filters by ?since= on updatedAt', async () => {
    let now = 1_000_000
    const { url, handle } = await startServer({ now: () => now })
    const early = await created(url)
    now = 2_000_000
    await created(url)
    now = 3_000_000
    handle.updateCondition(early._id, 'ACCEPTED')
    const since = await api(url, 'GET', '/api/orders?since=2500000', { token: ADMIN })
    expect(since.json).toEqual([{ ...early, condition: 'ACCEPTED', updatedAt: 3_000_000 }])
  })

  it('answers 400 to a bad query', async () => {
    const { url } = await startServer()
    for (const query of ['limit=abc', 'limit=0', 'since=-1', 'page=2']) {
      const answer = await api(url, 'GET', `/api/orders?${query}`, { token: ADMIN })
      expect(answer.status, query).toBe(400)
      expect(answer.json).toMatchObject({
        error: 'BadRequest',
        message: expect.stringMatching(/^query: /),
      })
    }
  })

  it('serves the demo menu', async () => {
    const { url } = await startServer()
    const answer = await api(url, 'GET', '/api/menu', { token: ADMIN })
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual(DEMO_MENU)
  })
})

describe('access and routes', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    const { url } = await startServer()
    for (const token of [undefined, 'nobody']) {
      const answer = await api(url, 'GET', '/api/orders', token === undefined ? {} : { token })
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ error: 'Unauthorized' })
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
  })

  it('answers 403 to a WATCHER or a USER that writes, and changes nothing', async () => {
    const { url, handle } = await startServer()
    const made = handle.createOrder({})
    if (!made.ok) throw new Error(made.reason)
    for (const token of ['demo-watcher', 'demo-client']) {
      const post = await api(url, 'POST', '/api/orders', { token, body: {} })
      expect(post.status).toBe(403)
      expect(post.json).toMatchObject({ error: 'Forbidden' })
      const patch = { token, body: { condition: 'COOKING' } }
      expect((await api(url, 'PATCH', `/api/orders/${made.value._id}`, patch)).status).toBe(403)
      expect((await api(url, 'GET', '/api/menu', { token })).status).toBe(403)
    }
    expect(handle.store.size).toBe(1)
    expect(handle.store.get(made.value._id)?.condition).toBe('NEW')
  })

  it('lets the --condition-writers PATCH a condition, and nothing else', async () => {
    const { url, handle } = await startServer({ conditionWriters: ['6a6b64730000000000000002'] })
    const made = handle.createOrder({})
    if (!made.ok) throw new Error(made.reason)
    const path = `/api/orders/${made.value._id}`
    const watcher = { token: 'demo-watcher', body: { condition: 'COLLECTED' } }
    expect((await api(url, 'PATCH', path, watcher)).status).toBe(200)
    expect(handle.store.get(made.value._id)?.condition).toBe('COLLECTED')
    expect((await api(url, 'POST', '/api/orders', watcher)).status).toBe(403)
    const client = await api(url, 'PATCH', path, { ...watcher, token: 'demo-client' })
    expect(client.status).toBe(403)
    expect(client.json).toMatchObject({ message: expect.stringMatching(/--condition-writers/) })
  })

  it('lets any known user read the orders the socket would send them, and no others', async () => {
    const { url, handle } = await startServer()
    const own = handle.createOrder({ clientId: '4920737570657261646d696e' })
    const foreign = handle.createOrder({ clientId: '5f0000000000000000000099' })
    if (!own.ok || !foreign.ok) throw new Error('orders not made')
    const ids = (json: unknown) => (json as { _id: string }[]).map((o) => o._id).sort()
    const watcher = await api(url, 'GET', '/api/orders', { token: 'demo-watcher' })
    expect(ids(watcher.json)).toEqual([own.value._id, foreign.value._id].sort())
    const client = await api(url, 'GET', '/api/orders', { token: 'demo-client' })
    expect(ids(client.json)).toEqual([own.value._id])
    const path = `/api/orders/${foreign.value._id}`
    expect((await api(url, 'GET', path, { token: 'demo-client' })).status).toBe(404)
    expect((await api(url, 'GET', path, { token: 'demo-watcher' })).status).toBe(200)
  })

  it('answers 404 to unknown routes and ids, 405 to a wrong method', async () => {
    const { url } = await startServer()
    for (const path of ['/', '/api', '/api/nope', '/api/orders/', '/api/orders/a/b']) {
      const answer = await api(url, 'GET', path, { token: ADMIN })
      expect(answer.status, path).toBe(404)
      expect(answer.json).toMatchObject({ error: 'NotFound' })
    }
    const unknown = await api(url, 'GET', '/api/orders/6263bda571a52b2d541ec5f7', { token: ADMIN })
    expect(unknown.status).toBe(404)
    const malformed = await api(url, 'GET', '/api/orders/%24%7Bid%7D', { token: ADMIN })
    expect(malformed.status).toBe(404)
    const wrong = await api(url, 'DELETE', '/api/orders', { token: ADMIN })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET, POST')
  })

  it('leaves /ws to Socket.IO, which refuses polling', async () => {
    const { url } = await startServer()
    const response = await fetch(`${url}/ws/?EIO=4&transport=polling`)
    expect(response.status).toBe(400)
    await response.text()
  })
})
