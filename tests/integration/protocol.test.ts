// The protocol layer: an independent Socket.IO implementation (python-socketio, from Debian; .ci/run
// installs it) connects to the reference server with the spec's handlers and their exact arities.
// By default the server must send the spec's four events and nothing more; with recovery on, the
// same client must notice the offset argument, which shows the check can fail.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { UNAUTHORIZED } from '../../electron/common/protocol/events'
import type { Order } from '../../electron/common/protocol/schemas'
import { fixtures } from '../fixtures/load'
import { cleanUp, startServer, type TestServer } from './server-harness'

afterEach(cleanUp)

const PYTHON = '/usr/bin/python3'
const CLIENT = fileURLToPath(new URL('../protocol/spec_client.py', import.meta.url))
const CLIENT_ID = '4920737570657261646d696e'

const ReadySchema = z.object({ ready: z.literal(true) })
const ReportSchema = z.object({
  ready: z.literal(false),
  events: z.array(z.object({ event: z.string(), args: z.array(z.unknown()) })),
  failures: z.array(z.string()),
})
type Report = z.infer<typeof ReportSchema>

beforeAll(() => {
  const probe = spawnSync(PYTHON, ['-c', 'import socketio, websocket'], { encoding: 'utf8' })
  if (probe.status !== 0) {
    throw new Error(
      `the protocol test needs ${PYTHON} with python-socketio and websocket-client ` +
        `(Debian: apt-get install python3-socketio python3-websocket python3-aiohttp): ${probe.stderr}`,
    )
  }
})

/** Runs the Python client against `server`; once it is ready, makes an order and moves it. */
function runSpecClient(server: TestServer): Promise<{ report: Report; order: Order | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [CLIENT, server.url, 'demo-watcher', 'nobody'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let order: Order | null = null
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const lines = stdout.split('\n')
      if (order !== null || !lines.some((line) => ReadySchema.safeParse(safeJson(line)).success))
        return
      const made = server.handle.createOrder({ clientId: CLIENT_ID })
      if (!made.ok) return reject(new Error(made.reason))
      order = made.value
      server.handle.updateCondition(order._id, 'COOKING')
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      const last = stdout.trim().split('\n').at(-1) ?? ''
      const report = ReportSchema.safeParse(safeJson(last))
      if (!report.success) {
        reject(new Error(`the Python client exited ${code} without a report: ${stdout}${stderr}`))
      } else resolve({ report: report.data, order })
    })
  })
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

/** The keys and types of a payload, at every depth (array items by their first item). */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])]
  if (value === null || typeof value !== 'object') return value === null ? null : typeof value
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, field]) => [key, shapeOf(field)]),
  )
}

/**
 * The spec's shape with its nulls and empty arrays (and the fields `actual` leaves null, as the
 * schema allows) taken as they are in `actual`: equal to shapeOf(actual) when no key is extra,
 * missing or of another type.
 */
function shapeLike(actual: unknown, spec: unknown): unknown {
  if (spec === null || actual === null || (Array.isArray(spec) && spec.length === 0))
    return shapeOf(actual)
  if (Array.isArray(spec) && Array.isArray(actual)) return [shapeLike(actual[0], spec[0])]
  if (typeof spec === 'object' && typeof actual === 'object') {
    const fields = new Map(Object.entries(actual))
    return Object.fromEntries(
      Object.entries(spec)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, field]) => [key, shapeLike(fields.get(key), field)]),
    )
  }
  return shapeOf(spec)
}

describe('python-socketio, with the spec handlers, against the reference server', () => {
  it('receives the spec four events with exactly their arguments and payload shapes', async () => {
    const server = await startServer()
    const { report, order } = await runSpecClient(server)
    expect(report.failures).toEqual([])
    expect(report.events.map((item) => item.event)).toEqual([
      'authorization:error',
      'authorization:ok',
      'order:new',
      'order:condition',
    ])
    const [error, ok, made, moved] = report.events.map((item) => item.args)
    expect(error).toEqual([fixtures.authorizationError()])
    expect(error).toEqual([UNAUTHORIZED])
    expect(ok).toEqual([])
    expect(moved).toEqual([{ _id: order?._id, condition: 'COOKING' }])
    expect(shapeOf(moved?.[0])).toEqual(shapeOf(fixtures.orderCondition()))
    expect(made).toEqual([order])
    expect(shapeOf(made?.[0])).toEqual(shapeLike(made?.[0], fixtures.orderNew()))
  })

  it('fails on the offset argument that --recovery adds to every event', async () => {
    const server = await startServer({ recoverySeconds: 60 })
    const { report } = await runSpecClient(server)
    const extra = (event: string, count: number, spec: number) =>
      expect.stringContaining(`${event} arrived with ${count} argument(s), the spec has ${spec}`)
    expect(report.failures).toEqual([
      extra('authorization:error', 2, 1),
      extra('authorization:ok', 1, 0),
      extra('order:new', 2, 1),
      extra('order:condition', 2, 1),
    ])
  })
})
