import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  IntentQueue,
  type AttemptOutcome,
  type Intent,
  type IntentKind,
} from '../../electron/core/intents/intent-queue'
import { silentLogger } from '../../electron/core/logger'
import { waitFor } from '../helpers/wait'

const PayloadSchema = z.object({ key: z.string(), n: z.number().int() })
type Payload = z.infer<typeof PayloadSchema>

let dir: string
const queues: IntentQueue<Payload>[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-intents-'))
})
afterEach(() => {
  for (const queue of queues.splice(0)) queue.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A kind whose attempts answer from `answers` in turn (the last one repeats), recording calls. */
function scripted(answers: AttemptOutcome[], extra: Partial<IntentKind<Payload>> = {}) {
  const calls: { payload: Payload; attempt: number; interrupted: boolean }[] = []
  const kind: IntentKind<Payload> = {
    name: 'test',
    schema: PayloadSchema,
    perform: async (payload, { attempt, interrupted }) => {
      calls.push({ payload, attempt, interrupted })
      return answers[Math.min(calls.length - 1, answers.length - 1)] ?? { state: 'done' }
    },
    ...extra,
  }
  return { kind, calls }
}

function open(kind: IntentKind<Payload>, more: { attemptTimeoutMs?: number } = {}) {
  const queue = IntentQueue.open(kind, {
    dataDir: dir,
    backoff: { baseMs: 5, maxMs: 20, jitter: 0 },
    log: silentLogger,
    ...more,
  })
  queues.push(queue)
  return queue
}

const ended = (queue: IntentQueue<Payload>, id: string) => () =>
  ['done', 'failed', 'dropped'].includes(queue.get(id)?.state ?? '')

describe('IntentQueue', () => {
  it('records an intent on disk before its first attempt, then tries it once', async () => {
    let onDisk = ''
    const { kind, calls } = scripted([{ state: 'done' }], {
      perform: async () => {
        onDisk = readFileSync(join(dir, 'intents-test.jsonl'), 'utf8')
        calls.push({ payload: { key: '', n: 0 }, attempt: 1, interrupted: false })
        return { state: 'done' }
      },
    })
    const queue = open(kind)
    const intent = queue.add({ key: 'a', n: 1 })
    expect(intent.state).toBe('sending')
    await waitFor(ended(queue, intent.id), 'the intent to finish')
    expect(onDisk).toContain(`"op":"add","id":"${intent.id}"`)
    expect(onDisk).toContain(`"op":"try"`)
    expect(calls).toHaveLength(1)
    expect(queue.get(intent.id)).toMatchObject({ state: 'done', attempts: 1 })
    expect(queue.pending).toBe(0)
  })

  it('retries with a backoff until it is done, and stays visible while it waits', async () => {
    const { kind, calls } = scripted([
      { state: 'retry', reason: 'unreachable' },
      { state: 'retry', reason: 'unreachable' },
      { state: 'done' },
    ])
    const queue = open(kind)
    const seen: Intent<Payload>[] = []
    queue.on('change', (intent) => seen.push(intent))
    const { id } = queue.add({ key: 'a', n: 1 })
    await waitFor(ended(queue, id), 'the intent to finish')
    expect(calls.map((call) => call.attempt)).toEqual([1, 2, 3])
    const waiting = seen.filter((intent) => intent.state === 'waiting' && intent.attempts > 0)
    expect(waiting).toHaveLength(2)
    expect(waiting[0]).toMatchObject({ reason: 'unreachable' })
    expect(waiting[0]?.nextAttemptAt).toBeGreaterThan(0)
    expect(queue.get(id)?.state).toBe('done')
  })

  it('treats a throw and a timeout as a retry', async () => {
    let call = 0
    const { kind } = scripted([], {
      perform: async ({ n }, { signal }) => {
        call += 1
        if (call === 1) throw new Error(`boom ${n}`)
        if (call === 2) return new Promise<AttemptOutcome>(() => signal.throwIfAborted())
        return { state: 'done' }
      },
    })
    const queue = open(kind, { attemptTimeoutMs: 30 })
    const reasons: (string | null)[] = []
    queue.on('change', (intent) => intent.state === 'waiting' && reasons.push(intent.reason))
    const { id } = queue.add({ key: 'a', n: 7 })
    await waitFor(ended(queue, id), 'the intent to finish')
    expect(reasons.filter((reason) => reason !== null)).toEqual([
      'boom 7',
      'no answer within 30 ms',
    ])
    expect(queue.get(id)).toMatchObject({ state: 'done', attempts: 3 })
  })

  it('finishes a refusal once, with its reason, and never tries it again', async () => {
    const { kind, calls } = scripted([{ state: 'failed', reason: 'forbidden' }])
    const queue = open(kind)
    const { id } = queue.add({ key: 'a', n: 1 })
    await waitFor(ended(queue, id), 'the refusal')
    queue.retryNow()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(calls).toHaveLength(1)
    expect(queue.get(id)).toMatchObject({ state: 'failed', reason: 'forbidden' })
  })

  it("keeps the kind's code for a reason, across a restart too", async () => {
    const { kind } = scripted([
      { state: 'retry', reason: 'down', code: 'unreachable' },
      { state: 'failed', reason: 'HTTP 403', code: 'forbidden' },
    ])
    const queue = open(kind)
    const codes: (string | null)[] = []
    queue.on('change', (intent) => codes.push(intent.code))
    const { id } = queue.add({ key: 'a', n: 1 })
    await waitFor(ended(queue, id), 'the refusal')
    expect(codes).toContain('unreachable')
    expect(queue.get(id)).toMatchObject({ code: 'forbidden', reason: 'HTTP 403' })
    queue.close()
    expect(open(scripted([]).kind).get(id)).toMatchObject({ state: 'failed', code: 'forbidden' })
  })

  it('drops an intent the check finds no longer needed, without trying it', async () => {
    const { kind, calls } = scripted([{ state: 'done' }], {
      check: (intent) =>
        intent.payload.n === 2 ? { state: 'dropped', reason: 'already there' } : null,
    })
    const queue = open(kind)
    const first = queue.add({ key: 'a', n: 2 })
    const second = queue.add({ key: 'a', n: 3 })
    await waitFor(ended(queue, second.id), 'the second intent')
    expect(queue.get(first.id)).toMatchObject({ state: 'dropped', reason: 'already there' })
    expect(calls.map((call) => call.payload.n)).toEqual([3])
  })

  it('tries intents of one key in order, one at a time, and other keys beside them', async () => {
    const order: string[] = []
    let releaseA: () => void = () => {}
    const { kind } = scripted([], {
      keyOf: (payload) => payload.key,
      perform: async ({ key, n }) => {
        order.push(`${key}${n}`)
        if (key === 'a' && n === 1) await new Promise<void>((resolve) => (releaseA = resolve))
        return { state: 'done' }
      },
    })
    const queue = open(kind)
    const a1 = queue.add({ key: 'a', n: 1 })
    const a2 = queue.add({ key: 'a', n: 2 })
    const b1 = queue.add({ key: 'b', n: 1 })
    await waitFor(ended(queue, b1.id), 'the other key')
    expect(order).toEqual(['a1', 'b1'])
    expect(queue.get(a2.id)?.state).toBe('waiting')
    releaseA()
    await waitFor(ended(queue, a2.id), 'the second of the key')
    expect(order).toEqual(['a1', 'b1', 'a2'])
    expect(queue.get(a1.id)?.state).toBe('done')
  })

  it('survives a restart: what waited is tried again, what ended stays ended', async () => {
    const first = scripted([{ state: 'retry', reason: 'unreachable' }])
    const before = open(first.kind)
    const waiting = before.add({ key: 'a', n: 1 })
    await waitFor(() => first.calls.length >= 1, 'an attempt')
    before.close()

    const second = scripted([{ state: 'done' }])
    const after = open(second.kind)
    expect(after.get(waiting.id)?.payload).toEqual({ key: 'a', n: 1 })
    await waitFor(ended(after, waiting.id), 'the intent after the restart')
    expect(second.calls).toHaveLength(1)
    after.close()

    const third = scripted([{ state: 'done' }])
    const again = open(third.kind)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(third.calls).toHaveLength(0)
    expect(again.get(waiting.id)?.state).toBe('done')
  })

  it('tells the kind when an attempt was cut short by the process stopping', async () => {
    const hanging = scripted([], { perform: () => new Promise<AttemptOutcome>(() => {}) })
    const before = open(hanging.kind)
    const { id } = before.add({ key: 'a', n: 1 })
    await waitFor(() => before.get(id)?.state === 'sending', 'the attempt to start')
    before.close()

    const { kind, calls } = scripted([{ state: 'done' }])
    const after = open(kind)
    await waitFor(ended(after, id), 'the intent after the restart')
    expect(calls).toEqual([{ payload: { key: 'a', n: 1 }, attempt: 2, interrupted: true }])
  })

  it('skips journal lines it cannot use, names them, and keeps the rest', async () => {
    const file = join(dir, 'intents-test.jsonl')
    const good = { op: 'add', id: 'good', at: 1, payload: { key: 'a', n: 1 } }
    const bad = { op: 'add', id: 'bad', at: 1, payload: { key: 'a', n: 'one' } }
    writeFileSync(file, `${JSON.stringify(good)}\nnot json\n${JSON.stringify(bad)}\n{"op":"ad`)
    const { kind, calls } = scripted([{ state: 'done' }])
    const queue = open(kind)
    expect(queue.warnings).toHaveLength(3)
    expect(queue.warnings[0]).toContain('line 2')
    expect(queue.warnings[1]).toMatch(/line 3: its payload is not valid \(n: /)
    expect(queue.warnings[2]).toContain('line 4: incomplete')
    await waitFor(ended(queue, 'good'), 'the good intent')
    expect(calls).toHaveLength(1)
  })

  it('refuses a payload that does not fit the schema, naming the field', () => {
    const queue = open(scripted([]).kind)
    expect(() => queue.add({ key: 'a', n: 1.5 })).toThrow(/n/)
    expect(queue.list()).toHaveLength(0)
  })

  it('forgets a finished intent once dismissed, across a restart too', async () => {
    const { kind } = scripted([{ state: 'failed', reason: 'no' }])
    const queue = open(kind)
    const { id } = queue.add({ key: 'a', n: 1 })
    expect(queue.dismiss(id)).toBe(false)
    await waitFor(ended(queue, id), 'the refusal')
    expect(queue.dismiss(id)).toBe(true)
    queue.close()
    expect(open(scripted([]).kind).get(id)).toBeUndefined()
  })

  it('retryNow skips the rest of the backoff', async () => {
    const { kind, calls } = scripted([{ state: 'retry', reason: 'down' }, { state: 'done' }])
    const queue = IntentQueue.open(kind, {
      dataDir: dir,
      backoff: { baseMs: 60_000, maxMs: 60_000, jitter: 0 },
      log: silentLogger,
    })
    queues.push(queue)
    const { id } = queue.add({ key: 'a', n: 1 })
    await waitFor(() => queue.get(id)?.reason === 'down', 'the first failure')
    queue.retryNow()
    await waitFor(ended(queue, id), 'the retry')
    expect(calls).toHaveLength(2)
  })
})
