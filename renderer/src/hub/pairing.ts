// Pairing a screen with its hub over plain HTTP (the hub's own origin): the code shown on the
// hub and a name for the screen buy a device key, which the hub sets as an HttpOnly cookie the
// page never sees. Every answer is parsed; anything else is a failure with the hub's words.
import { z } from 'zod'
import { formatIssues } from '../../../electron/common/protocol/parse'

/** A pairing code: six digits, as the hub shows it. */
export const PairingCodeSchema = z.string().regex(/^\d{6}$/, 'must be 6 digits')
/** A screen's name, as the hub's device list shows it. */
export const DeviceNameSchema = z.string().trim().min(1).max(64)

export const PairStateSchema = z.object({
  paired: z.boolean(),
  pausedUntil: z.number().int().nonnegative().nullable(),
})
export type PairState = z.infer<typeof PairStateSchema>

const PairRefusalSchema = z.discriminatedUnion('error', [
  z.object({ error: z.literal('wrong-code') }),
  z.object({ error: z.literal('paused'), until: z.number().int().nonnegative() }),
])

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

/** Whether this browser is paired, and whether pairing is paused; null when the hub cannot say. */
export async function pairState(fetcher: Fetch = fetch): Promise<PairState | null> {
  try {
    const response = await fetcher('/pair/state', { credentials: 'same-origin' })
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
    response = await fetcher('/pair', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name }),
    })
  } catch (failure) {
    return {
      outcome: 'failed',
      reason: failure instanceof Error ? failure.message : String(failure),
    }
  }
  if (response.ok) return { outcome: 'paired' }
  const body = await bodyOf(response)
  const refusal = PairRefusalSchema.safeParse(body)
  if (refusal.success) {
    return refusal.data.error === 'paused'
      ? { outcome: 'paused', until: refusal.data.until }
      : { outcome: 'wrong' }
  }
  const reason = z.object({ error: z.string() }).safeParse(body)
  return {
    outcome: 'failed',
    reason: reason.success
      ? reason.data.error
      : `HTTP ${response.status}${body === null ? '' : ` (${formatIssues(refusal.error)})`}`,
  }
}
