// The core's status: the connection, the counters, journal problems. Pushed whenever it changes;
// the time of the last event is also taken from every board event as it passes.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { KdsApi } from '../../../electron/common/kds-api'
import type { ConnectionState, CoreStatus } from '../../../electron/common/status'
import { errorText } from './errors'

export const useStatusStore = defineStore('status', () => {
  const status = shallowRef<CoreStatus | null>(null)
  /** The newest `at` of the events seen since the last status. */
  const eventAt = ref<number | null>(null)
  /** Why the status could not be fetched (the core is unreachable), or null. */
  const error = ref<string | null>(null)

  const state = computed<ConnectionState>(() => status.value?.connection.state ?? 'connecting')
  const lastEventAt = computed(() => {
    const reported = status.value?.lastEventAt ?? null
    if (eventAt.value === null) return reported
    return reported === null ? eventAt.value : Math.max(reported, eventAt.value)
  })

  let unsubscribe: (() => void) | null = null
  /** Counts pushed statuses, so an answer older than a push does not overwrite it. */
  let pushes = 0

  function set(next: CoreStatus): void {
    status.value = next
    error.value = null
  }

  /** Subscribes, then asks for the status now. */
  async function start(api: KdsApi): Promise<void> {
    stop()
    unsubscribe = api.subscribe((message) => {
      if (message.type === 'status') {
        pushes += 1
        set(message.status)
      } else if (message.type === 'event') {
        eventAt.value = Math.max(eventAt.value ?? 0, message.event.at)
      }
    })
    const before = pushes
    try {
      const answer = await api.status()
      if (pushes === before) set(answer)
    } catch (failure) {
      error.value = errorText(failure)
    }
  }

  /** Records a failure to reach the core at all (no api). */
  function fail(reason: string): void {
    error.value = reason
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  return { status, state, lastEventAt, error, start, stop, fail }
})
