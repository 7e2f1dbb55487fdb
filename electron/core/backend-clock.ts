// BackendClock: how far the backend's clock is from this machine's. Orders carry the backend's
// times (createdAt, updatedAt); a kitchen PC's clock drifts, loses its time with a dead battery or
// is set to another zone's hours, so ages must not subtract one clock from the other.
//
// A live order:new reaches us within milliseconds of its updatedAt, so each one bounds the offset
// from below: offset ≥ updatedAt − arrival. The estimate is the tightest bound (the quickest
// arrival) among the recent samples that agree with their consensus, so one odd order, in either
// direction, changes nothing. Date headers of the backend's answers are a second, coarser source
// (one-second resolution): the anchor that decides while there are fewer than three samples.
// Samples are kept against a monotonic clock, so a step of this machine's wall clock moves the
// offset at once instead of corrupting the samples.
import { EventEmitter } from 'node:events'
import { performance } from 'node:perf_hooks'
import { CLOCK_SKEW_SHOWN_MS, type ClockStatus } from '../common/status'
import { DEFAULT_RETENTION_MS } from '../common/board'

const MINUTE = 60_000

/** Samples farther than this from their consensus are odd and left out. */
export const CLOCK_TOLERANCE_MS = MINUTE
/** An order whose createdAt is further ahead of the backend's estimated now is implausible. */
export const FUTURE_TOLERANCE_MS = 2 * MINUTE
/** The published offset follows the estimate in steps of at least this: ages show seconds. */
const PUBLISH_STEP_MS = 1_000
/** Samples kept, and how long: enough for a percentile, recent enough to follow the backend. */
const MAX_SAMPLES = 25
const MAX_SAMPLE_AGE_MS = 2 * 60 * MINUTE
/** This many newest samples that agree, away from the estimate, are a new offset, not odd orders. */
const NEW_OFFSET_SAMPLES = 3

/** One reading: the backend's time minus the monotonic clock, and when it was taken (monotonic). */
interface Sample {
  b: number
  at: number
}

/** Backend minus monotonic time, and what it was learned from. */
interface Estimate {
  value: number
  source: ClockStatus['source']
}

export interface BackendClockOptions {
  /** This machine's wall clock, epoch ms (default Date.now). */
  wallNow?: () => number
  /** A monotonic clock in ms, never stepped (default performance.now). */
  monoNow?: () => number
  /** An order older than this when it arrives live is implausible (default: the board's retention). */
  retentionMs?: number
}

export interface BackendClockEvents {
  change: [ClockStatus]
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** The estimate of the backend's clock, fed by live orders and Date headers. */
export class BackendClock extends EventEmitter<BackendClockEvents> {
  private readonly wallNow: () => number
  private readonly monoNow: () => number
  private readonly retentionMs: number
  private samples: Sample[] = []
  private anchor: Sample | null = null
  /** The last estimate worked out; undefined when a sample came or went since. */
  private cached: Estimate | null | undefined = undefined
  private published: ClockStatus = { offsetMs: 0, source: 'none', skewed: false }

  constructor(options: BackendClockOptions = {}) {
    super()
    this.wallNow = options.wallNow ?? Date.now
    this.monoNow = options.monoNow ?? (() => performance.now())
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS
  }

  /** The estimate as last published (see refresh()). */
  get status(): ClockStatus {
    return this.published
  }

  /**
   * A live order:new that arrived at `wallAt` (this machine's clock). Records its updatedAt as a
   * sample and answers whether its createdAt is plausible: not far in the future, not older than
   * the retention. An implausible order ages from its arrival instead.
   */
  liveOrder(order: { createdAt: number; updatedAt: number }, wallAt: number): boolean {
    // With nothing heard yet, the order is judged against this machine's clock, loosely: the
    // first sample decides the offset, so it cannot also vouch for itself.
    const known = this.samples.length > 0 || this.anchor !== null
    this.liveTime(order.updatedAt)
    return known
      ? this.plausible(order.createdAt, wallAt)
      : this.withinRetention(wallAt - order.createdAt)
  }

  /** Whether an order created at `createdAt` (backend) is plausible on arriving at `wallAt` (local). */
  plausible(createdAt: number, wallAt: number): boolean {
    const age = wallAt + this.raw().offsetMs - createdAt
    return age >= -FUTURE_TOLERANCE_MS && age <= this.retentionMs
  }

  /** The monotonic clock the samples are kept on: what callers time requests with. */
  mono(): number {
    return this.monoNow()
  }

