// The outbox's projection: the conditions this kitchen asked the backend for, by order. The core
// pushes the whole list after every change (it is short: what waits, refusals, notes); a lost link
// to the core asks for it again.
import { defineStore } from 'pinia'
import { useLinkStore } from './link'
import { computed, ref, shallowRef } from 'vue'
import { reachedCondition } from '../../../electron/common/condition-action'
import type { KdsApi } from '../../../electron/common/kds-api'
import type { OutboxEntry } from '../../../electron/common/outbox'
import { errorText } from './errors'

/** What a ticket shows of the outbox: one entry, the latest of its order. */
export interface TicketOutbox {
  entry: OutboxEntry
  /** Waiting, being sent, or sent with the backend's condition not come yet. */
  pending: boolean
}

export const useOutboxStore = defineStore('outbox', () => {
  const link = useLinkStore()
  const entries = shallowRef<OutboxEntry[]>([])
  const error = ref<string | null>(null)
  let api: KdsApi | null = null
  let unsubscribe: (() => void) | null = null
  let pushes = 0

  const byOrder = computed(() => {
    const map = new Map<string, OutboxEntry>()
    // Later entries win: the newest ask is what the ticket says.
    for (const entry of entries.value) map.set(entry.orderId, entry)
    return map
  })

  /** The outbox on the ticket of an order now at `condition`, or null when there is nothing. */
  function forTicket(orderId: string, condition: string): TicketOutbox | null {
    const entry = byOrder.value.get(orderId)
    if (entry === undefined) return null
    if (entry.state === 'waiting' || entry.state === 'sending') return { entry, pending: true }
    if (entry.state === 'done') {
      return reachedCondition(condition, entry.condition) ? null : { entry, pending: true }
    }
    return { entry, pending: false }
  }

  async function refresh(): Promise<void> {
    if (api === null) return
    const before = pushes
    try {
      const answer = await api.outbox()
      if (pushes === before) entries.value = answer
      error.value = null
    } catch (failure) {
      error.value = errorText(failure)
    }
  }

  /** Subscribes, then asks for the entries now. */
  function start(kds: KdsApi): Promise<void> {
    stop()
    api = kds
    unsubscribe = kds.subscribe((message) => {
      if (message.type === 'outbox') {
        pushes += 1
        entries.value = message.entries
      } else if (message.type === 'resumed') void refresh()
    })
    return refresh()
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    api = null
  }

  /** «Начать» on an order: refused on screen while the hub is away, as every touch is. */
  async function startOrder(id: string): Promise<void> {
    const core = api
    if (core === null) throw new Error('not connected to the core')
    await link.act(() => core.start(id))
  }

  /** A person has read a refusal or a note. */
  async function dismiss(id: string): Promise<void> {
    if (api === null) return
    await api.dismissOutbox(id)
  }

  return { entries, error, forTicket, start, stop, startOrder, dismiss }
})
