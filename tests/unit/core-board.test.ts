import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BoardEvent } from '../../electron/common/board'
import { parseOrder } from '../../electron/common/protocol/events'
import { Board } from '../../electron/core/board'
import { SYNC_WINDOW_MS } from '../../electron/core/journal'
import { silentLogger } from '../../electron/core/logger'
import { seededRandom } from '../../electron/server/random'
import { PowerCutFs } from '../helpers/power-cut-fs'
import { exampleOrder } from '../fixtures/load'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const HOUR = 60 * 60 * 1000
const id = (n: number) => n.toString(16).padStart(24, '0')

function order(n: number) {
  const parsed = parseOrder(exampleOrder({ _id: id(n), number: n }))
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value
}

describe('Board.expire', () => {
  it('removes finished orders past the retention from the board and the journal, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-board-'))
    dirs.push(dir)
    const board = Board.open(dir, { log: silentLogger, now: () => 0 })
    const events: BoardEvent[] = []
    board.on('event', (event) => events.push(event))
    for (const n of [1, 2, 3]) board.apply({ type: 'order:new', order: order(n), at: 0 })
    board.apply({ type: 'order:condition', id: id(1), condition: 'DELIVERED', at: HOUR })
    board.apply({ type: 'order:condition', id: id(2), condition: 'COMPLETED', at: 20 * HOUR })
    // 3 stays NEW: an unfinished order is never expired, however old.

    expect(board.expire(26 * HOUR, 24 * HOUR)).toBe(1)
    expect(board.get(id(1))).toBeUndefined()
    expect(board.get(id(2))?.condition).toBe('COMPLETED')
    expect(board.get(id(3))?.condition).toBe('NEW')
    expect(events.at(-1)).toMatchObject({ type: 'order:expire', id: id(1) })
    const seq = board.snapshot().seq
    board.close()

    const reopened = Board.open(dir, { log: silentLogger, now: () => 26 * HOUR })
    expect(
      reopened
        .snapshot()
        .orders.map((o) => o.id)
        .sort(),
    ).toEqual([id(2), id(3)])
    expect(reopened.snapshot().seq).toBe(seq)
    reopened.close()
  })

  it('changes nothing when nothing is old enough', () => {
    const board = new Board({ orders: [], seq: 0 }, null, silentLogger)
    board.apply({ type: 'order:new', order: order(1), at: 0 })
    board.apply({ type: 'order:condition', id: id(1), condition: 'CANCELED', at: 0 })
    const before = board.snapshot()
    expect(board.expire(HOUR, 24 * HOUR)).toBe(0)
    expect(board.snapshot()).toEqual(before)
  })
})

describe('Board and the disk', () => {
  it('says so in journalError when the device refuses a sync, and keeps the orders', () => {
    vi.useFakeTimers()
    try {
      const fs = new PowerCutFs(seededRandom(1), 0)
      fs.fdatasync = (_fd, callback) => void setTimeout(() => callback(new Error('EIO: i/o')), 0)
      const board = Board.open('/data', { log: silentLogger, fs })
      board.apply({ type: 'order:new', order: order(1), at: 0 })
      expect(board.journalError).toBeNull()
      vi.advanceTimersByTime(SYNC_WINDOW_MS + 1)
      expect(board.journalError).toMatch(/cannot sync the journal .*: EIO: i\/o/)
      expect(board.get(id(1))?.condition).toBe('NEW')
      board.close()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('an order that ages from its arrival', () => {
  it('keeps the mark through the journal, and through a later copy of the order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-board-'))
    dirs.push(dir)
    const board = Board.open(dir, { log: silentLogger })
    board.apply({ type: 'order:new', order: order(1), at: 5_000, agesFromArrival: true })
    board.apply({ type: 'order:new', order: order(2), at: 6_000 })
    const updated = { ...order(1), condition: 'COOKING', updatedAt: order(1).updatedAt + 1 }
    board.apply({ type: 'order:new', order: updated, at: 7_000 })
    board.close()

    const reopened = Board.open(dir, { log: silentLogger })
    expect(reopened.get(id(1))).toMatchObject({ agesFromArrival: true, receivedAt: 5_000 })
    expect(reopened.get(id(1))?.condition).toBe('COOKING')
    expect(reopened.get(id(2))?.agesFromArrival).toBeUndefined()
    reopened.close()
  })
})
