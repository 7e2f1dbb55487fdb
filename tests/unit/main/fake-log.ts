// A Logger that remembers, for tests that assert on what was reported.
import { vi } from 'vitest'
import type { Logger } from '../../../electron/core/logger'

/** A logger whose calls can be inspected. */
export function fakeLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger
}
