// The same IPC channel seen from a helper process: answers the parent's calls with handlers,
// announces things on its own, and ends when the parent goes away.
import { z } from 'zod'

const RequestSchema = z.looseObject({ id: z.number(), cmd: z.string() })

/** A handler gets the whole request (`{ id, cmd, ...args }`) and parses its own arguments. */
export type Handler = (request: Record<string, unknown>) => unknown

/** Sends an announcement, e.g. `{ type: 'ready', url }`, to the parent. */
export function announce(message: { type: string } & Record<string, unknown>): void {
  process.send?.(message)
}

/** Answers the parent's calls with `handlers`, by `cmd`. */
export function serve(handlers: Record<string, Handler>): void {
  process.on('message', (raw: unknown) => {
    const request = RequestSchema.safeParse(raw)
    if (!request.success) return
    const { id, cmd } = request.data
    const handler = handlers[cmd]
    Promise.resolve()
      .then(() => {
        if (handler === undefined) throw new Error(`unknown command ${cmd}`)
        return handler(request.data)
      })
      .then(
        (result: unknown) => process.send?.({ type: 'reply', id, ok: true, result }),
        (error: unknown) =>
          process.send?.({
            type: 'reply',
            id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      )
  })
  // The parent gone (finished or crashed): nothing is left to measure for.
  process.on('disconnect', () => process.exit(0))
}

/** Forces a full garbage collection (the helper runs with --expose-gc) and answers heapUsed. */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with --expose-gc')
  gc()
  gc()
  return process.memoryUsage().heapUsed
}
