import { afterEach, describe, expect, it } from 'vitest'
import { KNOWN_CONDITIONS } from '../../electron/common/conditions'
import { OrderSchema } from '../../electron/common/protocol/schemas'
import { cleanUp, connectAs, idOf, startServer, type Received } from './server-harness'

afterEach(cleanUp)

const FINAL = new Set(['DELIVERED', 'COMPLETED', 'CANCELED'])
const NEXT: Record<string, string[]> = {
  NEW: ['ACCEPTED', 'CANCELED'],
  ACCEPTED: ['COOKING', 'CANCELED'],
  COOKING: ['COLLECTED'],
  COLLECTED: ['DELIVERING', 'COMPLETED'],
  DELIVERING: ['DELIVERED'],
}

describe('simulator', () => {
  it('plays whole order lifecycles to a watcher, fast', async () => {
    // One order a minute at 1/20,000 of real time: an order every 3 ms, a lifecycle in ~0.1 s.
    const { url, handle } = await startServer({
      simulator: { ordersPerMinute: 1, timeScale: 1 / 20_000 },
    })
    const watcher = await connectAs(url, 'demo-watcher')
    const finished = (item: Received) =>
      item.event === 'order:condition' &&
      FINAL.has(String((item.args[0] as { condition?: unknown }).condition)) &&
      watcher.inbox.items.some((seen) => seen.event === 'order:new' && idOf(seen) === idOf(item))
    const last = await watcher.inbox.waitFor(finished, 'an order seen from NEW to its end')
    const id = idOf(last)
    const order = OrderSchema.parse(
      watcher.inbox.items.find((item) => item.event === 'order:new' && idOf(item) === id)?.args[0],
    )
    const path = watcher.inbox.items
      .filter((item) => item.event === 'order:condition' && idOf(item) === id)
      .map((item) => String((item.args[0] as { condition: unknown }).condition))
    let previous = order.condition
    for (const condition of path) {
      expect(NEXT[previous], `${previous} → ${condition}`).toContain(condition)
      previous = condition
    }
    if (previous !== 'CANCELED') expect(previous).toBe(order.delivery ? 'DELIVERED' : 'COMPLETED')

    const known = new Set(KNOWN_CONDITIONS.map((info) => info.code))
    for (const item of watcher.inbox.items.filter((i) => i.event === 'order:condition')) {
      expect(known.has(String((item.args[0] as { condition: unknown }).condition))).toBe(true)
    }

    await handle.close()
    expect(handle.simulator?.pending()).toBe(0)
    const count = handle.store.size
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(handle.store.size).toBe(count)
  })
})
