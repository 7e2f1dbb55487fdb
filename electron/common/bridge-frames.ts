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
  // The pushes of one tick of the shell's event loop (a rush), in order: one frame, not one each.
  z.object({ kind: z.literal('messages'), messages: z.array(KdsMessageSchema).min(2) }),
])
export type BridgeFrame = z.infer<typeof BridgeFrameSchema>

/** The frame answering one request. */
export const responseFrame = (response: KdsResponse): BridgeFrame => ({
  kind: 'response',
  response,
})

/** The frame carrying one pushed message. */
export const messageFrame = (message: KdsMessage): BridgeFrame => ({ kind: 'message', message })

/** The frame carrying pushed messages in order: one alone as a `message` frame. */
export const messagesFrame = (messages: readonly KdsMessage[]): BridgeFrame => {
  const [first] = messages
  return messages.length === 1 && first !== undefined
    ? messageFrame(first)
    : { kind: 'messages', messages: [...messages] }
}

/** The messages a frame pushes, in order (none for an answer). */
export const framedMessages = (frame: BridgeFrame): KdsMessage[] =>
  frame.kind === 'message' ? [frame.message] : frame.kind === 'messages' ? frame.messages : []
