// The core's heap per order on the board: the display's process started once on an empty board
// and once on a board of N orders (its journal, as after a restart), each heap read after a full
// GC; the difference over N is what one order costs to hold, indexes and caches included.
import { writeBoardJournal } from './board-fixture'
import { startHost } from './host'
import { startReference, WATCHER_TOKEN } from './reference'

export interface HeapPerOrderResult {
  orders: number
  emptyHeapBytes: number
  fullHeapBytes: number
  bytesPerOrder: number
}

async function heapWith(rendererDir: string, serverUrl: string, orders: number) {
  const host = await startHost({
    rendererDir,
    serverUrl,
    token: WATCHER_TOKEN,
    prepare: orders > 0 ? (dir) => writeBoardJournal(dir, orders) : undefined,
  })
  try {
    const heap = await host.heap()
    if (heap.orders !== orders) {
      throw new Error(`the display holds ${heap.orders} orders, expected ${orders}`)
    }
    return heap.heapUsed
  } finally {
    await host.stop()
  }
}

export async function measureHeapPerOrder(options: {
  rendererDir: string
  orders: number
}): Promise<HeapPerOrderResult> {
  const reference = await startReference()
  try {
    const emptyHeapBytes = await heapWith(options.rendererDir, reference.url, 0)
    const fullHeapBytes = await heapWith(options.rendererDir, reference.url, options.orders)
    return {
      orders: options.orders,
      emptyHeapBytes,
      fullHeapBytes,
      bytesPerOrder: (fullHeapBytes - emptyHeapBytes) / options.orders,
    }
  } finally {
    await reference.close()
  }
}
