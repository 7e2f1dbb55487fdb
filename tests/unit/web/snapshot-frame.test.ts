import { describe, expect, it, vi } from 'vitest'
import { reduceOrder, type BoardOrder, type BoardSnapshot } from '../../../electron/common/board'
import { responseFrame } from '../../../electron/common/bridge-frames'
import { screenEntry } from '../../../electron/common/card-order'
import { OrderSchema } from '../../../electron/common/protocol/schemas'
import { answerSnapshot, snapshotFrame } from '../../../electron/web/snapshot-frame'
import { exampleOrder } from '../../fixtures/load'

const entry = (id: string, overrides: Record<string, unknown> = {}): BoardOrder =>
  screenEntry(
    reduceOrder(undefined, {
      type: 'order:new',
      order: OrderSchema.parse(exampleOrder({ _id: id, ...overrides })),
      at: 1_000,
    }),
  )

/** What JSON.stringify of the whole frame gives: what the bytes must be, to the letter. */
const expected = (id: number, snapshot: BoardSnapshot) =>
  JSON.stringify(responseFrame({ id, ok: true, result: snapshot }))

describe('snapshotFrame', () => {
  it('is the JSON of the whole answer, to the letter, in UTF-8', () => {
    const snapshot = {
      seq: 42,
      orders: [
        entry('a1', { username: 'Михаил Воробьёв', additionalInformation: 'без лука, "острое"' }),
        reduceOrder(undefined, { type: 'order:condition', id: 'b2', condition: 'NEW', at: 7 }),
        entry('c3', { time: '2026-12-01T19:30:00Z' }),
      ],
    }
    const bytes = snapshotFrame(9, snapshot)
    expect(bytes.toString('utf8')).toBe(expected(9, snapshot))
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(
      responseFrame({ id: 9, ok: true, result: snapshot }),
    )
  })

  it('answers an empty board', () => {
    const snapshot = { seq: 0, orders: [] }
    expect(snapshotFrame(1, snapshot).toString()).toBe(expected(1, snapshot))
  })

  it('shows each entry as it is: a changed order is a new entry and is sent anew', () => {
    const first = entry('d4')
    const before = { seq: 1, orders: [first] }
    expect(snapshotFrame(2, before).toString()).toBe(expected(2, before))
    const cooking = screenEntry(
      reduceOrder(first, { type: 'order:condition', id: 'd4', condition: 'COOKING', at: 2_000 }),
    )
    const after = { seq: 2, orders: [cooking] }
    const text = snapshotFrame(3, after).toString()
    expect(text).toBe(expected(3, after))
    expect(text).toContain('"condition":"COOKING"')
    // Asked again, the same entries give the same bytes.
    expect(snapshotFrame(3, after).toString()).toBe(text)
  })
})

describe('answerSnapshot', () => {
  const core = (snapshot: BoardSnapshot = { seq: 5, orders: [entry('e5')] }) => ({
    snapshot: vi.fn(() => snapshot),
  })

  it('answers a well-formed snapshot request from the core', () => {
    const handlers = core()
    const bytes = answerSnapshot(handlers, { id: 4, name: 'snapshot', args: [] })
    expect(handlers.snapshot).toHaveBeenCalledTimes(1)
    expect(bytes?.toString()).toBe(
      expected(4, handlers.snapshot.mock.results[0]?.value as BoardSnapshot),
    )
  })

  it('leaves a snapshot the core cannot give to dispatchRequest, which answers the error', () => {
    const failing = {
      snapshot: vi.fn((): BoardSnapshot => {
        throw new Error('the board is gone')
      }),
    }
    expect(answerSnapshot(failing, { id: 4, name: 'snapshot', args: [] })).toBeNull()
  })

  it('leaves every other frame to dispatchRequest', () => {
    const handlers = core()
    for (const frame of [
      { id: 4, name: 'status', args: [] },
      { id: 4, name: 'snapshot', args: [1] },
      { id: -1, name: 'snapshot', args: [] },
      { name: 'snapshot' },
      'snapshot',
      null,
    ]) {
      expect(answerSnapshot(handlers, frame)).toBeNull()
    }
    expect(handlers.snapshot).not.toHaveBeenCalled()
  })
})
