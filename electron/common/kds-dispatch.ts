// Both shells answer KdsApi requests the same way: parse the frame, parse its arguments, call the
// core, wrap the answer. Nothing from a renderer reaches the core unparsed.
import { z } from 'zod'
import {
  KDS_REQUESTS,
  KdsRequestSchema,
  type KdsHandlers,
  type KdsRequestName,
  type KdsResponse,
} from './kds-api'
import type { KdsResult } from './kds-client'
import { formatIssues, type Parsed } from './protocol/parse'

function frameId(frame: unknown): number {
  if (typeof frame !== 'object' || frame === null || !('id' in frame)) return 0
  return typeof frame.id === 'number' && Number.isInteger(frame.id) && frame.id >= 0 ? frame.id : 0
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Answers one request frame from a renderer; never throws. */
export async function dispatchRequest(handlers: KdsHandlers, frame: unknown): Promise<KdsResponse> {
  const request = KdsRequestSchema.safeParse(frame)
  if (!request.success) {
    return { id: frameId(frame), ok: false, error: `bad request: ${formatIssues(request.error)}` }
  }
  const { id, name, args } = request.data
  try {
    return { id, ok: true, result: await call(handlers, name, args) }
  } catch (error) {
    if (error instanceof z.ZodError) {
      return { id, ok: false, error: `bad arguments to ${name}: ${formatIssues(error)}` }
    }
    return { id, ok: false, error: message(error) }
  }
}

/** A request's arguments, as its schema gives them. */
type ArgsOf<N extends KdsRequestName> = z.infer<(typeof KDS_REQUESTS)[N]['args']>

/** The requests whose handler does not take what the request's schema parses to: none. */
type Mismatched = {
  [N in KdsRequestName]: KdsHandlers[N] extends (...args: ArgsOf<N>) => unknown ? never : N
}[KdsRequestName]
/**
 * Fails to compile, naming the request, when a handler and its schema disagree: what lets `call`
 * pass the parsed arguments on without a case per request.
 */
type Holds<T extends true> = T
export type EveryHandlerTakesItsArgs = Holds<[Mismatched] extends [never] ? true : Mismatched>

/** Parses the arguments of `name` (throwing a ZodError when they are wrong) and calls the core. */
function call(handlers: KdsHandlers, name: KdsRequestName, args: unknown[]): unknown {
  const parsed: unknown[] = [...KDS_REQUESTS[name].args.parse(args)]
  // EveryHandlerTakesItsArgs proves each handler takes its schema's tuple; TypeScript cannot
  // follow a union of names through one call, hence the one cast.
  const handler = handlers[name] as (...args: unknown[]) => unknown
  return handler.apply(handlers, parsed)
}

/** Parses the answer to request `name`, as the renderer side receives it. */
export function parseResult<N extends KdsRequestName>(
  name: N,
  value: unknown,
): Parsed<KdsResult<N>> {
  const parsed = KDS_REQUESTS[name].result.safeParse(value)
  return parsed.success
    ? { ok: true, value: parsed.data as KdsResult<N> }
    : { ok: false, reason: `bad answer to ${name}: ${formatIssues(parsed.error)}` }
}
