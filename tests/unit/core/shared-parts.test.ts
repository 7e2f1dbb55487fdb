import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CardOrder } from '../../../electron/common/card-order'
import { parseOrder } from '../../../electron/common/protocol/events'
import { Board } from '../../../electron/core/board'
import { silentLogger } from '../../../electron/core/logger'
import { withSharedParts } from '../../../electron/core/shared-parts'
import { exampleOrder } from '../../fixtures/load'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const id = (n: number) => n.toString(16).padStart(24, '0')

function order(n: number, title = 'Борщ'): CardOrder {
  const raw = exampleOrder({ _id: id(n), number: n }) as { products: Record<string, unknown>[] }
  const products = raw.products.map((item) => ({
    ...item,
    product: { ...(item.product as object), title },
    variant: { _id: 'v1', title: '0,5 л', cost: 100, weight: 500 },
  }))
  const parsed = parseOrder({ ...raw, products })
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value
}

const firstItem = (value: CardOrder | null | undefined) => value?.products[0]

describe('withSharedParts', () => {
  it('gives equal products and variants of different orders one copy, the content unchanged', () => {
    const [a, b] = [order(1), order(2)]
    const copyOfB = structuredClone(b)
    const [sharedA, sharedB] = [withSharedParts(a), withSharedParts(b)]
    expect(firstItem(sharedB)?.product).toBe(firstItem(sharedA)?.product)
    expect(firstItem(sharedB)?.variant).toBe(firstItem(sharedA)?.variant)
    expect(sharedB).toEqual(copyOfB)
    // The caller's order is left as it was: it may be an event already sent on.
    expect(firstItem(b)?.product).not.toBe(firstItem(sharedA)?.product)
    expect(b).toEqual(copyOfB)
  })

  it('keeps products that differ in any field apart', () => {
    const [a, b] = [withSharedParts(order(3, 'Борщ')), withSharedParts(order(4, 'Щи'))]
    expect(firstItem(b)?.product).not.toBe(firstItem(a)?.product)
    expect(firstItem(b)?.product.title).toBe('Щи')
  })
})

describe('Board: shared parts', () => {
  it('holds one copy of a product for orders applied live and for orders replayed from the journal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-shared-'))
    dirs.push(dir)
    const board = Board.open(dir, { log: silentLogger, now: () => 0 })
    for (const n of [5, 6]) board.apply({ type: 'order:new', order: order(n), at: 0 })
    const live = [board.get(id(5)), board.get(id(6))].map((entry) => firstItem(entry?.order))
    expect(live[1]?.product).toBe(live[0]?.product)
    const before = board.snapshot()
    board.close()

    const reopened = Board.open(dir, { log: silentLogger, now: () => 0 })
    const replayed = [id(5), id(6)].map((key) => firstItem(reopened.get(key)?.order))
    expect(replayed[1]?.product).toBe(replayed[0]?.product)
    expect(reopened.snapshot()).toEqual(before)
    reopened.close()
  })
})
