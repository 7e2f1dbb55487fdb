// A power cut, simulated through the journal's file-system seam: only what was synced to the
// device survives. At many random points of random streams (seeded), every change older than the
// sync window (plus one sync's time) must come back, and the board must replay as exactly a prefix
// of the stream: nothing out of order, nothing twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  applyChange,
  type BoardChange,
  type BoardEvent,
  type BoardOrder,
} from '../../electron/common/board'
import { OrderSchema } from '../../electron/common/protocol/schemas'
import { Journal, JOURNAL_FILE, SYNC_WINDOW_MS } from '../../electron/core/journal'
import { silentLogger } from '../../electron/core/logger'
import { intBetween, pick, seededRandom, type Random } from '../../electron/server/random'
import { exampleOrder } from '../fixtures/load'
import { PowerCutFs } from '../helpers/power-cut-fs'

const DIR = '/data'
const START = 1_800_000_000_000
const CONDITIONS = ['ACCEPTED', 'COOKING', 'COLLECTED', 'DELIVERING', 'DELIVERED']

beforeEach(() => {
  vi.useFakeTimers({ now: START })
})
afterEach(() => {
  vi.useRealTimers()
})

const open = (fs: PowerCutFs) =>
  Journal.open(DIR, { fs, log: silentLogger, now: () => Date.now(), retentionMs: 24 * 3_600_000 })

/** A random next change for a board of `ids`. */
function change(random: Random, ids: string[], at: number): BoardChange {
  if (ids.length === 0 || random() < 0.3) {
    const id = `6263bda571a52b2d541e${String(ids.length).padStart(4, '0')}`
    ids.push(id)
    return { type: 'order:new', order: OrderSchema.parse(exampleOrder({ _id: id })), at }
  }
  const id = pick(random, ids)
  const roll = random()
  if (roll < 0.15) return { type: 'order:bump', id, at }
  if (roll < 0.2) return { type: 'order:recall', id, at }
  return { type: 'order:condition', id, condition: pick(random, CONDITIONS), at }
}

const boardOf = (events: readonly BoardEvent[]): BoardOrder[] => {
  const orders = new Map<string, BoardOrder>()
  for (const event of events) applyChange(orders, event)
  return [...orders.values()]
}

interface Written {
  event: BoardEvent
  /** When it was appended, on the (fake) clock. */
  at: number
}

/** Appends a random stream with random pauses, sometimes compacting, then cuts the power. */
function streamThenCut(seed: number): { fs: PowerCutFs; written: Written[]; cutAt: number } {
  const random = seededRandom(seed)
  const fs = new PowerCutFs(random)
  const { journal } = open(fs)
  const orders = new Map<string, BoardOrder>()
  const ids: string[] = []
  const written: Written[] = []
  const length = intBetween(random, 1, 400)
  for (let seq = 1; seq <= length; seq += 1) {
    const next = change(random, ids, Date.now())
    if (applyChange(orders, next) === null) continue
    const event: BoardEvent = { ...next, seq: written.length + 1 }
    journal.append(event)
    written.push({ event, at: Date.now() })
    if (random() < 0.01) journal.compact(orders.values(), event.seq)
    // Mostly a flowing stream, sometimes a pause longer than the window.
    vi.advanceTimersByTime(random() < 0.9 ? intBetween(random, 0, 4) : intBetween(random, 5, 200))
  }
  const cutAt = Date.now()
  fs.powerCut()
  // The display is gone: its timers with it.
  vi.clearAllTimers()
  return { fs, written, cutAt }
}

describe('the journal across a power cut', () => {
  it.each(Array.from({ length: 120 }, (_, i) => i + 1))(
    'keeps every change older than the window and replays a prefix of the stream (seed %i)',
    (seed) => {
      const { fs, written, cutAt } = streamThenCut(seed)
      const { journal, recovered } = open(fs)
      journal.close()

      // A prefix of the stream, exactly: the board it rebuilds is the reducer's over that prefix.
      const kept = recovered.seq
      expect(kept).toBeLessThanOrEqual(written.length)
      const prefix = written.slice(0, kept).map((item) => item.event)
      expect(recovered.orders).toEqual(boardOf(prefix))

      // Every change the window has had time to sync is among them.
      const safeBefore = cutAt - SYNC_WINDOW_MS - fs.maxSyncMs
      const mustSurvive = written.filter((item) => item.at < safeBefore).length
      expect(kept).toBeGreaterThanOrEqual(mustSurvive)

      // What may be lost is at most a torn last line, said so.
      for (const warning of recovered.warnings) expect(warning).toMatch(/incomplete|kept in/)
      // The rewritten file appends cleanly after the cut: no line is split or doubled.
      const first = written[0]
      if (first === undefined) throw new Error('the stream wrote nothing')
      const { journal: again } = open(fs)
      again.append({ ...first.event, seq: kept + 1 })
      again.close()
      expect(open(fs).recovered.seq).toBe(kept + 1)
    },
  )
})

describe('group commit', () => {
  it('syncs a burst once per window, not per change, and not at all while idle', () => {
    const fs = new PowerCutFs(seededRandom(7), 0)
    const { journal } = open(fs)
    const synced = fs.datasyncs
    const random = seededRandom(8)
    const ids: string[] = []
    for (let seq = 1; seq <= 100; seq += 1) {
      journal.append({ ...change(random, ids, Date.now()), seq })
    }
    expect(fs.datasyncs).toBe(synced)
    vi.advanceTimersByTime(SYNC_WINDOW_MS)
    expect(fs.datasyncs).toBe(synced + 1)
    vi.advanceTimersByTime(60_000)
    expect(fs.datasyncs).toBe(synced + 1)
    journal.close()
  })

  it('makes the last changes durable on close, without waiting for the window', () => {
    const fs = new PowerCutFs(seededRandom(9))
    const { journal } = open(fs)
    journal.append({ ...change(seededRandom(1), [], Date.now()), seq: 1 })
    journal.close()
    fs.powerCut()
    expect(open(fs).recovered.seq).toBe(1)
  })

  it('loses the changes of the window when the power goes before it ends', () => {
    // The model keeps none of an unsynced tail here, so this shows the test can fail.
    const fs = new PowerCutFs(() => 0)
    const { journal } = open(fs)
    journal.append({ ...change(seededRandom(1), [], Date.now()), seq: 1 })
    vi.advanceTimersByTime(SYNC_WINDOW_MS - 1)
    fs.powerCut()
    vi.clearAllTimers()
    expect(open(fs).recovered.seq).toBe(0)
    expect(fs.contents(`${DIR}/${JOURNAL_FILE}`)).toBe('{"t":"snapshot","seq":0}\n')
  })

  it('reports a sync the device refused, and keeps the changes written', () => {
    const fs = new PowerCutFs(seededRandom(3), 0)
    fs.fdatasync = (_fd, callback) =>
      void setTimeout(() => callback(new Error('EIO: i/o error')), 0)
    const failures: string[] = []
    const { journal } = Journal.open(DIR, {
      fs,
      log: silentLogger,
      onSyncError: (message) => failures.push(message),
    })
    journal.append({ ...change(seededRandom(1), [], Date.now()), seq: 1 })
    // A timer of 0 ms runs after 1 ms, as in Node.
    vi.advanceTimersByTime(SYNC_WINDOW_MS + 1)
    expect(failures).toEqual([expect.stringMatching(/cannot sync the journal .* EIO: i\/o error/)])
    journal.close()
    expect(open(fs).recovered.seq).toBe(1)
  })
})
