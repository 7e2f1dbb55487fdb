// The core's status: the connection, the counters, journal problems, gaps. Pushed whenever it
// changes; the time of the last event is also taken from every board event as it passes.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { KdsApi } from '../../../electron/common/kds-api'
import type { ConnectionState, CoreStatus } from '../../../electron/common/status'
import { errorText } from './errors'

/** Since when the board has not been live. */
export interface Outage {
  /** When the link was lost (the core's `lostAt`), or, if it was never live, when it was first down. */
  since: number
  /** Whether the link was live before: only then is `since` when the data went stale. */
  afterLive: boolean
}

export const useStatusStore = defineStore('status', () => {
  const status = shallowRef<CoreStatus | null>(null)
  /** The newest `at` of the events seen since the last status. */
  const eventAt = ref<number | null>(null)
  /** Why the status could not be fetched (the core is unreachable), or null. */
  const error = ref<string | null>(null)
  /** When this page first heard the link was down while it had never been live; null otherwise. */
  const downSince = ref<number | null>(null)
  /** Gaps whose dismissal is in flight, and why the last dismissal failed. */
  const dismissing = ref<ReadonlySet<number>>(new Set())
  const dismissError = ref<string | null>(null)

  const state = computed<ConnectionState>(() => status.value?.connection.state ?? 'connecting')
  const lastEventAt = computed(() => {
    const reported = status.value?.lastEventAt ?? null
    if (eventAt.value === null) return reported
    return reported === null ? eventAt.value : Math.max(reported, eventAt.value)
  })
  const gaps = computed(() => status.value?.gaps ?? [])
  /** Problems with the settings or the managed configuration, each naming its key. */
  const settingsWarnings = computed(() => status.value?.settingsWarnings ?? [])
  /** Printers that do not answer while tickets wait for them: every screen says so. */
  const printersDown = computed(() =>
    (status.value?.printers ?? []).filter((printer) => printer.state === 'down'),
  )
  /**
   * The current outage; null while connected, or still connecting for the first time. The core
   * keeps when the link was lost (`lostAt`), which `connection.since` is not: that moves on with
   * every retry.
   */
  const outage = computed<Outage | null>(() => {
    const connection = status.value?.connection
    if (connection === undefined || connection.state === 'connected') return null
    if (connection.lostAt !== null) return { since: connection.lostAt, afterLive: true }
    return downSince.value === null ? null : { since: downSince.value, afterLive: false }
  })

  let api: KdsApi | null = null
  let unsubscribe: (() => void) | null = null
  /** Counts pushed statuses, so an answer older than a push does not overwrite it. */
  let pushes = 0

  function set(next: CoreStatus): void {
    status.value = next
    error.value = null
    track(next)
  }

  /** Never live (no `lostAt`): the outage began with the first `offline`, not the latest retry. */
  function track(next: CoreStatus): void {
    const { state: now, since, lostAt } = next.connection
    if (now === 'connected' || lostAt !== null) downSince.value = null
    else if (now === 'offline') downSince.value ??= since
  }

  /** Subscribes, then asks for the status now. */
  async function start(kds: KdsApi): Promise<void> {
    stop()
    api = kds
    unsubscribe = kds.subscribe((message) => {
      if (message.type === 'status') {
        pushes += 1
        set(message.status)
      } else if (message.type === 'event') {
        eventAt.value = Math.max(eventAt.value ?? 0, message.event.at)
      }
    })
    const before = pushes
    try {
      const answer = await kds.status()
      if (pushes === before) set(answer)
    } catch (failure) {
      error.value = errorText(failure)
    }
  }

  /** Tells the core a person has read gap `id`; the warning goes when the status says so. */
  async function dismissGap(id: number): Promise<void> {
    if (api === null || dismissing.value.has(id)) return
    dismissing.value = new Set([...dismissing.value, id])
    const before = pushes
    try {
      const answer = await api.dismissGap(id)
      dismissError.value = null
      if (pushes === before) set(answer)
    } catch (failure) {
      dismissError.value = errorText(failure)
    } finally {
      const rest = new Set(dismissing.value)
      rest.delete(id)
      dismissing.value = rest
    }
  }

  /** Records a failure to reach the core at all (no api). */
  function fail(reason: string): void {
    error.value = reason
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    api = null
  }

  return {
    status,
    state,
    lastEventAt,
    gaps,
    settingsWarnings,
    printersDown,
    outage,
    error,
    dismissing,
    dismissError,
    start,
    stop,
    fail,
    dismissGap,
  }
})
