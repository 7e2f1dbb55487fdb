// The link between this screen and its hub (the core that holds the truth): open, away (the hub
// is not answering: a Wi-Fi drop, a restart, a hub killed), or refused (the hub wants this device
// paired first). Every touch that asks the hub for something goes through `act`, so one made
// while the hub is away is refused on screen, never queued out of sight or silently lost.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorText } from './errors'

/** The bridge's link to the hub, as the page sees it. */
export type LinkState = 'connecting' | 'open' | 'away' | 'refused'

/** A touch the hub did not take, and why; shown until the next one or until dismissed. */
export interface Refusal {
  /** The reason, in the core's or the bridge's words; null: the hub was away at the touch. */
  reason: string | null
  at: number
}

/** Thrown by `act` when the hub is away, so callers stop as they would on any refusal. */
export class HubAwayError extends Error {
  constructor() {
    super('the hub is not answering; the touch was not taken')
  }
}

/** How long a refusal stays on screen. */
export const REFUSAL_MS = 8_000

export const useLinkStore = defineStore('link', () => {
  // A preload's IPC never drops; only the bridge reports otherwise.
  const state = ref<LinkState>('open')
  /** When the hub went away; null while the link is open. */
  const awaySince = ref<number | null>(null)
  const refusal = ref<Refusal | null>(null)
  let refusalTimer: ReturnType<typeof setTimeout> | undefined

  function report(next: LinkState, at = Date.now()): void {
    if (next === 'away') awaySince.value ??= at
    else awaySince.value = null
    state.value = next
  }

  function refuse(reason: string | null): void {
    refusal.value = { reason, at: Date.now() }
    clearTimeout(refusalTimer)
    refusalTimer = setTimeout(() => (refusal.value = null), REFUSAL_MS)
  }

  function dismiss(): void {
    clearTimeout(refusalTimer)
    refusal.value = null
  }

  /**
   * Runs a request to the hub. While the hub is away it is not sent at all (it would reach the
   * hub later, when the kitchen has moved on); a request that fails is shown as refused. Either
   * way the caller's promise rejects.
   */
  async function act<T>(run: () => Promise<T>): Promise<T> {
    if (state.value === 'away' || state.value === 'refused') {
      refuse(null)
      throw new HubAwayError()
    }
    try {
      return await run()
    } catch (failure) {
      refuse(state.value === 'open' ? errorText(failure) : null)
      throw failure
    }
  }

  return { state, awaySince, refusal, report, refuse, dismiss, act }
})
