// What the benchmark installs in the page before the renderer runs (page.addInitScript). It
// watches, and changes nothing the renderer does:
// - when each order card first enters the DOM (a MutationObserver), on a clock anchored like the
//   benchmark's own (clock.ts), for latency;
// - when the board last changed, when the frame after that change was painted (a double
//   requestAnimationFrame) and when the last long task ended, for "drawn and idle";
// - when the page asked for a snapshot and when the answer arrived (the bridge's WebSocket);
// - how many DOM event listeners are held by live targets (add/removeEventListener wrapped).
// The function is serialized into the page, so it may use nothing from outside its own body.

export interface ProbeOptions {
  /** Also watch attributes and text on the board, for the render benchmark's idle detection. */
  idle: boolean
}

/** A snapshot request seen on the bridge, and when its answer arrived. */
export interface SnapshotTiming {
  askedAt: number
  arrivedAt: number | null
  /** The answer's length in characters of JSON. */
  chars: number
}

/** The probe's figures, as `window.__bench.read()` answers them. */
export interface ProbeReading {
  /** Each card's order id and when it first entered the DOM. */
  cards: [string, number][]
  /** Card count per column, as the column headers say. */
  columns: Record<string, number>
  /** Card elements in the DOM now, and how many ids appear more than once among them. */
  domCards: number
  duplicateDomIds: number
  snapshots: SnapshotTiming[]
  lastBoardChange: number
  paintedAt: number
  lastLongTaskEnd: number
  /** The navigation's start, and the time of this reading, on the anchored clock. */
  navigationStart: number
  now: number
  domListeners: number
  listenerTargets: number
}

export function pageProbe(options: ProbeOptions): void {
  const tick = Date.now()
  let edge = Date.now()
  while (edge === tick) edge = Date.now()
  const base = performance.now()
  const fromPerf = (at: number) => edge + (at - base)
  const now = () => fromPerf(performance.now())

  // DOM listeners, counted per live target.
  const add = EventTarget.prototype.addEventListener
  const remove = EventTarget.prototype.removeEventListener
  const registry = new WeakMap<EventTarget, Map<string, Set<unknown>>>()
  let targets: WeakRef<EventTarget>[] = []
  const captureOf = (how: boolean | EventListenerOptions | undefined) =>
    typeof how === 'boolean' ? how : how?.capture === true
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    how?: boolean | AddEventListenerOptions,
  ) {
    if (listener !== null) {
      let byKey = registry.get(this)
      if (byKey === undefined) {
        byKey = new Map()
        registry.set(this, byKey)
        targets.push(new WeakRef(this))
      }
      const key = `${type}|${String(captureOf(how))}`
      const set = byKey.get(key) ?? new Set<unknown>()
      set.add(listener)
      byKey.set(key, set)
      const forget = () => set.delete(listener)
      if (typeof how === 'object' && how.once === true) {
        add.call(this, type, forget, { once: true, capture: captureOf(how) })
      }
      if (typeof how === 'object' && how.signal !== undefined) {
        add.call(how.signal, 'abort', forget, { once: true })
      }
    }
    add.call(this, type, listener, how)
  }
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    how?: boolean | EventListenerOptions,
  ) {
    registry
      .get(this)
      ?.get(`${type}|${String(captureOf(how))}`)
      ?.delete(listener)
    remove.call(this, type, listener, how)
  }

  // Snapshot requests and answers on the bridge.
  const snapshots: SnapshotTiming[] = []
  const NativeWebSocket = window.WebSocket
  class WatchedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      add.call(this, 'message', (event: Event) => {
        if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return
        if (!event.data.slice(0, 200).includes('"orders":[')) return
        const waiting = snapshots.find((entry) => entry.arrivedAt === null)
        if (waiting === undefined) return
        waiting.arrivedAt = now()
        waiting.chars = event.data.length
      })
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (typeof data === 'string' && data.includes('"name":"snapshot"')) {
        snapshots.push({ askedAt: now(), arrivedAt: null, chars: 0 })
      }
      super.send(data)
    }
  }
  window.WebSocket = WatchedWebSocket

  // Cards entering the DOM; board changes and the paint after them.
  const CARD = '[data-testid="order-card"]'
  const seen = new Map<string, number>()
  let lastBoardChange = 0
  let paintedAt = 0
  let painting = false
  const record = (element: Element, at: number) => {
    const id = element.getAttribute('data-order-id')
    if (id !== null && !seen.has(id)) seen.set(id, at)
  }
  const paint = () => {
    if (painting) return
    painting = true
    requestAnimationFrame(() => {
      const frame = now()
      requestAnimationFrame(() => {
        painting = false
        paintedAt = now()
        // A change after the first frame began is painted in a later one.
        if (lastBoardChange > frame) paint()
      })
    })
  }
  const onBoard = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement
    if (element === null || element.closest('[data-testid="elapsed"]') !== null) return false
    return element.closest('[data-testid="board"]') !== null
  }
  new MutationObserver((records) => {
    const at = now()
    let changed = false
    for (const entry of records) {
      for (const node of entry.addedNodes) {
        if (!(node instanceof Element)) continue
        if (node.matches(CARD)) record(node, at)
        else for (const card of node.querySelectorAll(CARD)) record(card, at)
      }
      if (options.idle && !changed && onBoard(entry.target)) changed = true
    }
    if (changed) {
      lastBoardChange = at
      paint()
    }
  }).observe(document, {
    childList: true,
    subtree: true,
    attributes: options.idle,
    characterData: options.idle,
  })

  let lastLongTaskEnd = 0
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        lastLongTaskEnd = Math.max(lastLongTaskEnd, fromPerf(task.startTime + task.duration))
      }
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long task API: idle is then judged by the DOM alone.
  }

  const countListeners = () => {
    targets = targets.filter((ref) => ref.deref() !== undefined)
    let listeners = 0
    for (const ref of targets) {
      const target = ref.deref()
      const byKey = target === undefined ? undefined : registry.get(target)
      for (const set of byKey?.values() ?? []) listeners += set.size
    }
    return listeners
  }

  const columns = () => {
    const counts: Record<string, number> = {}
    for (const column of document.querySelectorAll('[data-testid="condition-column"]')) {
      const count = Number(column.querySelector('.column__count')?.textContent ?? 'NaN')
      counts[column.getAttribute('data-condition') ?? '?'] = count
    }
    return counts
  }

  const read = (): ProbeReading => {
    const ids = [...document.querySelectorAll(CARD)].map((card) =>
      card.getAttribute('data-order-id'),
    )
    const listeners = countListeners()
    return {
      cards: [...seen.entries()],
      columns: columns(),
      domCards: ids.length,
      duplicateDomIds: ids.length - new Set(ids).size,
      snapshots,
      lastBoardChange,
      paintedAt,
      lastLongTaskEnd,
      navigationStart: fromPerf(0),
      now: now(),
      domListeners: listeners,
      listenerTargets: targets.length,
    }
  }
  Object.assign(window, {
    __bench: { read, now, columns, seen: () => seen.size, forget: () => seen.clear() },
  })
}
