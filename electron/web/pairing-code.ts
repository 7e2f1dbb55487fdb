// The hub's pairing code: six digits, new every two minutes and after each use, told only to the
// hub's own screen (and its console), never sent to a device. Five wrong codes in a row pause
// pairing for a minute, so a code cannot be found by trying: 10^6 codes at 5 a minute.
import { randomInt } from 'node:crypto'

export interface PairingCodeOptions {
  /** Called with every new code (the browser shell prints it). */
  onCode: (code: string) => void
  rotateMs?: number
  maxWrong?: number
  pauseMs?: number
  now?: () => number
}

export type PairingAttempt =
  { outcome: 'right' } | { outcome: 'wrong' } | { outcome: 'paused'; until: number }

export const PAIRING_ROTATE_MS = 2 * 60 * 1000
export const PAIRING_MAX_WRONG = 5
export const PAIRING_PAUSE_MS = 60 * 1000

const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0')

/** The code and its guard; `stop` ends the rotation. */
export class PairingCode {
  private code = newCode()
  private wrong = 0
  private pausedUntilAt: number | null = null
  private readonly timer: ReturnType<typeof setInterval>
  private readonly now: () => number
  private readonly maxWrong: number
  private readonly pauseMs: number

  constructor(private readonly options: PairingCodeOptions) {
    this.now = options.now ?? Date.now
    this.maxWrong = options.maxWrong ?? PAIRING_MAX_WRONG
    this.pauseMs = options.pauseMs ?? PAIRING_PAUSE_MS
    this.timer = setInterval(() => this.rotate(), options.rotateMs ?? PAIRING_ROTATE_MS)
    this.timer.unref()
    options.onCode(this.code)
  }

  get current(): string {
    return this.code
  }

  /** When pairing may be tried again, or null while it may be now. */
  pausedUntil(): number | null {
    if (this.pausedUntilAt !== null && this.now() >= this.pausedUntilAt) {
      this.pausedUntilAt = null
      this.wrong = 0
    }
    return this.pausedUntilAt
  }

  /** Checks a code someone typed; a right one is used up at once. */
  attempt(code: string): PairingAttempt {
    const until = this.pausedUntil()
    if (until !== null) return { outcome: 'paused', until }
    if (code !== this.code) {
      this.wrong += 1
      if (this.wrong >= this.maxWrong) {
        this.pausedUntilAt = this.now() + this.pauseMs
        return { outcome: 'paused', until: this.pausedUntilAt }
      }
      return { outcome: 'wrong' }
    }
    this.wrong = 0
    this.rotate()
    return { outcome: 'right' }
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private rotate(): void {
    let next = newCode()
    while (next === this.code) next = newCode()
    this.code = next
    this.options.onCode(next)
  }
}
