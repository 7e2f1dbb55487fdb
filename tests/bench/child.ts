// The benchmark's helper processes (the display's core and shell, the bare client, the feed under
// reconnects), seen from the parent: spawned with tsx and an IPC channel, asked things with
// call(), their own announcements awaited with next(), their output kept for when one fails.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root: every helper runs from there, as the CLIs do. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

const KEEP_OUTPUT_CHARS = 64 * 1024
const STOP_GRACE_MS = 5_000

const ReplySchema = z.object({
  type: z.literal('reply'),
  id: z.number(),
  ok: z.boolean(),
  result: z.unknown().optional(),
  error: z.string().optional(),
})
const AnnouncementSchema = z.looseObject({ type: z.string() })

type Announcement = z.infer<typeof AnnouncementSchema>

/** A running helper. */
export interface Child {
  /** Sends `{ cmd, ...args }` and resolves with the result of the child's handler. */
  call(cmd: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<unknown>
  /** Resolves with the next announcement of `type` (e.g. `ready`), or rejects after `timeoutMs`. */
  next(type: string, timeoutMs: number): Promise<Announcement>
  /** Calls `listener` with every announcement of `type`. */
  on(type: string, listener: (message: Announcement) => void): void
  /** The last part of stdout and stderr, interleaved. */
  output(): string
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>
}

const children = new Set<() => void>()
// A benchmark stopped by Ctrl+C or a crash must not leave its helpers running.
process.on('exit', () => {
  for (const kill of children) kill()
})

/** Starts `node [nodeArgs] --import tsx <script>` from the repository root with `env` added. */
export function startChild(
  script: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Child {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + String(chunk)).slice(-KEEP_OUTPUT_CHARS)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const kill = () => child.kill('SIGKILL')
  children.add(kill)

  let nextId = 1
  const replies = new Map<number, (reply: z.infer<typeof ReplySchema>) => void>()
  const listeners = new Map<string, Set<(message: Announcement) => void>>()
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true
      children.delete(kill)
      const reason = `${script} exited (${String(code ?? signal)})\n${output}`
      for (const settle of replies.values()) {
        settle({ type: 'reply', id: 0, ok: false, error: reason })
      }
      replies.clear()
      resolve()
    }),
  )

  child.on('message', (raw: unknown) => {
    const reply = ReplySchema.safeParse(raw)
    if (reply.success) {
      replies.get(reply.data.id)?.(reply.data)
      replies.delete(reply.data.id)
      return
    }
    const announcement = AnnouncementSchema.safeParse(raw)
    if (!announcement.success) return
    for (const listener of listeners.get(announcement.data.type) ?? []) listener(announcement.data)
  })

  const on = (type: string, listener: (message: Announcement) => void) => {
    const set = listeners.get(type) ?? new Set()
    set.add(listener)
    listeners.set(type, set)
    return () => set.delete(listener)
  }

  return {
    call(cmd, args = {}, timeoutMs = 60_000) {
      if (exited) return Promise.reject(new Error(`${script} is not running\n${output}`))
      const id = nextId++
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          replies.delete(id)
          reject(new Error(`${script}: no answer to ${cmd} in ${timeoutMs} ms\n${output}`))
        }, timeoutMs)
        replies.set(id, (reply) => {
          clearTimeout(timer)
          if (reply.ok) resolve(reply.result)
          else reject(new Error(`${script}: ${cmd} failed: ${reply.error ?? 'no reason'}`))
        })
        child.send({ id, cmd, ...args })
      })
    },
    next(type, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off()
          reject(new Error(`${script}: no "${type}" in ${timeoutMs} ms\n${output}`))
        }, timeoutMs)
        const off = on(type, (message) => {
          clearTimeout(timer)
          off()
          resolve(message)
        })
        void exit.then(() => {
          clearTimeout(timer)
          off()
          reject(new Error(`${script} exited before "${type}"\n${output}`))
        })
      })
    },
    on(type, listener) {
      on(type, listener)
    },
    output: () => output,
    async stop() {
      if (exited) return
      child.kill('SIGTERM')
      const timer = setTimeout(kill, STOP_GRACE_MS)
      await exit
      clearTimeout(timer)
    },
  }
}
