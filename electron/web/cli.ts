// `npm run serve -- [--port 5173] [--data-dir DIR] [--server URL] [--lan]` (token in KDS_TOKEN):
// the board in a browser on this machine (with --lan, on paired screens of the network too), until
// SIGINT or SIGTERM. The managed configuration applies as in the app. The address, and with --lan
// every pairing code (`Pairing code: NNNNNN`), are printed on stdout; logs go to stderr.
// Exit codes: 0 done, 1 could not start (not built, port taken...), 2 bad usage.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { createFileLogger, teeLogger } from '../core/file-logger'
import { fileSettingsBackend } from '../core/settings-file'
import { KdsCore } from '../core/kds-core'
import { consoleLogger } from '../core/logger'
import { managedSettingsBackend } from '../core/managed-backend'
import { loadManagedSettings } from '../core/managed-settings-load'
import { watchTokenFile } from '../core/token-file-watch'
import { serveHub, type HubHost } from './hub-host'
import type { LanHub } from './lan-hub'
import { LAN_HOST, parseWebOptions, USAGE, type WebOptions } from './options'
import { rendererProblem } from './static-files'
import { warmSnapshot } from './snapshot-frame'
import type { WebShell } from './web-shell'

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url))
// Orders a minute the demo server invents, so a demo board is alive without being a blur.
const DEMO_ORDERS_PER_MINUTE = 6
// If closing ever hangs, a signal still ends the process rather than leaving it half alive.
const FORCED_EXIT_MS = 5_000

/** The version in package.json, for diagnostics; "dev" when it cannot be read. */
function packageVersion(): string {
  try {
    const text = readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')
    const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(text))
    return parsed.success ? parsed.data.version : 'dev'
  } catch {
    return 'dev'
  }
}

/** The demo backend is loaded only when demo mode needs it. */
async function startDemo() {
  const { startDemoServer } = await import('../server/demo')
  return startDemoServer({ simulatePerMinute: DEMO_ORDERS_PER_MINUTE })
}

function banner(shell: WebShell, core: KdsCore, options: WebOptions, lan: LanHub | null): string {
  const { demo, connection } = core.status()
  const token = options.token === null ? 'no token: set KDS_TOKEN' : 'token from KDS_TOKEN'
  const server = demo
    ? `demo mode: the bundled reference server at ${connection.url}`
    : `${connection.url} (${token})`
  const network =
    lan === null
      ? []
      : [
          `  Network  ${lan.hubInfo().addresses.join(', ') || 'no network address found'}`,
          '           every screen pairs with the code below (it changes every 2 minutes)',
        ]
  return [
    `Kitchen Display web shell listening on ${shell.url}`,
    `  Server   ${server}`,
    `  Data     ${options.dataDir}`,
    ...network,
    'Press Ctrl+C to stop.',
  ].join('\n')
}

async function main(): Promise<number | undefined> {
  const parsed = parseWebOptions(process.argv.slice(2), process.env)
  if (!parsed.ok) {
    console.error(`error: ${parsed.reason}\n\n${USAGE}`)
    return 2
  }
  const options = parsed.value
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  const problem = rendererProblem(RENDERER_DIR)
  if (problem !== null) {
    console.error(`error: ${problem}`)
    return 1
  }

  // Logs go to stderr and to a rotating file in the data directory, for support.
  const log = teeLogger(consoleLogger, createFileLogger(join(options.dataDir, 'logs')))
  // The same managed configuration as the app: KDS_CONFIG_FILE (or the system's), KDS_*, flags.
  const loaded = loadManagedSettings({ argv: options.managedArgv, env: process.env })
  for (const warning of loaded.warnings) log.warn(warning)
  if (loaded.config.hubUrl !== undefined) {
    // A screen of a hub is an Electron app; a browser on the hub's address is this shell's screen.
    log.warn(`${loaded.origins.hubUrl ?? 'hubUrl'}: this shell is always a hub; hubUrl ignored`)
  }
  // This shell serves the network only when started so (--lan, KDS_LAN, the file): a switch on
  // its settings screen could not re-bind it, so `lan` shows as set by the start, not editable.
  const managed = {
    ...loaded,
    config: { ...loaded.config, lan: loaded.config.lan ?? false },
    origins: { ...loaded.origins, lan: loaded.origins.lan ?? '--lan' },
  }
  const core = await KdsCore.start({
    dataDir: options.dataDir,
    settings: managedSettingsBackend(
      fileSettingsBackend(options.dataDir, {
        serverUrl: options.serverUrl,
        token: options.token,
      }),
      managed,
    ),
    startDemo,
    log,
    version: packageVersion(),
  })
  // Codes are printed once the banner is: the first one is made before the shell listens.
  let announce = false
  const lanAsked = managed.config.lan
  let host: HubHost
  try {
    host = await serveHub({
      core,
      managed,
      dataDir: options.dataDir,
      rendererDir: RENDERER_DIR,
      port: options.port,
      lan: lanAsked,
      lanHost: options.hostGiven ? options.host : LAN_HOST,
      log,
      onCode: (code) => {
        if (announce) console.log(`Pairing code: ${code}`)
      },
    })
  } catch (error) {
    console.error(
      `error: cannot listen on ${lanAsked && !options.hostGiven ? LAN_HOST : options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`,
    )
    await core.close()
    return 1
  }
  const { shell, lan } = host
  // A rotated token in the managed token file reconnects, as in the app.
  const { tokenFile } = managed.config
  const stopWatching =
    tokenFile === undefined
      ? () => {}
      : watchTokenFile(tokenFile, managed.token, (token) => core.updateSettings({ token }), { log })
  console.log(banner(shell, core, options, lan))
  // The first page's snapshot is mostly encoding a day's cards: done while the page loads.
  const warming = warmSnapshot(core)
  if (lan !== null) {
    announce = true
    console.log(`Pairing code: ${lan.pairingCode}`)
  }

  // npm and tsx may relay the same Ctrl+C a second time: later signals are ignored while closing.
  let closing = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return
    closing = true
    log.info('shutting down', { signal })
    setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref()
    stopWatching()
    warming.stop()
    host
      .close()
      .then(() => core.close())
      .then(
        () => {
          process.exitCode = 0
        },
        (error: unknown) => {
          log.error('close failed', { error: String(error) })
          process.exit(1)
        },
      )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  return undefined
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
