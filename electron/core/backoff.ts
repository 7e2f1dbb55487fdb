/** How retries after a lost connection are spaced. */
export interface BackoffOptions {
  /** The first delay. */
  baseMs: number
  /** No delay is longer than this. */
  maxMs: number
  /** 0..1: the share of each delay that is randomised, so a fleet of displays does not retry in step. */
  jitter: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, jitter: 0.5 }

/** The delay before retry number `attempt` (1-based): capped exponential, with jitter taken off. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30)
  const capped = Math.min(options.maxMs, options.baseMs * 2 ** exponent)
  return Math.round(capped * (1 - options.jitter * random()))
}
