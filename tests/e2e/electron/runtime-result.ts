// What the 'electron-runtime' setup found, handed to the Electron tests in a file (they run in
// other worker processes): the runtime's binary, or why there is none.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { findElectronRuntime } from '../../../electron/start/runtime'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

// In the output folder, which Playwright empties when a run starts: never a stale answer.
const RESULT_FILE = join(ROOT, 'test-results', 'electron-runtime.json')

const Result = z.union([
  z.object({ ok: z.literal(true), binary: z.string() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
])
export type RuntimeResult = z.infer<typeof Result>

export function saveRuntimeResult(result: RuntimeResult): void {
  mkdirSync(dirname(RESULT_FILE), { recursive: true })
  writeFileSync(RESULT_FILE, JSON.stringify(result))
}

/** The runtime to test: the one installed, else the setup's reason for there being none. */
export function runtimeForTests(): RuntimeResult {
  const found = findElectronRuntime(ROOT)
  if (found.installed) return { ok: true, binary: found.binary }
  try {
    const saved = Result.parse(JSON.parse(readFileSync(RESULT_FILE, 'utf8')))
    if (!saved.ok) return saved
  } catch {
    // No setup ran (run with --no-deps), or it wrote something unreadable.
  }
  return { ok: false, reason: `${found.reason}, and the electron-runtime setup did not install it` }
}
