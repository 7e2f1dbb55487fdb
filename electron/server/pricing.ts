// How an order's money adds up, following the spec's example: a pickup order gets 10 % off and no
// delivery cost (100 → 90); a delivered order pays for delivery unless it is large enough.
import type { Discount } from '../common/protocol/schemas'

/** The pickup discount, exactly as in the spec's example. */
export const PICKUP_DISCOUNT: Discount = { type: 'WITHOUT_DELIVERY', percent: 10 }
/** Delivery cost in roubles below the free-delivery threshold. */
export const DELIVERY_COST = 150
/** Orders whose products cost at least this much are delivered for free. */
export const FREE_DELIVERY_FROM = 1_000

/** The totals of an order, in the fields the order carries them. */
export interface OrderTotals {
  productsSum: number
  weight: number
  discount: Discount | null
  deliveryCost: number | null
  deliveryCalculateManually: boolean | null
  cost: number
}

/** Prices an order from its lines (each line's cost and weight already multiplied by number). */
export function priceOrder(
  lines: readonly { cost: number; weight: number }[],
  delivery: boolean,
): OrderTotals {
  const productsSum = lines.reduce((sum, line) => sum + line.cost, 0)
  const weight = lines.reduce((sum, line) => sum + line.weight, 0)
  if (!delivery) {
    const off = Math.round((productsSum * PICKUP_DISCOUNT.percent) / 100)
    return {
      productsSum,
      weight,
      discount: { ...PICKUP_DISCOUNT },
      deliveryCost: null,
      deliveryCalculateManually: null,
      cost: productsSum - off,
    }
  }
  const deliveryCost = productsSum >= FREE_DELIVERY_FROM ? 0 : DELIVERY_COST
  return {
    productsSum,
    weight,
    discount: null,
    deliveryCost,
    deliveryCalculateManually: false,
    cost: productsSum + deliveryCost,
  }
}
