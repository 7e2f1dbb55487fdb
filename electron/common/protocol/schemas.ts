// Schemas of every payload in the backend's spec (../shared/seed/websocket-api.md). The spec's
// example payloads are the ground truth. Objects are `loose`: fields we do not know yet are kept,
// so a newer backend does not break an older display.
import { z } from 'zod'

const SHORT = 200
const LONG = 4_000

/** Identifiers as the backend sends them (Mongo ObjectIds in practice; we accept any safe token). */
export const IdSchema = z
  .string()
  .min(1, 'is empty')
  .max(64, 'is longer than 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may only hold letters, digits, "_" and "-"')

const text = (max: number) => z.string().max(max, `is longer than ${max} characters`)
const amount = z.number().nonnegative()
const timestamp = z.number().int().nonnegative()

/** Any non-empty condition string; the catalogue knows the common ones, the rest are shown raw. */
export const ConditionSchema = z.string().min(1, 'is empty').max(64, 'is longer than 64 characters')

export const ProductSchema = z
  .object({
    _id: IdSchema,
    visible: z.boolean(),
    title: text(SHORT),
    description: text(LONG),
    ingredients: z.array(text(SHORT)).max(200),
    images: z.array(text(LONG)).max(50),
    type: text(64),
    cost: amount,
    weight: amount,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .loose()

/** A product's variant (a size, say). The spec shows only `null`, so every field is optional. */
export const VariantSchema = z
  .object({
    _id: IdSchema.optional(),
    title: text(SHORT).optional(),
    cost: amount.optional(),
    weight: amount.optional(),
  })
  .loose()

export const OrderProductSchema = z
  .object({
    cost: amount,
    weight: amount,
    number: z.number().int().positive(),
    product: ProductSchema,
    variant: VariantSchema.nullable(),
  })
  .loose()

export const DiscountSchema = z
  .object({
    type: text(64),
    percent: z.number().min(0).max(100),
  })
  .loose()

/** A scheduled time: epoch milliseconds, or a string (ISO date or "HH:MM") as a backend may send. */
export const ScheduledTimeSchema = z.union([timestamp, text(64)])

/** `order:new`: the full populated order. */
export const OrderSchema = z
  .object({
    _id: IdSchema,
    number: z.number().int().nonnegative(),
    clientId: IdSchema,
    phone: text(64),
    address: text(LONG).nullable(),
    cost: amount,
    weight: amount,
    username: text(SHORT),
    condition: ConditionSchema,
    delivery: z.boolean(),
    deliveryCost: amount.nullable(),
    discount: DiscountSchema.nullable(),
    additionalInformation: text(LONG).nullable(),
    deliveryCalculateManually: z.boolean().nullable(),
    time: ScheduledTimeSchema.nullable(),
    productsSum: amount,
    products: z.array(OrderProductSchema).max(500),
    isTestOrder: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .loose()

/** `order:condition`. */
export const OrderConditionSchema = z.object({ _id: IdSchema, condition: ConditionSchema }).loose()

/** `authorization:error`. */
export const AuthorizationErrorSchema = z
  .object({
    message: text(LONG),
    code: z.number().int(),
    error: text(SHORT),
  })
  .loose()

export type Product = z.infer<typeof ProductSchema>
export type Variant = z.infer<typeof VariantSchema>
export type OrderProduct = z.infer<typeof OrderProductSchema>
export type Discount = z.infer<typeof DiscountSchema>
export type Order = z.infer<typeof OrderSchema>
export type OrderCondition = z.infer<typeof OrderConditionSchema>
export type AuthorizationError = z.infer<typeof AuthorizationErrorSchema>
