// What the packaging smoke test needs before it can look inside a package: the app built, a
// placeholder Electron for electron-builder to pack around, and electron-builder run offline.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const require = createRequire(import.meta.url)

/** The built bundles that must be in every package. */
export const BUNDLES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']

// Electron binaries carry this sentinel, then the fuse wire: version 1, its length, and one byte
// per fuse ('0' off, '1' on). The placeholder has the wire of a stock Electron build, so
// electron-builder's fuse flipping runs on it for real.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const STOCK_FUSES = '10110001'

/** Runs `args` with this Node in the project; rejects with the output when it fails. */
export function runNode(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      // No update check (it would go online), no code-signing identity lookup.
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output: string[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const text = output.join('')
      if (code === 0) resolve(text)
      else reject(new Error(`${args.join(' ')} ended with ${code ?? signal}:\n${text}`))
    })
  })
}

/** Builds the app unless `out/` already holds it (`npm test` builds before the tests run). */
export async function ensureBuilt(): Promise<void> {
  if (BUNDLES.every((file) => existsSync(join(ROOT, file)))) return
  // The package exports no bin path: its CLI is found beside its package.json.
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
  await runNode([cli, 'build'], 120_000)
}

/** A Linux Electron distribution with nothing real in it but the fuse wire; returns its folder. */
export function placeholderElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const binary = join(dir, 'electron')
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "placeholder Electron for the packaging test" >&2; exit 1\n'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, STOCK_FUSES.length]),
      Buffer.from(STOCK_FUSES),
    ]),
  )
  chmodSync(binary, 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'placeholder\n')
  return dir
}

/** Packs the unpacked Linux app with electron-builder, offline, into `outDir`. */
export function packLinuxDir(electronDist: string, outDir: string): Promise<string> {
  return runNode(
    [
      require.resolve('electron-builder/cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${outDir}`,
    ],
    150_000,
  )
}
