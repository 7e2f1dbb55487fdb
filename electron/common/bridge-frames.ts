// What crosses the bridge's WebSocket. Page → shell: a KdsRequest, as over Electron IPC.
// Shell → page: one of these frames. Shared by the browser shell and renderer/src/bridge.ts.
import { z } from 'zod'
import { KdsMessageSchema, KdsResponseSchema, type KdsMessage, type KdsResponse } from './kds-api'

/** The path of the bridge's WebSocket, on the shell's own port. */
export const BRIDGE_PATH = '/kds'

/** Largest frame the shell accepts from a page: requests are small, settings the largest. */
export const MAX_FRAME_BYTES = 64 * 1024

/** A frame from the shell to a page. */
export const BridgeFrameSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), response: KdsResponseSchema }),
  z.object({ kind: z.literal('message'), message: KdsMessageSchema }),
])
export type BridgeFrame = z.infer<typeof BridgeFrameSchema>

/** The frame answering one request. */
export const responseFrame = (response: KdsResponse): BridgeFrame => ({
  kind: 'response',
  response,
})

/** The frame carrying one pushed message. */
export const messageFrame = (message: KdsMessage): BridgeFrame => ({ kind: 'message', message })
