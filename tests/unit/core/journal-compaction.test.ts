import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardChange } from '../../../electron/common/board'
import { parseOrder } from '../../../electron/common/protocol/events'
import { Board, COMPACT_AFTER_OPEN_MS } from '../../../electron/core/board'
import { Journal, JOURNAL_FILE } from '../../../electron/core/journal'
import { eventLine } from '../../../electron/core/journal-records'
import { silentLogger } from '../../../electron/core/logger'
import { exampleOrder } from '../../fixtures/load'

const NOW = 1_700_000_000_000
const id = (n: number) => n.toString(16).padStart(24, '0')

function added(n: number): BoardChange {
  const parsed = parseOrder(exampleOrder({ _id: id(n), number: n }))
  if (!parsed.ok) throw new Error(parsed.reason)
  return { type: 'order:new', order: parsed.value, at: NOW }
}

let dir: string
const file = () => join(dir, JOURNAL_FILE)
const lineTypes = () =>
  readFileSync(file(), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { t: string }).t)
const open = () => Board.open(dir, { log: silentLogger, now: () => NOW })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-compaction-'))
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  rmSync(dir, { recursive: true, force: true })
})

/** A journal of a snapshot header and `count` orders appended as events, as a day leaves it. */
function dayOf(count: number): void {
  const board = open()
  for (let n = 1; n <= count; n += 1) board.apply(added(n))
  board.close()
}

describe('compaction after a start', () => {
  it('replays the changes at open and folds them into a snapshot once the start is over', () => {
    dayOf(3)
    expect(lineTypes()).toEqual(['snapshot', 'event', 'event', 'event'])

    const board = open()
    expect(board.size).toBe(3)
    // Not on the way to the first ticket: the file is as it was.
    expect(lineTypes()).toEqual(['snapshot', 'event', 'event', 'event'])
    board.apply({ type: 'order:bump', id: id(1), at: NOW })
    expect(lineTypes()).toEqual(['snapshot', 'event', 'event', 'event', 'event'])

    vi.advanceTimersByTime(COMPACT_AFTER_OPEN_MS)
    expect(lineTypes()).toEqual(['snapshot', 'order', 'order', 'order'])
    board.close()
    const again = open()
    expect(again.snapshot()).toEqual({ seq: 4, orders: expect.any(Array) as unknown })
    expect(again.get(id(1))?.bumpedAt).toBe(NOW)
    again.close()
  })

  it('loses nothing when the display is killed before the compaction', () => {
    dayOf(2)
    const killed = open()
    killed.apply({ type: 'order:bump', id: id(2), at: NOW })
    // kill -9: no close, no timers; the next start reads the file as the first one left it.
    vi.clearAllTimers()

    const board = open()
    expect(board.size).toBe(2)
    expect(board.get(id(2))?.bumpedAt).toBe(NOW)
    expect(board.snapshot().seq).toBe(3)
    board.close()
    killed.close()
  })

  it('rewrites nothing at open when the file is a snapshot already', () => {
    dayOf(2)
    open().close()
    const board = open()
    vi.advanceTimersByTime(COMPACT_AFTER_OPEN_MS)
    board.close()
    const before = statSync(file())
    const reopened = open()
    vi.advanceTimersByTime(COMPACT_AFTER_OPEN_MS)
    reopened.close()
    const after = statSync(file())
    expect(lineTypes()).toEqual(['snapshot', 'order', 'order'])
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
  })

  it('starts the next append on a fresh line after a last line whose newline was never written', () => {
    dayOf(1)
    appendFileSync(file(), eventLine({ type: 'order:bump', id: id(1), at: NOW, seq: 2 }).trim())
    const { journal, recovered } = Journal.open(dir, { log: silentLogger, now: () => NOW })
    expect(recovered.warnings).toEqual([])
    expect(journal.needsCompaction).toBe(true)
    journal.append({ type: 'order:recall', id: id(1), at: NOW, seq: 3 })
    journal.close()

    const { journal: again, recovered: board } = Journal.open(dir, { log: silentLogger })
    again.close()
    expect(board.warnings).toEqual([])
    expect(board.seq).toBe(3)
    expect(board.orders[0]?.bumpedAt).toBeUndefined()
  })
})
