import { describe, expect, it } from 'vitest'
import { BridgeFrameSchema, framedMessages } from '../../../electron/common/bridge-frames'
import type { KdsMessage } from '../../../electron/common/kds-api'
import type { Connection } from '../../../electron/web/connections'
import { createPushBatch } from '../../../electron/web/push-batch'
import { kitchenOrder } from '../../fixtures/kitchen-orders'

const kitchen: Connection = {
  role: 'kitchen',
  deviceId: null,
  address: null,
  loopback: true,
  pinned: null,
}
const station: Connection = { ...kitchen, role: 'station:hot', loopback: false }

/** A batch over named sockets, flushed only when the test says; what each socket was sent. */
function harness(connections: [string, Connection][]) {
  const sent: [string, Buffer][] = []
  let due: (() => void) | null = null
  let scheduled = 0
  const batch = createPushBatch(
    { connections: () => connections, send: (socket: string, data) => sent.push([socket, data]) },
    (flush) => {
      scheduled += 1
      due = flush
    },
  )
  const tick = () => due?.()
  const framesOf = (socket: string) =>
    sent
      .filter(([to]) => to === socket)
      .map(([, data]) => BridgeFrameSchema.parse(JSON.parse(data.toString('utf8'))))
  return { batch, sent, tick, framesOf, scheduled: () => scheduled }
}

const order = kitchenOrder('o1', 1, ['Суп'])
const events: KdsMessage[] = [
  { type: 'event', event: { type: 'order:new', order, at: 1, seq: 1 } },
  {
    type: 'event',
    event: { type: 'order:condition', id: 'o1', condition: 'COOKING', at: 2, seq: 2 },
  },
  { type: 'event', event: { type: 'order:bump', id: 'o1', at: 3, seq: 3 } },
]

describe('createPushBatch', () => {
  it('sends the pushes of one tick as one frame, in order, scheduling the flush once', () => {
    const { batch, sent, tick, framesOf, scheduled } = harness([['a', kitchen]])
    for (const message of events) batch.push(message)
    expect(sent).toEqual([])
    tick()
    const frames = framesOf('a')
    expect(frames).toHaveLength(1)
    expect(frames.flatMap(framedMessages)).toEqual(events)
    expect(scheduled()).toBe(1)
  })

  it('sends a lone push as a plain message frame', () => {
    const { batch, tick, framesOf } = harness([['a', kitchen]])
    batch.push(events[1] as KdsMessage)
    tick()
    expect(framesOf('a')).toEqual([{ kind: 'message', message: events[1] }])
  })

  it('encodes once per kind of screen: the same bytes to each, the customer cut for a station', () => {
    const { batch, sent, tick, framesOf } = harness([
      ['k1', kitchen],
      ['k2', kitchen],
      ['s1', station],
      ['s2', station],
    ])
    for (const message of events) batch.push(message)
    tick()
    expect(sent).toHaveLength(4)
    const bytes = (socket: string) => sent.find(([to]) => to === socket)?.[1]
    expect(bytes('k1')).toBe(bytes('k2'))
    expect(bytes('s1')).toBe(bytes('s2'))
    expect(bytes('k1')?.toString()).toContain(order.phone)
    expect(bytes('s1')?.toString()).not.toContain(order.phone)
    expect(
      framesOf('s1')
        .flatMap(framedMessages)
        .map((m) => m.type),
    ).toEqual(['event', 'event', 'event'])
  })

  it('flushes on demand (before an answer), then sends nothing twice', () => {
    const { batch, sent, tick } = harness([['a', kitchen]])
    batch.push(events[0] as KdsMessage)
    batch.flush()
    expect(sent).toHaveLength(1)
    tick()
    expect(sent).toHaveLength(1)
  })

  it('drops what waits once closed', () => {
    const { batch, sent, tick } = harness([['a', kitchen]])
    batch.push(events[0] as KdsMessage)
    batch.close()
    batch.push(events[1] as KdsMessage)
    tick()
    expect(sent).toEqual([])
  })
})
