// A copy of the project as a fresh clone after `npm ci` has it: the sources copied, every package
// linked from this checkout's node_modules but electron, which is copied without its runtime
// (no dist/, no path.txt), as Electron 42 and later install it. What provisioning writes lands
// in the copy; this checkout's own Electron package is never touched.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** This checkout. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** What a clone has that `npm start` does not need, or that a build or a run leaves behind. */
const NOT_COPIED = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'tests',
  'test-results',
  'playwright-report',
  '.kds-data',
])

export interface ProjectCopy {
  root: string
  /** The copy's electron package, whose dist/ provisioning fills. */
  electronDir: string
  /** That package's version ("45.5.0"). */
  electronVersion: string
  /** Takes the runtime out again, as a fresh `npm ci` would leave it. */
  removeRuntime(): void
  remove(): void
}

/** Makes a fresh copy in a temporary folder. */
export function copyProject(): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'kds-fresh-clone-'))
  for (const entry of readdirSync(ROOT)) {
    if (!NOT_COPIED.has(entry)) cpSync(join(ROOT, entry), join(root, entry), { recursive: true })
  }
  const modules = join(root, 'node_modules')
  mkdirSync(modules)
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === 'electron') continue
    symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry), 'junction')
  }
  const electronDir = join(modules, 'electron')
  const ownRuntime = ['dist', 'path.txt'].map((name) =>
    join(ROOT, 'node_modules', 'electron', name),
  )
  cpSync(join(ROOT, 'node_modules', 'electron'), electronDir, {
    recursive: true,
    filter: (path) => !ownRuntime.includes(path),
  })
  const removeRuntime = () => {
    rmSync(join(electronDir, 'dist'), { recursive: true, force: true })
    rmSync(join(electronDir, 'path.txt'), { force: true })
  }
  const { version } = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')))
  return {
    root,
    electronDir,
    electronVersion: version,
    removeRuntime,
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}