  private withinRetention(age: number): boolean {
    return Math.abs(age) <= this.retentionMs
  }

  /** A backend time that was current when a live event was sent (e.g. an order:condition's updatedAt). */
  liveTime(backendMs: number): void {
    const at = this.monoNow()
    this.samples.push({ b: backendMs - at, at })
    if (this.samples.length > MAX_SAMPLES) this.samples.shift()
    this.cached = undefined
    this.refresh()
  }

  /**
   * The Date header of a backend answer to a request sent at `sentAt` and answered at `answeredAt`
   * (both monotonic). Ignored when missing or unreadable.
   */
  httpDate(header: string | null | undefined, sentAt: number, answeredAt: number): void {
    if (header === null || header === undefined) return
    const date = Date.parse(header)
    if (!Number.isFinite(date)) return
    // The header is truncated to the second: its middle is the better guess of when it was written.
    const midway = (sentAt + answeredAt) / 2
    this.anchor = { b: date + 500 - midway, at: answeredAt }
    this.cached = undefined
    this.refresh()
  }

  /** Forgets everything heard: another backend, another clock. */
  reset(): void {
    this.samples = []
    this.anchor = null
    this.cached = undefined
    this.refresh()
  }

  /**
   * Works the estimate out again (this machine's clock may have stepped) and, when it moved by a
   * second or more or its source changed, publishes it and emits `change`.
   */
  refresh(): void {
    this.expire()
    const next = this.raw()
    const before = this.published
    const moved = Math.abs(next.offsetMs - before.offsetMs) >= PUBLISH_STEP_MS
    if (!moved && next.source === before.source) return
    this.published = next
    this.emit('change', next)
  }

  /** The current estimate, unrounded by the publishing step. */
  private raw(): ClockStatus {
    const b = this.estimateB()
    if (b === null) return { offsetMs: 0, source: 'none', skewed: false }
    const offsetMs = Math.round(b.value + this.monoNow() - this.wallNow())
    return { offsetMs, source: b.source, skewed: Math.abs(offsetMs) > CLOCK_SKEW_SHOWN_MS }
  }

  /** The estimate of backend minus monotonic time; worked out again only when a sample came or went. */
  private estimateB(): Estimate | null {
    if (this.cached === undefined) this.cached = this.workOut()
    return this.cached
  }

  private workOut(): Estimate | null {
    this.forgetShifted()
    const anchor = this.anchor
    const values = this.samples.map((sample) => sample.b)
    let consensus: number
    if (values.length >= NEW_OFFSET_SAMPLES) consensus = median(values)
    else if (anchor !== null) consensus = anchor.b
    else if (values.length > 0) consensus = values[values.length - 1] ?? 0
    else return null
    // The quickest arrival is the tightest bound: delays only ever make a sample smaller.
    let best = -Infinity
    for (const b of values) if (Math.abs(b - consensus) <= CLOCK_TOLERANCE_MS && b > best) best = b
    if (best > -Infinity) return { value: best, source: 'events' }
    return anchor === null ? null : { value: anchor.b, source: 'http-date' }
  }

  /** Drops samples and the anchor past their age. */
  private expire(): void {
    const oldest = this.monoNow() - MAX_SAMPLE_AGE_MS
    let drop = 0
    while (drop < this.samples.length && (this.samples[drop]?.at ?? 0) < oldest) drop += 1
    if (drop > 0) this.samples.splice(0, drop)
    const anchorGone = this.anchor !== null && this.anchor.at < oldest
    if (anchorGone) this.anchor = null
    if (drop > 0 || anchorGone) this.cached = undefined
  }

  /**
   * When the newest few samples agree on an offset the older ones do not share (the backend's
   * clock or this one was reset mid-shift), forgets everything before them.
   */
  private forgetShifted(): void {
    const newest = this.samples.slice(-NEW_OFFSET_SAMPLES)
    if (newest.length < NEW_OFFSET_SAMPLES || newest.length === this.samples.length) return
    const centre = median(newest.map((sample) => sample.b))
    if (newest.some((sample) => Math.abs(sample.b - centre) > CLOCK_TOLERANCE_MS)) return
    const older = this.samples.slice(0, -NEW_OFFSET_SAMPLES).map((sample) => sample.b)
    if (Math.abs(median(older) - centre) <= CLOCK_TOLERANCE_MS) return
    this.samples = newest
    const first = newest[0]
    if (this.anchor !== null && first !== undefined && this.anchor.at < first.at) this.anchor = null
  }
}
