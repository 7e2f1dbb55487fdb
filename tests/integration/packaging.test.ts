// The packaging smoke test: electron-builder packs the unpacked Linux app (`--dir`), offline,
// around a placeholder Electron, with the project's own electron-builder.yml; then the app.asar
// it made is read back. It must hold the three bundles and every production dependency, nothing
// of the sources, tests or devDependencies, stay under a size budget, and the binary's fuses must
// be set. (The installers themselves need downloads; CI builds them on tags.)
import { extractFile, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { BUNDLES, ROOT, ensureBuilt, packLinuxDir, placeholderElectron } from './packaging-setup'

/**
 * The most app.asar may weigh. Measured at 6.5 MiB: the bundles are about 1 MiB, the rest is the
 * main process's production dependencies (socket.io and its client, electron-store, ws, zod).
 * The renderer's packages are devDependencies: Vite bundles them. A budget breached means
 * something that does not belong got in.
 */
const BUDGET_BYTES = 8 * 1024 * 1024

const LockSchema = z.object({
  packages: z.record(
    z.string(),
    z.object({
      name: z.string().optional(),
      version: z.string().optional(),
      dev: z.boolean().optional(),
      devOptional: z.boolean().optional(),
      peer: z.boolean().optional(),
    }),
  ),
})

const PackageSchema = z.object({ name: z.string(), version: z.string() })

/** name@version of the installed packages in package-lock.json: production ones, and dev-only. */
function lockedPackages(): { production: Set<string>; devOnly: Set<string> } {
  const lock = LockSchema.parse(JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')))
  const production = new Set<string>()
  const dev = new Set<string>()
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.version === undefined) continue
    // Optional packages of other platforms are in the lock but not on disk.
    if (!existsSync(join(ROOT, path, 'package.json'))) continue
    const id = `${entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`
    // npm marks packages only devDependencies need as dev, and those only a peer needs as peer:
    // electron-builder packs neither.
    if (entry.dev === true) dev.add(id)
    else if (entry.devOptional !== true && entry.peer !== true) production.add(id)
  }
  return { production, devOnly: new Set([...dev].filter((id) => !production.has(id))) }
}

const MANIFEST = /(^|\/)node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/

let work: string
let unpacked: string
let asar: string
let files: string[]

beforeAll(async () => {
  await ensureBuilt()
  work = mkdtempSync(join(tmpdir(), 'kds-packaging-'))
  await packLinuxDir(placeholderElectron(join(work, 'electron')), join(work, 'dist'))
  unpacked = join(work, 'dist', 'linux-unpacked')
  asar = join(unpacked, 'resources', 'app.asar')
  files = listPackage(asar, { isPack: false }).map((file) =>
    file.replace(/\\/g, '/').replace(/^\//, ''),
  )
}, 180_000)

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

/** name@version of every package inside the asar. */
function packedPackages(): Set<string> {
  return new Set(
    files
      .filter((file) => MANIFEST.test(file))
      .map((file) => PackageSchema.safeParse(JSON.parse(extractFile(asar, file).toString())))
      .flatMap((parsed) => (parsed.success ? [`${parsed.data.name}@${parsed.data.version}`] : [])),
  )
}

describe('the packaged app', () => {
  it('is the Linux executable and resources/app.asar', () => {
    expect(existsSync(join(unpacked, 'kitchen-display'))).toBe(true)
    expect(existsSync(asar)).toBe(true)
  })

  it('holds the main, preload and renderer bundles, and a package.json that starts main', () => {
    for (const bundle of BUNDLES) expect(files).toContain(bundle)
    expect(files.some((file) => /^out\/renderer\/assets\/.+\.js$/.test(file))).toBe(true)
    const manifest: unknown = JSON.parse(extractFile(asar, 'package.json').toString())
    expect(manifest).toMatchObject({ main: 'out/main/index.js', type: 'module' })
  })

  it('holds every production dependency, at the installed version', () => {
    const packed = packedPackages()
    const { production } = lockedPackages()
    expect([...production].filter((id) => !packed.has(id))).toEqual([])
    const manifest = z
      .object({ dependencies: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')))
    for (const name of Object.keys(manifest.dependencies)) {
      expect(files).toContain(`node_modules/${name}/package.json`)
    }
  })

  it('holds nothing from the sources, the tests or the devDependencies', () => {
    const topLevel = new Set(files.map((file) => file.split('/')[0]))
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json'])
    const outside = files.filter(
      (file) => file.startsWith('out/') && !/^out\/(main|preload|renderer)(\/|$)/.test(file),
    )
    expect(outside).toEqual([])
    expect(files.filter((file) => /\.(ts|cts|mts|map|vue)$/.test(file))).toEqual([])
    const { devOnly } = lockedPackages()
    expect([...packedPackages()].filter((id) => devOnly.has(id))).toEqual([])
    for (const tool of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript']) {
      expect(files).not.toContain(`node_modules/${tool}/package.json`)
    }
  })

  it(`stays under the size budget of ${BUDGET_BYTES / 1024 / 1024} MiB`, () => {
    const size = statSync(asar).size
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    console.log(
      `[packaging] app.asar: ${mib(size)} (budget ${mib(BUDGET_BYTES)}), ${files.length} entries`,
    )
    expect(size).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('has the fuses set: no Node mode, NODE_OPTIONS or inspector; only the checked app.asar', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'kitchen-display'))
    const state = (fuse: FuseV1Options) => String.fromCharCode(Number(wire[fuse]))
    expect(state(FuseV1Options.RunAsNode)).toBe('0')
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
  })
})
