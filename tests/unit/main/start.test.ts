import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { findElectronRuntime, start, type RuntimeProbe } from '../../../electron/start'

const spawned = vi.hoisted(
  () => [] as { command: string; args: string[]; env: NodeJS.ProcessEnv }[],
)
vi.mock('node:child_process', () => ({
  spawn: (command: string, args: string[], options: { env: NodeJS.ProcessEnv }) => {
    spawned.push({ command, args, env: options.env })
    return Object.assign(new EventEmitter(), { kill: () => true })
  },
}))

const PACKAGE = '/project/node_modules/electron'

function probe(files: Record<string, string>, installed = true): RuntimeProbe {
  return {
    resolve: (id) => {
      if (!installed) throw new Error(`Cannot find module '${id}'`)
      return `${PACKAGE}/package.json`
    },
    exists: (path) => path in files,
    read: (path) => files[path] ?? '',
  }
}

describe('findElectronRuntime', () => {
  it('finds the binary named by path.txt inside dist', () => {
    const files = { [`${PACKAGE}/path.txt`]: 'electron\n', [`${PACKAGE}/dist/electron`]: '' }
    expect(findElectronRuntime('/project', probe(files), {})).toEqual({
      installed: true,
      binary: `${PACKAGE}/dist/electron`,
    })
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const files = { [`${PACKAGE}/path.txt`]: 'electron', '/opt/electron/electron': '' }
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }
    expect(findElectronRuntime('/project', probe(files), env)).toEqual({
      installed: true,
      binary: '/opt/electron/electron',
    })
  })

  it('says why when the package, its path.txt or its binary is missing', () => {
    expect(findElectronRuntime('/project', probe({}, false), {})).toEqual({
      installed: false,
      reason: 'the electron package is not installed',
    })
    expect(findElectronRuntime('/project', probe({}), {})).toEqual({
      installed: false,
      reason: `${PACKAGE}/dist is missing`,
    })
    expect(
      findElectronRuntime('/project', probe({ [`${PACKAGE}/path.txt`]: 'electron' }), {}),
    ).toEqual({
      installed: false,
      reason: `${PACKAGE}/dist/electron is missing`,
    })
  })
})

describe('start', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kds-start-'))
    spawned.length = 0
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('launches Electron on the project where the runtime is installed', () => {
    const electron = join(root, 'node_modules', 'electron')
    mkdirSync(join(electron, 'dist'), { recursive: true })
    writeFileSync(join(electron, 'package.json'), '{"name": "electron", "main": "index.js"}')
    writeFileSync(join(electron, 'path.txt'), 'electron')
    writeFileSync(join(electron, 'dist', 'electron'), '')
    vi.stubEnv('ELECTRON_RUN_AS_NODE', '1')
    start(root, ['--user-data-dir=/tmp/x'])
    vi.unstubAllEnvs()
    expect(spawned).toHaveLength(1)
    expect(spawned[0]?.command).toBe(join(electron, 'dist', 'electron'))
    expect(spawned[0]?.args).toEqual(['.', '--user-data-dir=/tmp/x'])
    expect(spawned[0]?.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE')
  })

  it('starts the browser shell with the arguments, after one sentence saying why and how', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    start(root, ['--port', '0'])
    expect(spawned).toEqual([
      {
        command: process.execPath,
        args: ['--import', 'tsx', join('electron', 'web', 'cli.ts'), '--port', '0'],
        env: process.env,
      },
    ])
    expect(log).toHaveBeenCalledTimes(1)
    const said = String(log.mock.calls[0]?.[0])
    expect(said).toMatch(
      /^The Electron runtime is not installed \(.+\), so the browser shell starts/,
    )
    expect(said).toContain('npm install electron')
    expect(said.match(/\.\s/g)).toBeNull()
    log.mockRestore()
  })
})
