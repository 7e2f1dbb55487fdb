// The real `npm start` on a fresh clone (a copy of the project whose electron package has no
// runtime yet), against a loopback Electron mirror: it builds, provisions the stand-in runtime with
// Electron's installer, and launches it from the project with the app and the arguments given; a
// second start downloads nothing; with no reachable mirror it says why and serves the browser shell.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAND_IN_PATH, startElectronMirror, type ElectronMirror } from './electron-mirror'
import { closedPort, mirrorEnv } from './electron-mirror-env'
import { copyProject, type ProjectCopy } from './project-copy'

const WINDOWS = process.platform === 'win32'
if (WINDOWS) console.log('[npm-start] skipped: the stand-in runtime is a shell script')

// Building the app is part of `npm start`; a loaded CI machine takes a while for it.
const START_MS = 150_000

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** `npm start -- ...args` in `root`, in a process group of its own so it can be ended whole. */
function npmStart(root: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const npmCli = process.env['npm_execpath']
  const [command, prefix] =
    npmCli !== undefined && npmCli.endsWith('.js')
      ? [process.execPath, [npmCli]]
      : ['npm', [] as string[]]
  const child = spawn(command, [...prefix, 'start', '--', ...args], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const chunks: string[] = []
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { child, output: () => chunks.join(''), exited }
}

/** Ends `started` and everything it started. */
async function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.pid === undefined) return
  try {
    process.kill(-started.child.pid, 'SIGTERM')
  } catch {
    return // already gone
  }
  await started.exited
}

/** Resolves once `started` has printed `text`; rejects if it exits first. */
async function printed(started: Started, text: string): Promise<void> {
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) {
      throw new Error(`npm start exited before saying "${text}":\n${started.output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe.skipIf(WINDOWS)('npm start on a fresh clone', () => {
  let copy: ProjectCopy
  let mirror: ElectronMirror
  const running: Started[] = []
  beforeAll(async () => {
    copy = copyProject()
    mirror = await startElectronMirror(copy.electronVersion)
  })
  afterAll(async () => {
    await Promise.all(running.map(stop))
    await mirror.close()
    copy.remove()
  })

  it(
    'downloads the runtime through the mirror and opens it on the project, once',
    async () => {
      const env = mirrorEnv(mirror.url, copy)
      const first = npmStart(copy.root, ['--view', 'dispatch'], env)
      running.push(first)
      expect(await first.exited, first.output()).toBe(0)
      expect(first.output()).toContain(
        `Electron ${copy.electronVersion} is installed; opening the app.`,
      )
      expect(readFileSync(join(copy.electronDir, 'path.txt'), 'utf8')).toBe(STAND_IN_PATH)
      const launched = join(copy.electronDir, 'dist', dirname(STAND_IN_PATH), 'launched.txt')
      expect(readFileSync(launched, 'utf8').split('\n')).toEqual([
        copy.root,
        '.',
        '--view',
        'dispatch',
        '',
      ])
      const asked = mirror.requests.length
      expect(asked).toBeGreaterThan(0)

      const second = npmStart(copy.root, [], env)
      running.push(second)
      expect(await second.exited, second.output()).toBe(0)
      expect(second.output()).not.toContain('Downloading Electron')
      expect(second.output()).not.toContain('is installed; opening the app')
      expect(mirror.requests).toHaveLength(asked)
      expect(readFileSync(launched, 'utf8')).toBe(`${copy.root}\n.\n`)
    },
    2 * START_MS,
  )

  it(
    'says why in one sentence and serves the browser shell when no mirror answers',
    async () => {
      copy.removeRuntime()
      const dead = `http://127.0.0.1:${await closedPort()}/`
      const port = await closedPort()
      const started = npmStart(copy.root, ['--port', String(port)], mirrorEnv(dead, copy))
      running.push(started)
      const address = `http://127.0.0.1:${port}/`
      await printed(started, `listening on ${address}`)
      const sentence = started
        .output()
        .split('\n')
        .find((line) => line.startsWith(`Electron ${copy.electronVersion} could not be installed`))
      expect(sentence).toMatch(/\(connect ECONNREFUSED 127\.0\.0\.1:\d+ for http:\/\/127\.0\.0\.1:/)
      expect(sentence).toContain('so the browser shell starts instead')
      expect(sentence).toContain('ELECTRON_MIRROR')
      const page = await fetch(address)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app"')
      await stop(started)
    },
    START_MS,
  )
})
