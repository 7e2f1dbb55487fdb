// Randomness is a dependency: the server takes a `() => number` so tests can make every demo order
// and every simulated delay reproducible.

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Random = () => number

/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** An integer in [min, max], both ends included. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** True with the given probability. */
export const chance = (random: Random, probability: number): boolean => random() < probability

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick: the list is empty')
  return item
}

/** `count` distinct elements of `items`, in random order (fewer if the list is shorter). */
export function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items]
  const chosen: T[] = []
  while (chosen.length < count && pool.length > 0) {
    const [item] = pool.splice(Math.floor(random() * pool.length), 1)
    if (item !== undefined) chosen.push(item)
  }
  return chosen
}

/** `length` lowercase hex digits. */
export function hexDigits(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16)
  return out
}
