// The CLI as a person runs it. It is spawned through tsx's own CLI (what `npm run server` runs)
// rather than `npx tsx`: npm starts the script through `sh -c`, which dies on SIGTERM without
// passing it on, so the npx process reports the signal instead of the server's exit code.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { api, cleanUp, connectAs } from './server-harness'

afterEach(cleanUp)

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli')
const running = new Set<ChildProcessWithoutNullStreams>()
afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})

interface Run {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  exit: Promise<number | null>
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [TSX_CLI, 'electron/server/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  return { child, stdout: () => stdout, stderr: () => stderr, exit }
}

/** Reads stdout until the banner names the HTTP origin. */
function origin(server: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(server.stdout())
      if (match?.[1] !== undefined && match[2] !== '0') resolve(match[1])
    }
    server.child.stdout.on('data', look)
    void server.exit.then((code) => reject(new Error(`exited ${code}: ${server.stderr()}`)))
    look()
  })
}

describe('server CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves on --port 0, prints its URL and tokens, and exits 0 on %s',
    async (signal) => {
      const server = run(['--port', '0'])
      const url = await origin(server)
      const out = server.stdout()
      expect(out).toContain(`${url.replace('http', 'ws')}/ws`)
      expect(out).toContain(`${url}/api/orders`)
      for (const token of ['demo-admin', 'demo-watcher', 'demo-client'])
        expect(out).toContain(token)

      // It really serves, and an open socket does not keep it from exiting.
      await connectAs(url, 'demo-watcher')
      expect((await api(url, 'GET', '/api/orders', { token: 'demo-admin' })).status).toBe(200)
      server.child.kill(signal)
      expect(await server.exit).toBe(0)
    },
  )

  it('exits 0 on a signal sent the moment the banner appears', async () => {
    // A supervisor may signal as soon as it reads the URL: the handlers must already be there.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const server = run(['--port', '0'])
      await origin(server)
      server.child.kill(signal)
      expect(await server.exit, signal).toBe(0)
    }
  })

  it('loads --users, runs --simulate and turns --recovery on', async () => {
    const server = run([
      '--port',
      '0',
      '--users',
      'tests/fixtures/server/users.json',
      '--simulate',
      '600',
      '--time-scale',
      '0.001',
      '--recovery',
      '30',
    ])
    const url = await origin(server)
    expect(server.stdout()).toMatch(
      /Recovery {3}on for 30 s: every event carries the packet offset/,
    )
    expect(server.stdout()).toContain('+ 3 from tests/fixtures/server/users.json')
    expect(server.stdout()).toContain('Simulator  600 orders a minute')
    const kitchen = await connectAs(url, 'kitchen-1')
    const made = await kitchen.inbox.waitFor((item) => item.event === 'order:new', 'an order')
    expect(made.args).toHaveLength(2)
    server.child.kill('SIGTERM')
    expect(await server.exit).toBe(0)
  })

  it('exits 2 naming the flag for a bad --port', async () => {
    const server = run(['--port', 'eighty'])
    expect(await server.exit).toBe(2)
    expect(server.stderr()).toContain(
      '--port: expected an integer from 0 to 65535, received "eighty"',
    )
  })

  it('exits 2 naming the field for a bad users file', async () => {
    const server = run(['--port', '0', '--users', 'tests/fixtures/server/users-bad-role.json'])
    expect(await server.exit).toBe(2)
    expect(server.stderr()).toMatch(/--users: .*users-bad-role\.json: users\[2\]\.role: /)
  })
})
