import { describe, expect, it } from 'vitest'
import {
  parseAuthorizationError,
  parseOrder,
  parseOrderCondition,
  SOCKET_PATH,
  SOCKET_TRANSPORTS,
  UNAUTHORIZED,
} from '../../electron/common/protocol/events'
import { exampleOrder, fixtures } from '../fixtures/load'

describe('the spec example payloads', () => {
  it('parses the example order with every field, nulls kept as null', () => {
    const parsed = parseOrder(fixtures.orderNew())
    expect(parsed).toMatchObject({ ok: true })
    if (!parsed.ok) return
    expect(parsed.value).toEqual(fixtures.orderNew())
    for (const field of [
      'address',
      'deliveryCost',
      'additionalInformation',
      'deliveryCalculateManually',
      'time',
    ] as const) {
      expect(parsed.value[field]).toBeNull()
    }
    expect(parsed.value.products[0]?.variant).toBeNull()
    expect(parsed.value.products[0]?.product.title).toBe('test')
    expect(parsed.value.discount).toEqual({ type: 'WITHOUT_DELIVERY', percent: 10 })
  })

  it('parses the example condition change and authorization error', () => {
    expect(parseOrderCondition(fixtures.orderCondition())).toEqual({
      ok: true,
      value: { _id: '6263bda571a52b2d541ec5f7', condition: 'COLLECTED' },
    })
    expect(parseAuthorizationError(fixtures.authorizationError())).toEqual({
      ok: true,
      value: UNAUTHORIZED,
    })
  })

  it('uses the connection options the spec makes mandatory', () => {
    expect({ path: SOCKET_PATH, transports: [...SOCKET_TRANSPORTS] }).toEqual(
      fixtures.connectionOptions(),
    )
  })
})

describe('forward compatibility', () => {
  it('keeps fields it does not know, at every level', () => {
    const order = exampleOrder({ courier: { name: 'Пётр' }, priority: 2 })
    const products = order.products as Record<string, unknown>[]
    products[0] = { ...products[0], comment: 'без соли' }
    const parsed = parseOrder(order)
    expect(parsed.ok && parsed.value).toMatchObject({
      courier: { name: 'Пётр' },
      priority: 2,
      products: [{ comment: 'без соли' }],
    })
  })

  it('accepts any non-empty condition, known or not', () => {
    expect(parseOrderCondition({ _id: 'a1', condition: 'WAITING_FOR_COURIER' }).ok).toBe(true)
    expect(parseOrder(exampleOrder({ condition: 'SOMETHING_NEW' })).ok).toBe(true)
  })

  it('accepts a variant object and a scheduled time', () => {
    const order = exampleOrder({ time: 1650710000000 })
    const products = order.products as Record<string, unknown>[]
    products[0] = { ...products[0], variant: { _id: 'v1', title: '30 см', cost: 120 } }
    expect(parseOrder(order).ok).toBe(true)
    expect(parseOrder(exampleOrder({ time: '2022-04-23T12:00:00Z' })).ok).toBe(true)
  })
})

const deep = (levels: number): unknown => {
  let value: unknown = 'bottom'
  for (let i = 0; i < levels; i += 1) value = { next: value }
  return value
}

const malformedOrders: [string, unknown, RegExp][] = [
  ['a string', 'order', /expected an object, received string/],
  ['null', null, /expected an object, received null/],
  ['an array', [fixtures.orderNew()], /expected an object, received an array/],
  ['a number', 42, /received number/],
  ['missing _id', exampleOrder({ _id: undefined }), /^_id: /],
  ['an empty _id', exampleOrder({ _id: '' }), /_id: is empty/],
  ['an _id with odd characters', exampleOrder({ _id: '<script>' }), /_id: may only hold/],
  ['number as a string', exampleOrder({ number: '23' }), /number: .*expected number/i],
  ['a fractional number', exampleOrder({ number: 2.5 }), /number: .*int/i],
  ['a negative cost', exampleOrder({ cost: -1 }), /cost: /],
  ['delivery as a string', exampleOrder({ delivery: 'yes' }), /delivery: .*boolean/i],
  ['products not an array', exampleOrder({ products: {} }), /products: .*array/i],
  [
    'a product without its product',
    exampleOrder({ products: [{ cost: 1, weight: 1, number: 1, variant: null }] }),
    /products\[0\]\.product: /,
  ],
  ['an empty condition', exampleOrder({ condition: '' }), /condition: is empty/],
  ['an oversized username', exampleOrder({ username: 'я'.repeat(5_000) }), /username: is longer/],
  [
    'an oversized unknown field',
    exampleOrder({ junk: 'x'.repeat(50_000) }),
    /junk: text longer than/,
  ],
  ['nesting 1,000 levels deep', exampleOrder({ junk: deep(1_000) }), /nested deeper than/],
  [
    'a __proto__ key',
    JSON.parse('{"_id":"6263bda571a52b2d541ec5f7","__proto__":{"polluted":true}}'),
    /forbidden key "__proto__"/,
  ],
  [
    'a nested __proto__ key',
    exampleOrder({ discount: JSON.parse('{"type":"X","percent":1,"__proto__":{"a":1}}') }),
    /discount: forbidden key "__proto__"/,
  ],
  ['a constructor key', exampleOrder({ constructor: { prototype: {} } }), /forbidden key/],
]

describe('malformed order:new payloads are rejected with a readable reason', () => {
  it.each(malformedOrders)('%s', (_name, payload, reason) => {
    const parsed = parseOrder(payload)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.reason).toMatch(reason)
    expect(parsed.reason.length).toBeLessThan(400)
  })

  it('never pollutes Object.prototype', () => {
    parseOrder(JSON.parse('{"__proto__":{"polluted":true}}'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('malformed order:condition and authorization:error payloads', () => {
  it.each([
    ['missing _id', { condition: 'NEW' }, /_id: /],
    ['condition a number', { _id: 'a1', condition: 5 }, /condition: .*string/i],
    ['condition too long', { _id: 'a1', condition: 'X'.repeat(65) }, /condition: is longer/],
    ['undefined', undefined, /received undefined/],
  ])('condition: %s', (_name, payload, reason) => {
    const parsed = parseOrderCondition(payload)
    expect(parsed.ok ? 'accepted' : parsed.reason).toMatch(reason)
  })

  it('rejects an authorization error without its code', () => {
    const parsed = parseAuthorizationError({ message: 'no', error: 'E' })
    expect(parsed.ok ? 'accepted' : parsed.reason).toMatch(/code: /)
  })
})
