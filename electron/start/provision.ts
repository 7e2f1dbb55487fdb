// Provisioning the Electron runtime: since Electron 42 the electron package downloads it lazily,
// so a fresh `npm ci` has none. This runs the package's own installer (install.js: @electron/get,
// with ELECTRON_MIRROR, proxies, checksums and the download cache), watches it make progress, and
// stops it after a bounded time without any. It never downloads by itself.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { REQUEST_ANNOUNCEMENT, announcedSize, failureReason } from './installer-output'
import { findElectronRuntime } from './runtime'

/** Long enough for a slow mirror's first byte, short enough that a dead one does not hang CI. */
export const DEFAULT_IDLE_MS = 60_000
const POLL_MS = 500

/** How far the installer has got: bytes downloaded (of `total` when known), then unpacked. */
export interface InstallProgress {
  downloaded: number
  total: number | null
  unpacked: number
}

export interface ProvisionOptions {
  env?: NodeJS.ProcessEnv
  /** Give up when neither the download nor the unpacking has moved for this long. */
  idleMs?: number
  onProgress?: (progress: InstallProgress) => void
}

/** The runtime's binary (and whether it was just downloaded), or why there is none. */
export type Provisioned =
  { ok: true; binary: string; downloaded: boolean } | { ok: false; reason: string }

const HOOK = pathToFileURL(fileURLToPath(new URL('installer-hook.ts', import.meta.url))).href

/** Bytes in the files under `dir` (0 when it does not exist); races with the writer are fine. */
function bytesUnder(dir: string): number {
  let total = 0
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue
    try {
      total += statSync(join(entry.parentPath, entry.name)).size
    } catch {
      // Moved into the cache or deleted between the listing and the stat.
    }
  }
  return total
}

/** Bytes in @electron/get's download folders under `temp` (tsx keeps its cache there too). */
function downloadBytes(temp: string): number {
  let names: string[]
  try {
    names = readdirSync(temp)
  } catch {
    return 0
  }
  return names
    .filter((name) => name.startsWith('electron-download-'))
    .reduce((sum, name) => sum + bytesUnder(join(temp, name)), 0)
}

/** Makes sure the project's Electron runtime is installed, running Electron's installer if not. */
export async function provisionElectron(
  root: string,
  options: ProvisionOptions = {},
): Promise<Provisioned> {
  const env = options.env ?? process.env
  const found = findElectronRuntime(root, undefined, env)
  if (found.installed) return { ok: true, binary: found.binary, downloaded: false }
  if (found.packageDir === null) return { ok: false, reason: `${found.reason}: run npm ci` }

  // The installer downloads into the system's temporary folder; one of our own, so that its
  // growth is the download's progress and a stopped download leaves nothing behind.
  const temp = mkdtempSync(join(tmpdir(), 'kds-electron-install-'))
  try {
    const outcome = await runInstaller(found.packageDir, root, temp, env, options)
    if (!outcome.ok) return outcome
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  const installed = findElectronRuntime(root, undefined, env)
  return installed.installed
    ? { ok: true, binary: installed.binary, downloaded: true }
    : { ok: false, reason: `the installer finished but ${installed.reason}` }
}

function runInstaller(
  packageDir: string,
  root: string,
  temp: string,
  env: NodeJS.ProcessEnv,
  options: ProvisionOptions,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', HOOK, join(packageDir, 'install.js')],
    {
      cwd: root,
      env: { ...env, TMPDIR: temp, TMP: temp, TEMP: temp },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const output: string[] = []
  const progress: InstallProgress = { downloaded: 0, total: null, unpacked: 0 }
  let lastMove = Date.now()
  let partial = ''
  let requested: string | null = null
  const read = (chunk: Buffer) => {
    const text = partial + chunk.toString()
    const lines = text.split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const size = announcedSize(line)
      if (size !== null && size.url.endsWith('.zip')) progress.total = size.bytes
      else if (line.startsWith(REQUEST_ANNOUNCEMENT)) {
        requested = line.slice(REQUEST_ANNOUNCEMENT.length).trim()
      } else output.push(line)
    }
    lastMove = Date.now()
  }
  child.stdout.on('data', read)
  child.stderr.on('data', read)

  return new Promise((resolve) => {
    let stalled = false
    let seen = '0 0' // nothing downloaded or unpacked yet: not progress to report
    /** Measures the download and the unpacking; reports them when they moved. */
    const measure = (): boolean => {
      const downloaded = downloadBytes(temp)
      const unpacked = bytesUnder(join(packageDir, 'dist'))
      if (`${downloaded} ${unpacked}` === seen) return false
      seen = `${downloaded} ${unpacked}`
      // After the download the file moves from the temporary folder to the cache: keep the
      // figure reached, so the count never runs backwards.
      progress.downloaded = Math.max(progress.downloaded, downloaded)
      progress.unpacked = unpacked
      lastMove = Date.now()
      options.onProgress?.({ ...progress })
      return true
    }
    const timer = setInterval(() => {
      if (!measure() && Date.now() - lastMove > idleMs) {
        stalled = true
        child.kill('SIGKILL')
      }
    }, POLL_MS)
    child.on('error', (error) => {
      clearInterval(timer)
      resolve({ ok: false, reason: `the installer could not start: ${error.message}` })
    })
    child.on('close', (code, signal) => {
      clearInterval(timer)
      if (partial !== '') output.push(partial)
      if (code === 0) {
        // A quick install may finish between two polls: its last figure is still said.
        measure()
        resolve({ ok: true })
      } else if (stalled) {
        const of = requested === null ? '' : ` of ${requested}`
        const seconds = Math.round(idleMs / 1000)
        resolve({ ok: false, reason: `the download${of} made no progress for ${seconds} s` })
      } else
        resolve({ ok: false, reason: failureReason(output.join('\n'), String(code ?? signal)) })
    })
  })
}
