// kill -9 of a display while a stream is arriving, then a restart: every event that was
// acknowledged (journaled, then handed to the screen) must come back from the journal.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Board } from '../../electron/core/board'
import { silentLogger } from '../../electron/core/logger'
import { waitFor } from '../helpers/wait'
import { cleanUp, startServer } from './server-harness'

const children: ChildProcess[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await cleanUp()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Starts the display process; collects its acknowledgements. */
function startDisplay(url: string, dir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/helpers/display-process.ts', url, dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  children.push(child)
  const acks: { seq: number; id: string; condition: string }[] = []
  let connected = false
  let buffer = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      const [kind, a, b, c] = line.split(' ')
      if (kind === 'ack' && a !== undefined && b !== undefined && c !== undefined) {
        acks.push({ seq: Number(a), id: b, condition: c })
      }
      if (kind === 'state' && a === 'connected') connected = true
    }
  })
  return { child, acks, isConnected: () => connected }
}

describe('the journal under kill -9', () => {
  it.each([50, 400, 1_500])(
    'keeps every acknowledged event when killed after %i of them',
    async (killAfter) => {
      const server = await startServer()
      const dir = mkdtempSync(join(tmpdir(), 'kds-crash-'))
      dirs.push(dir)
      const display = startDisplay(server.url, dir)
      await waitFor(display.isConnected, 'the display to connect', 15_000)

      // A stream of new orders and condition changes, until the display is killed.
      let streaming = true
      const stream = (async () => {
        const ids: string[] = []
        for (let i = 0; streaming && i < 20_000; i += 1) {
          const made = server.handle.createOrder({})
          if (made.ok) ids.push(made.value._id)
          const earlier = ids[Math.floor(ids.length / 2)]
          if (earlier !== undefined) server.handle.updateCondition(earlier, `STEP_${i}`)
          if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      await waitFor(() => display.acks.length >= killAfter, `${killAfter} acknowledgements`, 20_000)
      display.child.kill('SIGKILL')
      await new Promise((resolve) => display.child.once('exit', resolve))
      streaming = false
      await stream

      const acked = [...display.acks]
      expect(acked.length).toBeGreaterThanOrEqual(killAfter)
      const board = Board.open(dir, { log: silentLogger })
      const maxSeq = Math.max(...acked.map((a) => a.seq))
      expect(board.snapshot().seq).toBeGreaterThanOrEqual(maxSeq)
      const missing = acked.filter(
        (a) => !board.get(a.id)?.history.some((h) => h.condition === a.condition),
      )
      expect(missing).toEqual([])
      board.close()
    },
    60_000,
  )
})
