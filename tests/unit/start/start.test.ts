import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { start } from '../../../electron/start'
import type { provisionElectron } from '../../../electron/start/provision'

const spawned = vi.hoisted(
  () => [] as { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }[],
)
vi.mock('node:child_process', () => ({
  spawn: (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => {
    spawned.push({ command, args, cwd: options.cwd, env: options.env })
    return Object.assign(new EventEmitter(), { kill: () => true })
  },
}))

const ROOT = '/project'
const installed = (downloaded: boolean): typeof provisionElectron =>
  vi.fn(async () => ({ ok: true as const, binary: '/project/electron/dist/electron', downloaded }))
const failed = (reason: string): typeof provisionElectron =>
  vi.fn(async () => ({ ok: false as const, reason }))

afterEach(() => {
  spawned.length = 0
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('start', () => {
  it('launches Electron on the project, with the arguments, once the runtime is there', async () => {
    vi.stubEnv('ELECTRON_RUN_AS_NODE', '1')
    const provision = installed(false)
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    await start(ROOT, ['--user-data-dir=/tmp/x'], provision)
    expect(provision).toHaveBeenCalledWith(ROOT, expect.objectContaining({}))
    expect(spawned).toEqual([
      {
        command: '/project/electron/dist/electron',
        args: ['.', '--user-data-dir=/tmp/x'],
        cwd: ROOT,
        env: expect.not.objectContaining({ ELECTRON_RUN_AS_NODE: '1' }),
      },
    ])
    expect(log).not.toHaveBeenCalled()
  })

  it('says so when it has just downloaded the runtime', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    await start(ROOT, [], installed(true))
    expect(log).toHaveBeenCalledTimes(1)
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^Electron .* is installed; opening the app/)
  })

  it('starts the browser shell with the arguments, after one sentence saying why and how', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const reason = 'connect ECONNREFUSED 127.0.0.1:9 for http://127.0.0.1:9/v45.5.0/e.zip'
    await start(ROOT, ['--port', '0'], failed(reason))
    expect(spawned).toEqual([
      {
        command: process.execPath,
        args: ['--import', 'tsx', join('electron', 'web', 'cli.ts'), '--port', '0'],
        cwd: ROOT,
        env: process.env,
      },
    ])
    expect(log).toHaveBeenCalledTimes(1)
    const said = String(log.mock.calls[0]?.[0])
    expect(said).toContain(`could not be installed (${reason}), so the browser shell starts`)
    expect(said).toContain('ELECTRON_MIRROR')
    expect(said).toContain('npx install-electron')
    expect(said).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD')
    expect(said.match(/\.\s/g)).toBeNull()
  })
})
