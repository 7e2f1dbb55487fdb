// What the board keeps of an order, and what a screen is sent of it. The backend's populated order
// (protocol/schemas.ts, parsed in full where it arrives) carries each product's description,
// ingredients and images; a card shows a title, a variant and a count. The board validates the
// fields it uses and keeps the rest as they came (the journal stays complete); the screens are
// sent only the card's fields, which halves what a snapshot weighs and what the page must parse.
import { z } from 'zod'
import { OrderProductSchema, OrderSchema, ProductSchema, VariantSchema } from './protocol/schemas'

export const CardProductSchema = z
  .object({
    number: OrderProductSchema.shape.number,
    /** `_id` routes the item to a station (stations.ts); title the same, by its words. */
    product: z
      .object({ _id: ProductSchema.shape._id.optional(), title: ProductSchema.shape.title })
      .loose(),
    variant: z.object({ title: VariantSchema.shape.title }).loose().nullable(),
  })
  .loose()

/** The fields of an order that the board and the screens use. */
export const CardOrderSchema = OrderSchema.pick({
  _id: true,
  number: true,
  cost: true,
  username: true,
  condition: true,
  delivery: true,
  deliveryCost: true,
  discount: true,
  additionalInformation: true,
  time: true,
  productsSum: true,
  isTestOrder: true,
  createdAt: true,
  updatedAt: true,
})
  .extend({
    products: z.array(CardProductSchema).max(500),
    // Station and expo screens receive orders without them (roles.ts): removed, not blanked.
    phone: OrderSchema.shape.phone.optional(),
    address: OrderSchema.shape.address.optional(),
  })
  .loose()

export type CardProduct = z.infer<typeof CardProductSchema>
export type CardOrder = z.infer<typeof CardOrderSchema>

/** An order cut down to the card's fields: what a screen is sent. */
export function cardOf(order: CardOrder): CardOrder {
  return {
    _id: order._id,
    number: order.number,
    ...(order.phone === undefined ? {} : { phone: order.phone }),
    ...(order.address === undefined ? {} : { address: order.address }),
    cost: order.cost,
    username: order.username,
    condition: order.condition,
    delivery: order.delivery,
    deliveryCost: order.deliveryCost,
    discount: order.discount,
    additionalInformation: order.additionalInformation,
    time: order.time,
    productsSum: order.productsSum,
    products: order.products.map((item) => ({
      number: item.number,
      product:
        item.product._id === undefined
          ? { title: item.product.title }
          : { _id: item.product._id, title: item.product.title },
      variant: item.variant === null ? null : { title: item.variant.title },
    })),
    isTestOrder: order.isTestOrder,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  }
}

/** A board entry or an `order:new` change with its order cut down to the card. */
export function withCard<T extends { order: CardOrder | null }>(value: T): T {
  return value.order === null ? value : { ...value, order: cardOf(value.order) }
}
