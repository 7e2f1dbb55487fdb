// Provisioning Electron through its own installer, against a loopback mirror this test owns: each
// way a download fails gives the installer's reason, a dead mirror is given up on, and a runtime
// once installed is not downloaded again.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { provisionElectron, type InstallProgress } from '../../electron/start/provision'
import { STAND_IN_PATH, startElectronMirror, type ElectronMirror } from './electron-mirror'
import { ELECTRON_CACHE, closedPort, mirrorEnv } from './electron-mirror-env'
import { copyProject, type ProjectCopy } from './project-copy'

const WINDOWS = process.platform === 'win32'
if (WINDOWS) console.log('[electron-provision] skipped: the stand-in runtime is a shell script')

describe.skipIf(WINDOWS)('provisionElectron', () => {
  let copy: ProjectCopy
  let mirror: ElectronMirror
  beforeAll(async () => {
    copy = copyProject()
    mirror = await startElectronMirror(copy.electronVersion)
  })
  afterAll(async () => {
    await mirror.close()
    copy.remove()
  })
  beforeEach(() => {
    // Each case from nothing: no runtime, and no download cache to take it from.
    copy.removeRuntime()
    rmSync(join(copy.root, ELECTRON_CACHE), { recursive: true, force: true })
    mirror.mode = 'release'
    mirror.requests.length = 0
  })

  it('downloads the runtime once, into the package, and says how far it got', async () => {
    const progress: InstallProgress[] = []
    const env = mirrorEnv(mirror.url, copy)
    const first = await provisionElectron(copy.root, {
      env,
      onProgress: (step) => progress.push(step),
    })
    const binary = join(copy.electronDir, 'dist', STAND_IN_PATH)
    expect(first).toEqual({ ok: true, binary, downloaded: true })
    expect(readFileSync(join(copy.electronDir, 'path.txt'), 'utf8')).toBe(STAND_IN_PATH)
    expect(readFileSync(join(copy.electronDir, 'dist', 'version'), 'utf8')).toBe(
      `v${copy.electronVersion}`,
    )
    expect(mirror.requests).toEqual([
      `/v${copy.electronVersion}/electron-v${copy.electronVersion}-${process.platform}-${process.arch}.zip`,
      `/v${copy.electronVersion}/SHASUMS256.txt`,
    ])
    expect(progress.at(-1)?.unpacked).toBeGreaterThan(0)

    const second = await provisionElectron(copy.root, { env })
    expect(second).toEqual({ ok: true, binary, downloaded: false })
    expect(mirror.requests).toHaveLength(2)
  })

  it('says the mirror does not have it (404)', async () => {
    mirror.mode = 'missing'
    const result = await provisionElectron(copy.root, { env: mirrorEnv(mirror.url, copy) })
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Response code 404 \(Not Found\) for http:\/\/127\.0\.0\.1:/),
    })
    expect(existsSync(join(copy.electronDir, 'path.txt'))).toBe(false)
  })

  it('refuses a download whose checksum does not match', async () => {
    mirror.mode = 'bad-checksum'
    const result = await provisionElectron(copy.root, { env: mirrorEnv(mirror.url, copy) })
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Generated checksum for "electron-v.*\.zip" did not match/),
    })
    expect(existsSync(join(copy.electronDir, 'dist', STAND_IN_PATH))).toBe(false)
  })

  it('names the cause when nothing listens at the mirror', async () => {
    const port = await closedPort()
    const url = `http://127.0.0.1:${port}/`
    const result = await provisionElectron(copy.root, { env: mirrorEnv(url, copy) })
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        new RegExp(`^connect ECONNREFUSED 127\\.0\\.0\\.1:${port} for ${url}v`),
      ),
    })
  })

  it('gives up on a mirror that never answers, after the time without progress', async () => {
    mirror.mode = 'stall'
    const result = await provisionElectron(copy.root, {
      env: mirrorEnv(mirror.url, copy),
      // Longer than the installer takes to start and ask, however loaded the machine.
      idleMs: 6_000,
    })
    const zip = `${mirror.url}v${copy.electronVersion}/electron-v${copy.electronVersion}-${process.platform}-${process.arch}.zip`
    expect(result).toEqual({ ok: false, reason: `the download of ${zip} made no progress for 6 s` })
    expect(mirror.requests).toHaveLength(1)
  })
})
