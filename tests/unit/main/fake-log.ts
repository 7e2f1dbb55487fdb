// A Logger that remembers, for tests that assert on what was reported.
import { vi } from 'vitest'
import type { Logger } from '../../../electron/core/logger'

/** A logger whose calls can be inspected. */
export function fakeLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger
}

/** Every message logged at `level`, as one string each (message and fields). */
export function logged(log: ReturnType<typeof fakeLog>, level: keyof Logger): string[] {
  return log[level].mock.calls.map((call: unknown[]) =>
    call.map((part) => JSON.stringify(part)).join(' '),
  )
}
