import { describe, expect, it, vi } from 'vitest'
import { reduceOrder, type BoardOrder, type BoardSnapshot } from '../../../electron/common/board'
import { responseFrame } from '../../../electron/common/bridge-frames'
import { withCard } from '../../../electron/common/card-order'
import { OrderSchema } from '../../../electron/common/protocol/schemas'
import { answerSnapshot, snapshotFrame, warmSnapshot } from '../../../electron/web/snapshot-frame'
import { exampleOrder } from '../../fixtures/load'

/** A board entry as the core keeps it: the whole order, as it came. */
const entry = (id: string, overrides: Record<string, unknown> = {}): BoardOrder =>
  reduceOrder(undefined, {
    type: 'order:new',
    order: OrderSchema.parse(exampleOrder({ _id: id, ...overrides })),
    at: 1_000,
  })

/** What a screen must get, to the letter: JSON.stringify of the answer with each order cut. */
const expected = (id: number, board: BoardSnapshot) =>
  JSON.stringify(
    responseFrame({ id, ok: true, result: { seq: board.seq, orders: board.orders.map(withCard) } }),
  )

describe('snapshotFrame', () => {
  it('is the JSON of the whole answer with every order cut to its card, in UTF-8', () => {
    const board = {
      seq: 42,
      orders: [
        entry('a1', { username: 'Михаил Воробьёв', additionalInformation: 'без лука, "острое"' }),
        reduceOrder(undefined, { type: 'order:condition', id: 'b2', condition: 'NEW', at: 7 }),
        entry('c3', { time: '2026-12-01T19:30:00Z' }),
      ],
    }
    const text = snapshotFrame(9, board).toString('utf8')
    expect(text).toBe(expected(9, board))
    // What only the journal keeps never reaches a screen.
    expect(text).not.toContain('clientId')
    expect(text).not.toContain('"description"')
    expect(JSON.stringify(board)).toContain('clientId')
  })

  it('answers an empty board', () => {
    const board = { seq: 0, orders: [] }
    expect(snapshotFrame(1, board).toString()).toBe(expected(1, board))
  })

  it('shows each entry as it is: a changed order is a new entry and is sent anew', () => {
    const first = entry('d4')
    const before = { seq: 1, orders: [first] }
    expect(snapshotFrame(2, before).toString()).toBe(expected(2, before))
    const cooking = reduceOrder(first, {
      type: 'order:condition',
      id: 'd4',
      condition: 'COOKING',
      at: 2_000,
    })
    const after = { seq: 2, orders: [cooking] }
    const text = snapshotFrame(3, after).toString()
    expect(text).toBe(expected(3, after))
    expect(text).toContain('"condition":"COOKING"')
    // Asked again, the same entries give the same bytes.
    expect(snapshotFrame(3, after).toString()).toBe(text)
  })
})

describe('answerSnapshot', () => {
  const core = (board: BoardSnapshot = { seq: 5, orders: [entry('e5')] }) => ({
    entries: vi.fn(() => board),
  })

  it('answers a well-formed snapshot request from the board', () => {
    const board = { seq: 5, orders: [entry('e5')] }
    const source = core(board)
    const bytes = answerSnapshot(source, { id: 4, name: 'snapshot', args: [] })
    expect(source.entries).toHaveBeenCalledTimes(1)
    expect(bytes?.toString()).toBe(expected(4, board))
  })

  it('leaves a snapshot the core cannot give to dispatchRequest, which answers the error', () => {
    const failing = {
      entries: vi.fn((): BoardSnapshot => {
        throw new Error('the board is gone')
      }),
    }
    expect(answerSnapshot(failing, { id: 4, name: 'snapshot', args: [] })).toBeNull()
  })

  it('leaves every other frame to dispatchRequest', () => {
    const source = core()
    for (const frame of [
      { id: 4, name: 'status', args: [] },
      { id: 4, name: 'snapshot', args: [1] },
      { id: -1, name: 'snapshot', args: [] },
      { name: 'snapshot' },
      'snapshot',
      null,
    ]) {
      expect(answerSnapshot(source, frame)).toBeNull()
    }
    expect(source.entries).not.toHaveBeenCalled()
  })
})

describe('warmSnapshot', () => {
  const board = (count: number): BoardSnapshot => ({
    seq: count,
    orders: Array.from({ length: count }, (_, n) => entry(`w${n}`, { number: n })),
  })

  it('encodes every card ahead of the first request, which then only joins their bytes', async () => {
    const warm = board(600)
    await warmSnapshot({ entries: () => warm }).done
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const text = snapshotFrame(7, warm).toString()
      // The frame around the orders only: no card is encoded again.
      expect(stringify.mock.calls.length).toBeLessThan(3)
      stringify.mockRestore()
      expect(text).toBe(expected(7, warm))
    } finally {
      stringify.mockRestore()
    }
  })

  it('stops early when asked, and a snapshot encodes what was not warmed yet', async () => {
    const cold = board(600)
    const warming = warmSnapshot({ entries: () => cold })
    warming.stop()
    await warming.done
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const text = snapshotFrame(8, cold).toString()
      expect(stringify.mock.calls.length).toBeGreaterThan(600)
      stringify.mockRestore()
      expect(text).toBe(expected(8, cold))
    } finally {
      stringify.mockRestore()
    }
  })
})
