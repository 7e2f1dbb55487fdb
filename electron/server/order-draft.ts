// What a caller may say about a new order or a condition change. Every field of a draft is
// optional: what is missing is made up, so `{}` is a whole random order.
import { z } from 'zod'
import { ConditionSchema, IdSchema, ScheduledTimeSchema } from '../common/protocol/schemas'

const text = (max: number) =>
  z.string().min(1, 'is empty').max(max, `is longer than ${max} characters`)

/** One line of a draft: which product, how many, and which variant if the product has any. */
export const DraftLineSchema = z.strictObject({
  productId: IdSchema,
  number: z.number().int('must be a whole number').min(1).max(99),
  variantId: IdSchema.optional(),
})

/** The body of `POST /api/orders`. */
export const OrderDraftSchema = z.strictObject({
  clientId: IdSchema.optional(),
  username: text(200).optional(),
  phone: text(64).optional(),
  address: text(4_000).nullable().optional(),
  delivery: z.boolean().optional(),
  time: ScheduledTimeSchema.nullable().optional(),
  additionalInformation: text(4_000).nullable().optional(),
  isTestOrder: z.boolean().optional(),
  products: z.array(DraftLineSchema).min(1, 'needs at least one product').max(50).optional(),
})

/** The body of `PATCH /api/orders/:id`. */
export const ConditionPatchSchema = z.strictObject({ condition: ConditionSchema })

export type DraftLine = z.infer<typeof DraftLineSchema>
export type OrderDraft = z.infer<typeof OrderDraftSchema>
export type ConditionPatch = z.infer<typeof ConditionPatchSchema>
