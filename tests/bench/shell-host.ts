// The display as the benchmark runs it: KdsCore and the browser shell in their own process, as
// `npm run serve` runs them (same core, same shell, same logging), plus an IPC channel through
// which the benchmark forces GC, reads the heap, counts listeners and reads the board.
// Started by host.ts with --expose-gc; configured by the BENCH_HOST environment variable.
import { census } from './listener-census'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { DEFAULT_DISPLAY_SETTINGS } from '../../electron/common/settings'
import { Board } from '../../electron/core/board'
import { createFileLogger, teeLogger } from '../../electron/core/file-logger'
import { KdsCore } from '../../electron/core/kds-core'
import { nodeJournalFs, type JournalFs } from '../../electron/core/journal-fs'
import { consoleLogger } from '../../electron/core/logger'
import { fileSettingsBackend, SETTINGS_FILE } from '../../electron/core/settings-file'
import { warmSnapshot } from '../../electron/web/snapshot-frame'
import { startWebShell } from '../../electron/web/web-shell'
import { announce, heapAfterGc, serve } from './child-side'
import { HostConfigSchema } from './host-config'

const MarkSchema = z.object({
  type: z.enum(['order:bump', 'order:recall']),
  ids: z.array(z.string()),
})
const ReconfigureSchema = z.object({ times: z.number().int().positive() })

const config = HostConfigSchema.parse(JSON.parse(process.env.BENCH_HOST ?? '{}'))

/** The file system with its data syncs taken out: what the journal costs without them. */
function withoutSync(fs: JournalFs): JournalFs {
  return {
    ...fs,
    fdatasync: (_fd, callback) => setImmediate(() => callback(null)),
    fdatasyncSync: () => {},
  }
}

mkdirSync(config.dataDir, { recursive: true })
writeFileSync(
  join(config.dataDir, SETTINGS_FILE),
  JSON.stringify({ ...DEFAULT_DISPLAY_SETTINGS, resyncUrl: config.resyncUrl }),
)
const log = teeLogger(consoleLogger, createFileLogger(join(config.dataDir, 'logs')))
const core = await KdsCore.start({
  dataDir: config.dataDir,
  settings: fileSettingsBackend(config.dataDir, {
    serverUrl: config.serverUrl,
    token: config.token,
  }),
  startDemo: () => Promise.reject(new Error('the benchmark always names a server')),
  log,
  version: 'bench',
  journalFs: config.journalSync ? undefined : withoutSync(nodeJournalFs),
})
const shell = await startWebShell({
  core,
  rendererDir: config.rendererDir,
  host: '127.0.0.1',
  port: 0,
  log,
})

/** The core's board: bumps have no KdsApi command yet, so the benchmark applies them here. */
function board(): Board {
  const found: unknown = Reflect.get(core, 'board')
  if (!(found instanceof Board)) throw new Error('KdsCore has no board field any more')
  return found
}

/** Resolves at the next status push that says the core is connected. */
function nextConnected(): Promise<void> {
  return new Promise((resolve) => {
    const off = core.subscribe((message) => {
      if (message.type !== 'status' || message.status.connection.state !== 'connected') return
      off()
      resolve()
    })
  })
}

serve({
  /** CPU time this process has used, and the wall clock, both in ms. */
  cpu: () => {
    const { user, system } = process.cpuUsage()
    return { cpuMs: (user + system) / 1_000, wallMs: performance.now() }
  },
  heap: () => ({
    heapUsed: heapAfterGc(),
    // Buffers (the browser shell's cached snapshot JSON among them) live outside the heap.
    external: process.memoryUsage().external,
    orders: core.status().orders,
  }),
  census: () => {
    heapAfterGc()
    return census()
  },
  board: () => {
    const { seq, orders } = core.snapshot()
    const { received, invalid, connection, gaps } = core.status()
    return {
      seq,
      received,
      invalid,
      state: connection.state,
      gaps: gaps.length,
      orders: orders.map((order) => [order.id, order.condition]),
    }
  },
  /** The heap a copy of the board's orders takes: what holding them costs. */
  boardCost: () => {
    const before = heapAfterGc()
    const copy = structuredClone(core.snapshot().orders)
    const after = heapAfterGc()
    return { bytes: after - before, orders: copy.length }
  },
  mark: (request) => {
    const { type, ids } = MarkSchema.parse(request)
    let applied = 0
    for (const id of ids) if (board().apply({ type, id, at: Date.now() }) !== null) applied += 1
    return { applied }
  },
  /** Reconnects `times` times the way a new token does: a new socket, at once, no backoff. */
  reconfigure: async (request) => {
    const { times } = ReconfigureSchema.parse(request)
    for (let round = 0; round < times; round += 1) {
      const connected = nextConnected()
      await core.updateSettings({ token: config.token })
      await connected
    }
    return { times }
  },
})

process.on('SIGTERM', () => {
  warming.stop()
  void shell
    .close()
    .then(() => core.close())
    .finally(() => process.exit(0))
})
// As `npm run serve` does (cli.ts): the cards of the first snapshot encoded while the page loads.
const warming = warmSnapshot(core)
announce({ type: 'ready', url: shell.url })
