// Resync: after a connection the server could not recover, ask the backend for its orders and
// merge them by `_id`. The reference server answers `GET /api/orders`; a real backend is
// configured with a URL template. Every order in the answer is parsed on its own, so one bad
// order does not cost the others.
import { parseOrder } from '../common/protocol/events'
import type { Order } from '../common/protocol/schemas'
import type { BackendClock } from './backend-clock'

/** Where to fetch the orders from. `{since}` in the URL is replaced by epoch ms (or removed). */
export interface ResyncSource {
  url: string
  token: string
}

/** What a resync brought. */
export interface ResyncResult {
  orders: Order[]
  /** Why each rejected order was rejected. */
  rejected: string[]
}

export interface ResyncOptions {
  fetch?: typeof fetch
  timeoutMs?: number
  /** A larger answer is refused. */
  maxBytes?: number
  /** Told the answer's Date header: the backend's clock. */
  clock?: BackendClock
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024

/** The URL to fetch: `{since}` filled with `since` (ms), or with nothing when null. */
export function expandResyncUrl(template: string, since: number | null): string {
  return template.replaceAll('{since}', since === null ? '' : String(Math.max(0, since)))
}

/** Fetches and parses the orders; throws an Error that says what went wrong. */
export async function fetchResync(
  source: ResyncSource,
  since: number | null,
  options: ResyncOptions = {},
): Promise<ResyncResult> {
  const url = expandResyncUrl(source.url, since)
  const sentAt = options.clock?.mono() ?? 0
  const response = await (options.fetch ?? fetch)(url, {
    headers: { authorization: `Bearer ${source.token}`, accept: 'application/json' },
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  })
  options.clock?.httpDate(response.headers.get('date'), sentAt, options.clock.mono())
  if (!response.ok) throw new Error(`resync: ${url} answered ${response.status}`)
  const text = await response.text()
  if (text.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) {
    throw new Error(
      `resync: ${url} answered more than ${options.maxBytes ?? DEFAULT_MAX_BYTES} bytes`,
    )
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new Error(`resync: ${url} did not answer JSON`)
  }
  if (!Array.isArray(body)) throw new Error(`resync: ${url} did not answer a list of orders`)
  const result: ResyncResult = { orders: [], rejected: [] }
  body.forEach((item: unknown, index) => {
    const parsed = parseOrder(item)
    if (parsed.ok) result.orders.push(parsed.value)
    else result.rejected.push(`[${index}]: ${parsed.reason}`)
  })
  return result
}
