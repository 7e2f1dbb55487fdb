import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OrderSchema, type Order } from '../../electron/common/protocol/schemas'
import { DEMO_MENU, type MenuItem } from '../../electron/server/menu'
import { createOrderFactory, type OrderFactory } from '../../electron/server/order-factory'
import type { OrderDraft } from '../../electron/server/order-draft'
import { priceOrder } from '../../electron/server/pricing'
import { seededRandom } from '../../electron/server/random'

const NOW = 1_750_000_000_000
const specOrder = OrderSchema.parse(
  JSON.parse(readFileSync(new URL('../fixtures/order-new.json', import.meta.url), 'utf8')),
)
const specLine = specOrder.products[0]
if (specLine === undefined) throw new Error('the spec example has a product line')

const factory = (seed = 1, menu: readonly MenuItem[] = DEMO_MENU): OrderFactory =>
  createOrderFactory({ menu, now: () => NOW, random: seededRandom(seed) })

function made(f: OrderFactory, draft?: OrderDraft): Order {
  const result = f.create(draft)
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

function refusal(f: OrderFactory, draft: OrderDraft): string {
  const result = f.create(draft)
  if (result.ok) throw new Error('expected the draft to be refused')
  return result.reason
}

const menuItem = (title: string): MenuItem => {
  const item = DEMO_MENU.find((entry) => entry.product.title === title)
  if (item === undefined) throw new Error(`no ${title} on the demo menu`)
  return item
}
const margherita = menuItem('Маргарита')
const mors = menuItem('Морс клюквенный')
const borsch = menuItem('Борщ')
const variant = (item: MenuItem, title: string) => {
  const found = item.variants.find((v) => v.title === title)
  if (found === undefined) throw new Error(`no ${title} of ${item.product.title}`)
  return found
}

describe('pricing', () => {
  it('matches the spec example: pickup 100 costs 90', () => {
    expect(priceOrder([{ cost: 100, weight: 300 }], false)).toEqual({
      productsSum: 100,
      weight: 300,
      discount: { type: 'WITHOUT_DELIVERY', percent: 10 },
      deliveryCost: null,
      deliveryCalculateManually: null,
      cost: 90,
    })
  })

  it('charges delivery below 1000 and not from 1000 on', () => {
    expect(priceOrder([{ cost: 999, weight: 1 }], true)).toMatchObject({
      discount: null,
      deliveryCost: 150,
      deliveryCalculateManually: false,
      cost: 1149,
    })
    expect(priceOrder([{ cost: 1000, weight: 1 }], true)).toMatchObject({
      deliveryCost: 0,
      cost: 1000,
    })
  })
})

describe('order factory', () => {
  it('reproduces the spec example from the same inputs', () => {
    const menu: MenuItem[] = [{ category: 'pizza', product: specLine.product, variants: [] }]
    const f = createOrderFactory({
      menu,
      now: () => specOrder.createdAt,
      random: seededRandom(7),
      firstNumber: specOrder.number,
    })
    const order = made(f, {
      clientId: specOrder.clientId,
      phone: specOrder.phone,
      username: specOrder.username,
      delivery: false,
      time: null,
      additionalInformation: null,
      isTestOrder: false,
      products: [{ productId: specLine.product._id, number: 1 }],
    })
    expect(order).toEqual({ ...specOrder, _id: order._id })
  })

  it('prices a pickup order with variants', () => {
    const large = variant(margherita, '30 см')
    const bottle = variant(mors, '0,5 л')
    const order = made(factory(), {
      delivery: false,
      products: [
        { productId: margherita.product._id, variantId: large._id, number: 2 },
        { productId: mors.product._id, variantId: bottle._id, number: 1 },
      ],
    })
    expect(order.productsSum).toBe(2 * 590 + 190)
    expect(order.cost).toBe(1370 - 137)
    expect(order.weight).toBe(2 * large.weight + bottle.weight)
    expect(order.discount).toEqual({ type: 'WITHOUT_DELIVERY', percent: 10 })
    expect(order).toMatchObject({
      address: null,
      deliveryCost: null,
      deliveryCalculateManually: null,
    })
    expect(order.products[0]).toMatchObject({
      cost: 1180,
      weight: 2 * large.weight,
      number: 2,
      product: { _id: margherita.product._id, title: 'Маргарита', type: 'MULTIPLE' },
      variant: { _id: large._id, title: '30 см', cost: 590, weight: large.weight },
    })
    expect(order.products[0]?.product).not.toHaveProperty('variants')
  })

  it('charges delivery for a small order and gives it an address', () => {
    const order = made(factory(), {
      delivery: true,
      products: [{ productId: borsch.product._id, number: 1 }],
    })
    expect(order).toMatchObject({
      productsSum: 350,
      deliveryCost: 150,
      cost: 500,
      discount: null,
      deliveryCalculateManually: false,
    })
    expect(order.address).toMatch(/^Москва, /)
    expect(order.products[0]?.variant).toBeNull()
  })

  it('delivers large orders for free, to the given address', () => {
    const order = made(factory(), {
      address: 'Москва, ул. Тверская, д. 1, кв. 1',
      products: [{ productId: borsch.product._id, number: 3 }],
    })
    expect(order).toMatchObject({
      delivery: true,
      address: 'Москва, ул. Тверская, д. 1, кв. 1',
      productsSum: 1050,
      deliveryCost: 0,
      cost: 1050,
    })
  })

  it('makes valid, realistic random orders with 24-hex ids and increasing numbers', () => {
    const f = factory(42)
    const orders = Array.from({ length: 200 }, () => made(f))
    orders.forEach((order, index) => {
      expect(OrderSchema.safeParse(order).success).toBe(true)
      expect(order._id).toMatch(/^[0-9a-f]{24}$/)
      expect(order.clientId).toMatch(/^[0-9a-f]{24}$/)
      expect(order.number).toBe(index + 1)
      expect(order.phone).toMatch(/^\+7\(9\d\d\)\d{3}-\d{2}-\d{2}$/)
      expect(order.username).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/)
      expect(order.condition).toBe('NEW')
      expect(order.products.length).toBeGreaterThan(0)
      expect(order.productsSum).toBe(order.products.reduce((sum, line) => sum + line.cost, 0))
      expect(order.cost).toBe(priceOrder(order.products, order.delivery).cost)
      if (order.delivery) expect(order.address).toMatch(/^Москва, .+, д\. \d+/)
      else expect(order.address).toBeNull()
      if (typeof order.time === 'number') expect(order.time).toBeGreaterThan(NOW)
    })
    expect(new Set(orders.map((order) => order._id)).size).toBe(orders.length)
    // Each kind of order turns up in a sample this size.
    expect(orders.some((order) => order.delivery)).toBe(true)
    expect(orders.some((order) => !order.delivery)).toBe(true)
    expect(orders.some((order) => order.additionalInformation !== null)).toBe(true)
    expect(orders.some((order) => order.time !== null)).toBe(true)
    expect(orders.some((order) => order.isTestOrder)).toBe(true)
    expect(orders.some((order) => order.products.some((line) => line.variant !== null))).toBe(true)
  })

  it('is reproducible with the same seed', () => {
    expect(made(factory(5))).toEqual(made(factory(5)))
  })

  it('sometimes gives random orders to a known client', () => {
    const f = createOrderFactory({
      menu: DEMO_MENU,
      now: () => NOW,
      random: seededRandom(3),
      knownClientIds: ['4920737570657261646d696e'],
    })
    const orders = Array.from({ length: 50 }, () => made(f))
    expect(orders.some((order) => order.clientId === '4920737570657261646d696e')).toBe(true)
  })

  it('names an unknown product or variant, and does not use up a number', () => {
    const f = factory()
    expect(refusal(f, { products: [{ productId: 'nope', number: 1 }] })).toBe(
      'products[0].productId: no product "nope" on the menu',
    )
    const unknownVariant = refusal(f, {
      products: [
        { productId: borsch.product._id, number: 1 },
        { productId: margherita.product._id, variantId: 'abc', number: 1 },
      ],
    })
    expect(unknownVariant).toMatch(/^products\[1\]\.variantId: "Маргарита" has no variant "abc"/)
    expect(refusal(f, { products: [{ productId: margherita.product._id, number: 1 }] })).toMatch(
      /^products\[0\]\.variantId: "Маргарита" needs one of /,
    )
    expect(
      refusal(f, { products: [{ productId: borsch.product._id, variantId: 'x1', number: 1 }] }),
    ).toMatch(/^products\[0\]\.variantId: "Борщ" has no variant "x1" \(it has none\)/)
    expect(made(f).number).toBe(1)
  })

  it('keeps delivery and address consistent', () => {
    expect(refusal(factory(), { delivery: false, address: 'Москва' })).toMatch(/^address: /)
    expect(refusal(factory(), { delivery: true, address: null })).toBe(
      'address: is required for delivery',
    )
    expect(made(factory(), { address: null }).delivery).toBe(false)
  })
})
