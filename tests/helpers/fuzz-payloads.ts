// Generated hostile payloads for the feed's fuzz test. Every payload made here is invalid by
// construction (each kind breaks a rule the schemas enforce), so a test can count rejections.
import { fixtures } from '../fixtures/load'

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Json = Record<string, unknown>

const REQUIRED_ORDER_FIELDS = Object.keys(fixtures.orderNew() as Json)

/** A valid order with a given id. */
export function validOrder(n: number): Json {
  return { ...(fixtures.orderNew() as Json), _id: n.toString(16).padStart(24, '0'), number: n }
}

/** Values that break each field's rule, whatever else the payload holds. */
const WRONG_ORDER_VALUES: Record<string, unknown[]> = {
  _id: [{}, [], 5, null, true, ''],
  number: [{}, [], '23', -5, 2.5, null],
  cost: [{}, [], '90', -1, null, true],
  products: [{}, 'x', 3, null, true, [{}]],
  delivery: [{}, [], 'yes', 0, null],
  createdAt: ['2022-01-01', -1, 1.5, null, {}],
}
const WRONG_CONDITION_VALUES: Record<string, unknown[]> = {
  _id: [{}, [], 5, null, true, ''],
  condition: [{}, [], 5, null, true, '', 'X'.repeat(65)],
}

function nest(depth: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value]
  return value
}

/** One invalid payload for `order:new` or `order:condition`, and what kind it is. */
export function hostilePayload(
  random: () => number,
  event: string,
): { kind: string; payload: unknown } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const base =
    event === 'order:new'
      ? validOrder(1 + Math.floor(random() * 1e6))
      : { _id: 'abc', condition: 'NEW' }
  const kinds: (() => { kind: string; payload: unknown })[] = [
    () => ({
      kind: 'primitive',
      payload: pick([null, 0, -1, 1e308, true, false, '', 'order', '{}']),
    }),
    () => ({ kind: 'array', payload: [base] }),
    () => {
      const gone = event === 'order:new' ? pick(REQUIRED_ORDER_FIELDS) : pick(['_id', 'condition'])
      const copy = Object.fromEntries(Object.entries(base).filter(([key]) => key !== gone))
      return { kind: 'missing field', payload: copy }
    },
    () => {
      const fields = event === 'order:new' ? WRONG_ORDER_VALUES : WRONG_CONDITION_VALUES
      const [field, values] = pick(Object.entries(fields))
      return { kind: 'wrong type', payload: { ...base, [field]: pick(values) } }
    },
    () => ({ kind: 'deep', payload: { ...base, extra: nest(13 + Math.floor(random() * 2_000)) } }),
    () => ({
      kind: 'oversized',
      payload: { ...base, extra: 'я'.repeat(20_001 + Math.floor(random() * 200_000)) },
    }),
    () => ({
      kind: 'wide',
      payload: { ...base, extra: Array.from({ length: 20_001 }, (_, i) => i) },
    }),
    () => {
      const key = pick(['__proto__', 'constructor', 'prototype'])
      const json = JSON.stringify(base).replace(
        /^\{/,
        `{"${key}":{"polluted":true,"isAdmin":true},`,
      )
      return { kind: 'prototype key', payload: JSON.parse(json) as unknown }
    },
    () => ({
      kind: 'bad id',
      payload: { ...base, _id: pick(['', ' ', '../../etc', 'x'.repeat(65), '<img>']) },
    }),
  ]
  return pick(kinds)()
}
