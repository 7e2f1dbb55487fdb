// A structural pre-check that runs before any schema: it bounds how deep, how wide and how long a
// payload may be, and refuses keys that could reach an object's prototype. Zod would happily walk
// a 100,000-level array or copy a `__proto__` key into a loose object; this stops both first.

/** Limits on the raw shape of an incoming payload. */
export interface ShapeLimits {
  maxDepth: number
  maxNodes: number
  maxStringLength: number
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = {
  maxDepth: 12,
  maxNodes: 20_000,
  maxStringLength: 20_000,
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Returns why `value` is unsafe to hand to a schema, or null when its shape is acceptable. */
export function checkShape(
  value: unknown,
  limits: ShapeLimits = DEFAULT_SHAPE_LIMITS,
): string | null {
  let nodes = 0
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }]
  while (stack.length > 0) {
    const item = stack.pop()
    if (item === undefined) break
    nodes += 1
    if (nodes > limits.maxNodes) return `payload has more than ${limits.maxNodes} values`
    const where = item.path === '' ? 'payload' : item.path
    if (typeof item.value === 'string' && item.value.length > limits.maxStringLength) {
      return `${where}: text longer than ${limits.maxStringLength} characters`
    }
    if (typeof item.value !== 'object' || item.value === null) continue
    if (item.depth >= limits.maxDepth)
      return `${where}: nested deeper than ${limits.maxDepth} levels`
    if (Array.isArray(item.value)) {
      item.value.forEach((child, index) =>
        stack.push({ value: child, depth: item.depth + 1, path: `${item.path}[${index}]` }),
      )
      continue
    }
    const proto: unknown = Object.getPrototypeOf(item.value)
    if (proto !== Object.prototype && proto !== null) return `${where}: not a plain object`
    for (const key of Object.keys(item.value)) {
      if (FORBIDDEN_KEYS.has(key)) return `${where}: forbidden key "${key}"`
      const child: unknown = (item.value as Record<string, unknown>)[key]
      stack.push({
        value: child,
        depth: item.depth + 1,
        path: item.path ? `${item.path}.${key}` : key,
      })
    }
  }
  return null
}
