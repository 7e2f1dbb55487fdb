import type { z } from 'zod'
import { checkShape, type ShapeLimits } from './guard'

/** The outcome of parsing an untrusted value: the typed value, or a reason a person can read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const MAX_ISSUES_SHOWN = 3

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : typeof value
}

/** Turns zod's issues into one line: `products[0].cost: expected number, received string; …`. */
export function formatIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const path = issue.path
      .map((part, index) =>
        typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
      )
      .join('')
    return path === '' ? issue.message : `${path}: ${issue.message}`
  })
  const more = error.issues.length - MAX_ISSUES_SHOWN
  return more > 0 ? `${lines.join('; ')} (and ${more} more)` : lines.join('; ')
}

/** Checks the raw shape of `value`, then parses it with `schema`; never throws. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  limits?: ShapeLimits,
): Parsed<z.infer<S>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected an object, received ${describeValue(value)}` }
  }
  const unsafe = checkShape(value, limits)
  if (unsafe !== null) return { ok: false, reason: unsafe }
  const result = schema.safeParse(value)
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reason: formatIssues(result.error) }
}
