import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyChange, type BoardEvent, type BoardOrder } from '../../electron/common/board'
import { OrderSchema, type Order } from '../../electron/common/protocol/schemas'
import { Journal, JOURNAL_FILE, type JournalOptions } from '../../electron/core/journal'
import { silentLogger, type Logger } from '../../electron/core/logger'

const BASE: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/order-new.json', import.meta.url), 'utf8'),
)

/** The spec's example order under another id. */
function order(id: string, condition = 'NEW'): Order {
  return OrderSchema.parse({ ...(BASE as object), _id: id, condition })
}

const HOUR = 60 * 60 * 1000
const NOW = 1_700_000_000_000

let seq = 0
const added = (id: string, at = NOW): BoardEvent => ({
  type: 'order:new',
  order: order(id),
  at,
  seq: ++seq,
})
const moved = (id: string, condition: string, at = NOW): BoardEvent => ({
  type: 'order:condition',
  id,
  condition,
  at,
  seq: ++seq,
})

/** The board the reducer builds from `events`, as the journal should rebuild it. */
function boardOf(events: BoardEvent[]): BoardOrder[] {
  const orders = new Map<string, BoardOrder>()
  for (const event of events) applyChange(orders, event)
  return [...orders.values()]
}

let dir: string
const file = () => join(dir, JOURNAL_FILE)
const backups = () => readdirSync(dir).filter((name) => name.startsWith('journal.corrupt-'))
const open = (options: JournalOptions = {}) =>
  Journal.open(dir, { now: () => NOW, log: silentLogger, ...options })

/** Opens, appends `events`, closes. */
function write(events: BoardEvent[]): void {
  const { journal } = open()
  for (const event of events) journal.append(event)
  journal.close()
}

/** Opens, closes, and returns what was recovered. */
function reopen(options: JournalOptions = {}) {
  const { journal, recovered } = open(options)
  journal.close()
  return recovered
}

