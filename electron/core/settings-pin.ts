// The settings PIN, kept only as a salted scrypt hash from the moment it is read, so it never
// lingers in memory, diagnostics or a log as digits.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

/** A PIN as it is kept. */
export interface PinHash {
  salt: Buffer
  hash: Buffer
}

const KEY_LENGTH = 32

/** Hashes `pin` with a fresh salt. */
export function hashPin(pin: string): PinHash {
  const salt = randomBytes(16)
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH) }
}

/** Whether `attempt` is the PIN, in constant time. */
export function pinMatches(pin: PinHash, attempt: string): boolean {
  return timingSafeEqual(scryptSync(attempt, pin.salt, KEY_LENGTH), pin.hash)
}

export interface SettingsLockOptions {
  /** How long an unlock lasts (default 5 minutes). */
  unlockMs?: number
  /** Wrong attempts before a pause (default 5), and the pause (default 1 minute). */
  maxAttempts?: number
  pauseMs?: number
  now?: () => number
}

/** Whether the settings may be changed now, and the way to unlock them with the PIN. */
export interface SettingsLock {
  locked(): boolean
  /** Unlocks for a while when `attempt` is right; refuses every attempt during a pause. */
  unlock(attempt: string): 'unlocked' | 'wrong' | 'paused'
  /** Locks again at once. */
  lock(): void
  /** Until when the current unlock lasts, or the current pause after wrong tries (ms). */
  until(): number
}

/** A lock for `pin`; null when no PIN is set (never locked). */
export function createSettingsLock(
  pin: PinHash | null,
  options: SettingsLockOptions = {},
): SettingsLock | null {
  if (pin === null) return null
  const { unlockMs = 5 * 60_000, maxAttempts = 5, pauseMs = 60_000, now = Date.now } = options
  let unlockedUntil = 0
  let pausedUntil = 0
  let wrong = 0
  return {
    locked: () => now() >= unlockedUntil,
    lock: () => {
      unlockedUntil = 0
    },
    until: () => (now() < pausedUntil ? pausedUntil : unlockedUntil),
    unlock(attempt) {
      if (now() < pausedUntil) return 'paused'
      if (pinMatches(pin, attempt)) {
        wrong = 0
        unlockedUntil = now() + unlockMs
        return 'unlocked'
      }
      wrong += 1
      // A pause after a few tries makes guessing a 4-digit PIN take days rather than seconds.
      if (wrong >= maxAttempts) {
        wrong = 0
        pausedUntil = now() + pauseMs
      }
      return 'wrong'
    },
  }
}
