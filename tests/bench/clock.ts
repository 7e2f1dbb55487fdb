// One wall clock for every process of the benchmark. Date.now() ticks in whole milliseconds, so
// each process anchors performance.now() to the instant Date.now() ticks over: timestamps taken
// in the reference server, the bare client and Chromium then agree to well under a millisecond.

/** A clock in epoch milliseconds with sub-millisecond resolution, anchored now. */
export function anchoredClock(): () => number {
  const start = Date.now()
  let edge = Date.now()
  // Spins for at most one millisecond: until the wall clock ticks over.
  while (edge === start) edge = Date.now()
  const base = performance.now()
  return () => edge + (performance.now() - base)
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

/** Polls `check` every `everyMs` until it answers true; false if `timeoutMs` passes first. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() >= deadline) return false
    await sleep(everyMs)
  }
}