beforeEach(() => {
  seq = 0
  dir = mkdtempSync(join(tmpdir(), 'kds-journal-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('Journal', () => {
  it('starts empty, creating the directory and the file', () => {
    dir = join(dir, 'nested', 'data')
    expect(reopen()).toEqual({ orders: [], seq: 0, warnings: [] })
    expect(readdirSync(dir)).toEqual([JOURNAL_FILE])
  })

  it('rebuilds the same board from appended events', () => {
    const events = [
      added('a0000000000000000000000a', NOW - 3000),
      moved('a0000000000000000000000a', 'COOKING', NOW - 2000),
      added('b0000000000000000000000b', NOW - 1500),
      moved('b0000000000000000000000b', 'DELIVERED', NOW - 1000),
    ]
    write(events)
    const recovered = reopen()
    expect(recovered).toEqual({ orders: boardOf(events), seq: 4, warnings: [] })
    expect(recovered.orders[0]?.history.map((entry) => entry.condition)).toEqual(['NEW', 'COOKING'])
    // Once more, now from the compacted snapshot rather than from events.
    expect(reopen()).toEqual(recovered)
  })

  it('keeps a condition that came before its order', () => {
    const events = [moved('c1', 'COOKING', NOW - 200), added('c1', NOW - 100)]
    write(events)
    const [only] = reopen().orders
    expect(only?.order?._id).toBe('c1')
    expect(only?.condition).toBe('COOKING')
    expect(only?.history).toEqual([{ condition: 'COOKING', at: NOW - 200 }])
  })

  it('does not grow the history for a repeated condition', () => {
    write([added('d1'), moved('d1', 'COOKING'), moved('d1', 'COOKING')])
    const recovered = reopen()
    expect(recovered.orders[0]?.history).toHaveLength(2)
    expect(recovered.seq).toBe(3)
  })

  it('skips a torn last line, keeps the rest, and appends cleanly after it', () => {
    write([added('e1'), added('e2')])
    const half = JSON.stringify({ t: 'event', event: moved('e1', 'COOKING') })
    appendFileSync(file(), half.slice(0, half.length / 2))

    const { journal, recovered } = open()
    expect(recovered.orders.map((o) => o.id)).toEqual(['e1', 'e2'])
    expect(recovered.seq).toBe(2)
    // Line 1 is the snapshot header, 2 and 3 the events, 4 the torn write.
    expect(recovered.warnings[0]).toMatch(
      /^journal line 4 is incomplete, a write cut short \(.+\); skipped$/,
    )
    expect(recovered.warnings[1]).toBe(
      `the journal as it was is kept in ${join(dir, backups()[0] ?? '')}`,
    )

    journal.append(moved('e2', 'COLLECTED'))
    journal.close()
    const clean = reopen()
    expect(clean.warnings).toEqual([])
    expect(clean.orders.map((o) => o.condition)).toEqual(['NEW', 'COLLECTED'])
  })

  it('keeps a whole last line whose newline was never written', () => {
    write([added('f1')])
    appendFileSync(file(), JSON.stringify({ t: 'event', event: moved('f1', 'COOKING') }))
    const recovered = reopen()
    expect(recovered.warnings).toEqual([])
    expect(recovered.orders[0]?.condition).toBe('COOKING')
  })

  it('skips a corrupt middle line, keeps the rest, and copies the original aside', () => {
    write([added('g1'), added('g2'), added('g3')])
    const lines = readFileSync(file(), 'utf8').split('\n')
    lines[2] = '{"t":"event","event":{"type":"order:new",'
    writeFileSync(file(), lines.join('\n'))
    const original = readFileSync(file())
    const warned: string[] = []
    const log: Logger = { ...silentLogger, warn: (message) => warned.push(message) }

    const recovered = reopen({ log })
    expect(recovered.orders.map((o) => o.id)).toEqual(['g1', 'g3'])
    expect(recovered.seq).toBe(3)
    expect(recovered.warnings[0]).toMatch(/^journal line 3 is corrupt \(.+\); skipped$/)
    expect(warned).toEqual(recovered.warnings)
    expect(backups()).toHaveLength(1)
    expect(readFileSync(join(dir, backups()[0] ?? ''))).toEqual(original)
    expect(reopen().warnings).toEqual([])
  })

  it('survives a file of garbage with an empty board and a bounded list of warnings', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))
    writeFileSync(file(), garbage)

    const { journal, recovered } = open()
    expect(recovered.orders).toEqual([])
    expect(recovered.seq).toBe(0)
    expect(recovered.warnings.length).toBeGreaterThan(1)
    expect(recovered.warnings.length).toBeLessThanOrEqual(12)
    expect(readFileSync(join(dir, backups()[0] ?? ''))).toEqual(garbage)

    journal.append(added('h1'))
    journal.close()
    expect(reopen().orders.map((o) => o.id)).toEqual(['h1'])
  })

  it('rejects a line with a __proto__ key', () => {
    write([added('i1')])
    const poisoned = { t: 'event', event: { ...added('i2'), order: { ...order('i2') } } }
    const line = JSON.stringify(poisoned).replace('"_id":"i2"', '"_id":"i2","__proto__":{"x":1}')
    appendFileSync(file(), `${line}\n`)

    const recovered = reopen()
    expect(recovered.orders.map((o) => o.id)).toEqual(['i1'])
    expect(recovered.warnings[0]).toContain('forbidden key "__proto__"')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('drops old finished orders, keeping recent finished and unfinished ones', () => {
    const old = NOW - 25 * HOUR
    const events = [
      added('old-delivered', old),
      moved('old-delivered', 'DELIVERED', old),
      added('new-completed', old),
      moved('new-completed', 'COMPLETED', NOW - HOUR),
      added('old-cooking', old),
      moved('old-cooking', 'COOKING', old),
      moved('old-unknown', 'SOMETHING_NEW', old),
    ]
    write(events)
    const recovered = reopen()
    expect(recovered.orders.map((o) => o.id)).toEqual([
      'new-completed',
      'old-cooking',
      'old-unknown',
    ])
    expect(recovered.seq).toBe(7)
    expect(reopen({ retentionMs: 30 * 60 * 1000 }).orders.map((o) => o.id)).toEqual([
      'old-cooking',
      'old-unknown',
    ])
  })

  it('compacts to a snapshot, returns the dropped count, and reopens to the same board', () => {
    const events = [
      added('j1', NOW - 2 * HOUR),
      moved('j1', 'CANCELED', NOW - 2 * HOUR),
      added('j2', NOW - 2 * HOUR),
    ]
    const { journal } = open({ retentionMs: HOUR })
    for (const event of events) journal.append(event)
    const before = journal.size
    expect(journal.compact(boardOf(events), 3)).toBe(1)
    expect(journal.size).toBeLessThan(before)
    journal.append(moved('j2', 'COOKING'))
    journal.close()

    const recovered = reopen({ retentionMs: HOUR })
    expect(recovered.orders.map((o) => [o.id, o.condition])).toEqual([['j2', 'COOKING']])
    expect(recovered.seq).toBe(4)
  })

  it('remembers seq across a snapshot of an empty board', () => {
    const { journal } = open()
    expect(journal.compact([], 41)).toBe(0)
    journal.close()
    expect(reopen().seq).toBe(41)
  })

  it('grows with each append and refuses to write once closed', () => {
    const { journal } = open()
    const before = journal.size
    journal.append(added('k1'))
    expect(journal.size).toBeGreaterThan(before)
    journal.close()
    expect(() => journal.append(added('k2'))).toThrow(/is closed/)
  })

  it('throws naming the path when the directory cannot be used', () => {
    const notADir = join(dir, 'plain-file')
    writeFileSync(notADir, 'not a directory')
    for (const target of [notADir, join(notADir, 'data')]) {
      expect(() => Journal.open(target, { log: silentLogger })).toThrow(
        new RegExp(`^cannot open the journal in ${target}: E[A-Z]+: `),
      )
    }
  })
})
