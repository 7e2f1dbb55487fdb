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

/** A value met on the walk; its path is spelled out only when it is the one refused. */
interface Visit {
  value: unknown
  depth: number
  parent: Visit | null
  key: string | number
}

/** `products[0].title`, or `payload` for the root. */
function pathOf(visit: Visit): string {
  let path = ''
  for (let at: Visit | null = visit; at !== null && at.parent !== null; at = at.parent) {
    path =
      typeof at.key === 'number'
        ? `[${at.key}]${path}`
        : `${at.parent.parent === null ? '' : '.'}${at.key}${path}`
  }
  return path === '' ? 'payload' : path
}

/** Returns why `value` is unsafe to hand to a schema, or null when its shape is acceptable. */
export function checkShape(
  value: unknown,
  limits: ShapeLimits = DEFAULT_SHAPE_LIMITS,
): string | null {
  let nodes = 0
  const stack: Visit[] = [{ value, depth: 0, parent: null, key: '' }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    nodes += 1
    if (nodes > limits.maxNodes) return `payload has more than ${limits.maxNodes} values`
    const current = item.value
    if (typeof current === 'string' && current.length > limits.maxStringLength) {
      return `${pathOf(item)}: text longer than ${limits.maxStringLength} characters`
    }
    if (typeof current !== 'object' || current === null) continue
    if (item.depth >= limits.maxDepth) {
      return `${pathOf(item)}: nested deeper than ${limits.maxDepth} levels`
    }
    const depth = item.depth + 1
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index += 1) {
        stack.push({ value: current[index] as unknown, depth, parent: item, key: index })
      }
      continue
    }
    const proto: unknown = Object.getPrototypeOf(current)
    if (proto !== Object.prototype && proto !== null) return `${pathOf(item)}: not a plain object`
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) return `${pathOf(item)}: forbidden key "${key}"`
      stack.push({ value: (current as Record<string, unknown>)[key], depth, parent: item, key })
    }
  }
  return null
}
