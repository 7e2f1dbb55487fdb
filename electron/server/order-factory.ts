// Turns a draft into a full populated order as the backend would send it in `order:new`: products
// looked up on the menu, totals priced, ids and numbers assigned. What the draft leaves out is
// made up, realistically, from the injected random source.
import type { Order, OrderProduct } from '../common/protocol/schemas'
import type { Parsed } from '../common/protocol/parse'
import { randomAddress, randomName, randomNote, randomPhone } from './demo-customers'
import { createIdGenerator } from './ids'
import type { MenuItem } from './menu'
import type { DraftLine, OrderDraft } from './order-draft'
import { priceOrder } from './pricing'
import { chance, hexDigits, intBetween, pick, pickDistinct, type Random } from './random'

export interface OrderFactoryDeps {
  menu: readonly MenuItem[]
  now: () => number
  random: Random
  /** Ids that random orders sometimes belong to, so a demo USER receives some of them. */
  knownClientIds?: readonly string[]
  /** The number of the first order; later ones count up from it. */
  firstNumber?: number
}

/** Makes orders; numbers count up across calls. */
export interface OrderFactory {
  /** Builds the order a draft describes, or says which field of the draft is wrong. */
  create(draft?: OrderDraft): Parsed<Order>
}

const HOUR = 3_600_000
const FIVE_MINUTES = 300_000

/** Resolves one draft line against the menu; `at` names the line in a reason. */
function lineFor(menu: readonly MenuItem[], line: DraftLine, at: string): Parsed<OrderProduct> {
  const item = menu.find((entry) => entry.product._id === line.productId)
  if (item === undefined) {
    return { ok: false, reason: `${at}.productId: no product "${line.productId}" on the menu` }
  }
  const { product, variants } = item
  let variant = null
  if (line.variantId !== undefined) {
    variant = variants.find((entry) => entry._id === line.variantId) ?? null
    if (variant === null) {
      const known = variants.length === 0 ? 'it has none' : variants.map((v) => v._id).join(', ')
      return {
        ok: false,
        reason: `${at}.variantId: "${product.title}" has no variant "${line.variantId}" (${known})`,
      }
    }
  } else if (variants.length > 0) {
    const known = variants.map((v) => `${v._id} (${v.title})`).join(', ')
    return { ok: false, reason: `${at}.variantId: "${product.title}" needs one of ${known}` }
  }
  const unit = variant ?? product
  return {
    ok: true,
    value: {
      cost: unit.cost * line.number,
      weight: unit.weight * line.number,
      number: line.number,
      product: { ...product },
      variant: variant === null ? null : { ...variant },
    },
  }
}

/** A plausible basket: one to four different dishes, mostly one of each. */
function randomLines(menu: readonly MenuItem[], random: Random): DraftLine[] {
  return pickDistinct(random, menu, intBetween(random, 1, 4)).map((item) => ({
    productId: item.product._id,
    number: chance(random, 0.75) ? 1 : intBetween(random, 2, 3),
    ...(item.variants.length > 0 ? { variantId: pick(random, item.variants)._id } : {}),
  }))
}

/** Decides delivery and address together: an address implies delivery, and delivery needs one. */
function placeOf(
  draft: OrderDraft,
  random: Random,
): Parsed<{ delivery: boolean; address: string | null }> {
  const delivery =
    draft.delivery ?? (draft.address === undefined ? chance(random, 0.6) : draft.address !== null)
  if (!delivery) {
    if (typeof draft.address === 'string') {
      return { ok: false, reason: 'address: must be null or absent for pickup (delivery: false)' }
    }
    return { ok: true, value: { delivery, address: null } }
  }
  if (draft.address === null) return { ok: false, reason: 'address: is required for delivery' }
  return { ok: true, value: { delivery, address: draft.address ?? randomAddress(random) } }
}

/** Creates an order factory. */
export function createOrderFactory(deps: OrderFactoryDeps): OrderFactory {
  const { menu, now, random } = deps
  const knownClientIds = deps.knownClientIds ?? []
  const newId = createIdGenerator(now, random)
  let nextNumber = deps.firstNumber ?? 1

  const scheduledTime = () =>
    Math.ceil((now() + intBetween(random, 1 * HOUR, 3 * HOUR)) / FIVE_MINUTES) * FIVE_MINUTES

  return {
    create(draft = {}) {
      const lines: OrderProduct[] = []
      const drafted = draft.products ?? randomLines(menu, random)
      for (const [index, line] of drafted.entries()) {
        const resolved = lineFor(menu, line, `products[${index}]`)
        if (!resolved.ok) return resolved
        lines.push(resolved.value)
      }
      const place = placeOf(draft, random)
      if (!place.ok) return place
      const totals = priceOrder(lines, place.value.delivery)
      const clientId =
        draft.clientId ??
        (knownClientIds.length > 0 && chance(random, 0.3)
          ? pick(random, knownClientIds)
          : hexDigits(random, 24))
      const at = now()
      const order: Order = {
        _id: newId(),
        number: nextNumber,
        clientId,
        phone: draft.phone ?? randomPhone(random),
        address: place.value.address,
        cost: totals.cost,
        weight: totals.weight,
        username: draft.username ?? randomName(random),
        condition: 'NEW',
        delivery: place.value.delivery,
        deliveryCost: totals.deliveryCost,
        discount: totals.discount,
        additionalInformation:
          draft.additionalInformation !== undefined
            ? draft.additionalInformation
            : chance(random, 0.3)
              ? randomNote(random)
              : null,
        deliveryCalculateManually: totals.deliveryCalculateManually,
        time: draft.time !== undefined ? draft.time : chance(random, 0.15) ? scheduledTime() : null,
        productsSum: totals.productsSum,
        products: lines,
        isTestOrder: draft.isTestOrder ?? chance(random, 0.03),
        createdAt: at,
        updatedAt: at,
      }
      nextNumber += 1
      return { ok: true, value: order }
    },
  }
}
