// Pairing a screen with its hub over plain HTTP (the hub's own origin): the code shown on the
// hub and a name for the screen buy a device key, which the hub sets as an HttpOnly cookie the
// page never sees. Every answer is parsed; anything else is a failure with the hub's words.
import {
  PAIR_PATH,
  PAIR_STATE_PATH,
  PairAnswerSchema,
  PairStateSchema,
  type PairState,
} from '../../../electron/common/hub'
import { formatIssues } from '../../../electron/common/protocol/parse'

/** How a pairing attempt ended. */
export type PairOutcome =
  | { outcome: 'paired' }
  | { outcome: 'wrong' }
  | { outcome: 'paused'; until: number }
  | { outcome: 'failed'; reason: string }

type Fetch = typeof fetch

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown
  } catch {
    return null
  }
}

const reasonOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure)

/** Whether this browser is paired, and whether pairing is paused; null when the hub cannot say. */
export async function pairState(fetcher: Fetch = fetch): Promise<PairState | null> {
  try {
    const response = await fetcher(PAIR_STATE_PATH, { credentials: 'same-origin' })
    const parsed = PairStateSchema.safeParse(await bodyOf(response))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Asks the hub to pair this browser as `name` with `code`. */
export async function pair(
  code: string,
  name: string,
  fetcher: Fetch = fetch,
): Promise<PairOutcome> {
  let response: Response
  try {
    response = await fetcher(PAIR_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name }),
    })
  } catch (failure) {
    return { outcome: 'failed', reason: reasonOf(failure) }
  }
  const body = await bodyOf(response)
  const answer = PairAnswerSchema.safeParse(body)
  if (!answer.success) {
    return { outcome: 'failed', reason: `HTTP ${response.status}: ${formatIssues(answer.error)}` }
  }
  const data = answer.data
  if ('ok' in data)
    return response.ok
      ? { outcome: 'paired' }
      : { outcome: 'failed', reason: `HTTP ${response.status}` }
  if (data.error === 'wrong-code') return { outcome: 'wrong' }
  if (data.error === 'paused') return { outcome: 'paused', until: data.until }
  return { outcome: 'failed', reason: data.reason }
}
