// The sandboxed preload: exposes KdsApi as `window.kds` and nothing else. The renderer never sees
// ipcRenderer or an IPC event; every answer and push is parsed before it crosses.
import { contextBridge, ipcRenderer } from 'electron'
import {
  KDS_CHANNELS,
  KdsMessageSchema,
  KdsResponseSchema,
  type KdsApi,
  type KdsMessage,
  type KdsRequestName,
} from '../common/kds-api'
import { kdsApiOver } from '../common/kds-client'
import { parseResult } from '../common/kds-dispatch'
import { formatIssues } from '../common/protocol/parse'

let nextId = 1

/** Sends one request to the main process and parses its answer; rejects with the reason otherwise. */
async function request<N extends KdsRequestName>(name: N, args: unknown[]) {
  const id = nextId++
  const response = KdsResponseSchema.safeParse(
    await ipcRenderer.invoke(KDS_CHANNELS.request, { id, name, args }),
  )
  if (!response.success) throw new Error(`bad response to ${name}: ${formatIssues(response.error)}`)
  if (!response.data.ok) throw new Error(response.data.error)
  const result = parseResult(name, response.data.result)
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

// One IPC listener for all subscribers: each push is parsed once. Each subscription is its own
// entry, so subscribing one function twice gives two subscriptions, each undone on its own.
const subscriptions = new Set<{ listener: (message: KdsMessage) => void }>()

ipcRenderer.on(KDS_CHANNELS.message, (_event, payload: unknown) => {
  const message = KdsMessageSchema.safeParse(payload)
  if (!message.success) {
    console.warn(`kds: dropped an invalid message: ${formatIssues(message.error)}`)
    return
  }
  for (const subscription of [...subscriptions]) {
    try {
      subscription.listener(message.data)
    } catch (error) {
      console.error('kds: a subscriber failed', error)
    }
  }
})

const api: KdsApi = kdsApiOver(request, (listener) => {
  const subscription = { listener }
  subscriptions.add(subscription)
  return () => {
    subscriptions.delete(subscription)
  }
})

contextBridge.exposeInMainWorld('kds', api)
