// The path a simulated order takes through the kitchen, with realistic pauses. Pure: the simulator
// plays the plan with timers, and tests check the plan without waiting.
import { chance, intBetween, type Random } from './random'

/** One step of a plan: after `delayMs` (from the previous step), the order becomes `condition`. */
export interface LifecycleStep {
  condition: string
  delayMs: number
}

const MINUTE = 60_000
const minutes = (random: Random, min: number, max: number) =>
  intBetween(random, min * MINUTE, max * MINUTE)

/** How often a simulated order is cancelled. */
export const CANCEL_SHARE = 0.05

/**
 * Plans an order's life after NEW: ACCEPTED → COOKING → COLLECTED, then DELIVERING → DELIVERED
 * for delivery or COMPLETED for pickup; a few orders are CANCELED early instead.
 */
export function planLifecycle(delivery: boolean, random: Random): LifecycleStep[] {
  const steps: LifecycleStep[] = [
    { condition: 'ACCEPTED', delayMs: minutes(random, 0.5, 2) },
    { condition: 'COOKING', delayMs: minutes(random, 1, 4) },
    { condition: 'COLLECTED', delayMs: minutes(random, 8, 20) },
    ...(delivery
      ? [
          { condition: 'DELIVERING', delayMs: minutes(random, 2, 8) },
          { condition: 'DELIVERED', delayMs: minutes(random, 15, 40) },
        ]
      : [{ condition: 'COMPLETED', delayMs: minutes(random, 3, 15) }]),
  ]
  if (!chance(random, CANCEL_SHARE)) return steps
  // A cancellation comes while the order is still NEW or just ACCEPTED, as in real kitchens.
  const kept = intBetween(random, 0, 1)
  return [...steps.slice(0, kept), { condition: 'CANCELED', delayMs: minutes(random, 1, 5) }]
}
