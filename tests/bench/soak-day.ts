// A busy day, compressed: orders arrive at random through the day and each lives its whole life
// (the reference server's own lifecycle plan: ACCEPTED, COOKING, COLLECTED, then delivered or
// collected, a few cancelled); the kitchen bumps each order once it is collected and recalls a
// few; the connection drops every few simulated minutes (two network blips the server recovers,
// then one disconnection it cannot, which the display catches up with a resync).
import { planLifecycle } from '../../electron/server/lifecycle'
import { chance, seededRandom } from '../../electron/server/random'
import type { Host } from './host'
import { disconnectAll, dropTransports, type Reference } from './reference'

export interface DayOptions {
  hours: number
  ordersPerHour: number
  /** Real seconds per simulated hour. */
  secondsPerHour: number
  reconnectEveryMinutes: number
  seed?: number
}

export interface DayResult {
  orders: number
  events: number
  bumps: number
  recalls: number
  reconnects: number
  /** Simulated hours from the first arrival to the last step of the last order. */
  simulatedHours: number
  realSeconds: number
}

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000
const RECALL_SHARE = 0.03

/** Plays the day; resolves when the last order has finished its life. */
export function playDay(reference: Reference, host: Host, options: DayOptions): Promise<DayResult> {
  const random = seededRandom(options.seed ?? 2024)
  const scale = (options.secondsPerHour * 1_000) / HOUR_MS
  const result: DayResult = {
    orders: 0,
    events: 0,
    bumps: 0,
    recalls: 0,
    reconnects: 0,
    simulatedHours: 0,
    realSeconds: 0,
  }
  const started = performance.now()
  const pending = new Set<ReturnType<typeof setTimeout>>()
  const failures: unknown[] = []
  let finish: () => void = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))

  /** Runs `run` at `simMs` simulated milliseconds into the day. */
  const at = (simMs: number, run: () => void | Promise<void>) => {
    const timer = setTimeout(
      () => {
        pending.delete(timer)
        Promise.resolve()
          .then(run)
          .catch((error: unknown) => failures.push(error))
          .finally(() => {
            if (pending.size === 0) finish()
          })
      },
      Math.max(0, started + simMs * scale - performance.now()),
    )
    pending.add(timer)
  }

  const live = (simMs: number) => {
    const created = reference.handle.createOrder()
    if (!created.ok) throw new Error(`the factory refused an order: ${created.reason}`)
    const { _id: id, delivery } = created.value
    result.orders += 1
    result.events += 1
    let when = simMs
    for (const step of planLifecycle(delivery, random)) {
      when += step.delayMs
      at(when, async () => {
        reference.handle.updateCondition(id, step.condition)
        result.events += 1
        if (step.condition !== 'COLLECTED') return
        await host.mark('order:bump', [id])
        result.bumps += 1
        if (!chance(random, RECALL_SHARE)) return
        at(when + 2 * MINUTE_MS, async () => {
          await host.mark('order:recall', [id])
          result.recalls += 1
        })
      })
    }
  }

  const dayMs = options.hours * HOUR_MS
  const meanGapMs = HOUR_MS / options.ordersPerHour
  for (let arrival = 0; arrival < dayMs; arrival += meanGapMs * (0.5 + random())) {
    const when = arrival
    at(when, () => live(when))
  }
  const every = options.reconnectEveryMinutes * MINUTE_MS
  for (let index = 1; index * every < dayMs; index += 1) {
    at(index * every, () => {
      if (index % 3 === 0) disconnectAll(reference)
      else dropTransports(reference)
      result.reconnects += 1
    })
  }

  return done.then(() => {
    if (failures.length > 0) throw failures[0]
    result.realSeconds = (performance.now() - started) / 1_000
    result.simulatedHours = result.realSeconds / options.secondsPerHour
    return result
  })
}
