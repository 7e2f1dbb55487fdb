// Where the Electron runtime of the project's electron package is, read the way the package reads
// it (dist/ holds the runtime, path.txt names its executable), without requiring the package: its
// index.js would start a download of its own, silently, with no bound on time.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { z } from 'zod'

/** Where the Electron runtime is, or why there is none (and where its package is, if any). */
export type ElectronRuntime =
  | { installed: true; binary: string }
  | { installed: false; reason: string; packageDir: string | null }

/** The file system calls the detection makes, replaceable in tests. */
export interface RuntimeProbe {
  /** Resolves a module's file from the project, throwing when it is not installed. */
  resolve(id: string): string
  exists(path: string): boolean
  read(path: string): string
}

/** The real file system, resolving modules from `root`'s package.json. */
export const nodeProbe = (root: string): RuntimeProbe => ({
  resolve: (id) => createRequire(join(root, 'package.json')).resolve(id),
  exists: existsSync,
  read: (path) => readFileSync(path, 'utf8'),
})

/** Finds the Electron binary the electron package of `root` would run. */
export function findElectronRuntime(
  root: string,
  probe: RuntimeProbe = nodeProbe(root),
  env: NodeJS.ProcessEnv = process.env,
): ElectronRuntime {
  let packageDir: string
  try {
    packageDir = dirname(probe.resolve('electron/package.json'))
  } catch {
    return { installed: false, reason: 'the electron package is not installed', packageDir: null }
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!probe.exists(pathFile)) {
    return { installed: false, reason: `${join(packageDir, 'dist')} is missing`, packageDir }
  }
  const executable = probe.read(pathFile).trim()
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary =
    override !== undefined && override !== ''
      ? join(override, executable)
      : join(packageDir, 'dist', executable)
  return probe.exists(binary)
    ? { installed: true, binary }
    : { installed: false, reason: `${binary} is missing`, packageDir }
}

/** The version of `root`'s electron package ("45.5.0"), or "" when it is not installed. */
export function electronVersion(root: string, probe: RuntimeProbe = nodeProbe(root)): string {
  try {
    const text = probe.read(probe.resolve('electron/package.json'))
    return z.object({ version: z.string() }).parse(JSON.parse(text)).version
  } catch {
    return ''
  }
}
