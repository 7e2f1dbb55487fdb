// `--simulate N`: N new orders a minute, each then walked through its lifecycle. Every pause is
// multiplied by `timeScale`, so a test can play an hour of kitchen in a few milliseconds; every
// timer is tracked, so stop() leaves nothing behind.
import type { Order } from '../common/protocol/schemas'
import { planLifecycle, type LifecycleStep } from './lifecycle'
import type { Logger } from './logger'
import type { Random } from './random'

export interface SimulatorOptions {
  /** New orders a minute (before scaling). */
  ordersPerMinute: number
  /** Multiplies every pause: 1 is real time, 0.001 a thousand times faster. */
  timeScale?: number
}

export interface SimulatorDeps extends SimulatorOptions {
  random: Random
  logger: Logger
  /** Creates and publishes a random order; undefined if it could not. */
  createOrder(): Order | undefined
  /** The order's current condition, or undefined if it is gone. */
  conditionOf(id: string): string | undefined
  /** Changes and publishes an order's condition. */
  updateCondition(id: string, condition: string): void
}

/** A running simulation. */
export interface Simulator {
  /** Timers still pending; zero once stopped. */
  pending(): number
  stop(): void
}

/** Starts a simulation. */
export function startSimulator(deps: SimulatorDeps): Simulator {
  const scale = deps.timeScale ?? 1
  const timers = new Set<NodeJS.Timeout>()
  let stopped = false

  const later = (delayMs: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!stopped) run()
    }, delayMs * scale)
    timers.add(timer)
  }

  /** Plays the remaining steps, unless someone else (an admin's PATCH) changed the order. */
  const advance = (id: string, expected: string, steps: LifecycleStep[]) => {
    const [step, ...rest] = steps
    if (step === undefined) return
    later(step.delayMs, () => {
      const current = deps.conditionOf(id)
      if (current !== expected) {
        deps.logger.info('simulator lets go of an order changed elsewhere', { id, current })
        return
      }
      deps.updateCondition(id, step.condition)
      advance(id, step.condition, rest)
    })
  }

  const meanGapMs = 60_000 / deps.ordersPerMinute
  const arrive = () => {
    // Arrivals are uneven, as real ones are: each gap is between half and one and a half means.
    later(meanGapMs * (0.5 + deps.random()), () => {
      const order = deps.createOrder()
      if (order !== undefined)
        advance(order._id, order.condition, planLifecycle(order.delivery, deps.random))
      arrive()
    })
  }
  if (deps.ordersPerMinute > 0) arrive()

  return {
    pending: () => timers.size,
    stop() {
      stopped = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
