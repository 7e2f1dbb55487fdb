// The floor of the latency figure: a bare socket.io-client on loopback, in a process of its own,
// receiving the same `order:new` events as the display and noting when each arrived. Nothing is
// parsed beyond the id. Configured by BENCH_BASELINE (`{ url, token }`).
import { io } from 'socket.io-client'
import { z } from 'zod'
import { SOCKET_PATH, SOCKET_TRANSPORTS } from '../../electron/common/protocol/events'
import { announce, serve } from './child-side'
import { anchoredClock } from './clock'

const { url, token } = z
  .object({ url: z.string(), token: z.string() })
  .parse(JSON.parse(process.env.BENCH_BASELINE ?? '{}'))

let clock = anchoredClock()
const arrived = new Map<string, number>()
const socket = io(url, {
  path: SOCKET_PATH,
  transports: [...SOCKET_TRANSPORTS],
  auth: { token },
  forceNew: true,
})
socket.on('order:new', (order: unknown) => {
  const at = clock()
  const id: unknown = typeof order === 'object' && order !== null ? Reflect.get(order, '_id') : null
  if (typeof id === 'string' && !arrived.has(id)) arrived.set(id, at)
})
socket.once('authorization:ok', () => announce({ type: 'ready' }))

serve({
  /** Anchors the clock again, as the other processes do at the start of a run. */
  anchor: () => {
    clock = anchoredClock()
    return null
  },
  /** Its clock now, to be compared with the server's. */
  now: () => clock(),
  /** Every arrival so far, as [id, time], and forgets them. */
  take: () => {
    const entries = [...arrived.entries()]
    arrived.clear()
    return entries
  },
})
process.on('SIGTERM', () => {
  socket.disconnect()
  process.exit(0)
})
