// A core served over HTTP: the web shell with the managed configuration's guard in front of the
// core and, when the hub serves the network, its LanHub (pairing, devices). The browser shell's CLI
// and the Electron app (its `lan` setting) both serve a core this way.
import type { KdsCore } from '../core/kds-core'
import type { Logger } from '../core/logger'
import type { ManagedSettings } from '../core/managed-settings-load'
import { guardSettings } from '../core/settings-guard'
import { createSettingsLock } from '../core/settings-pin'
import { LanHub, type LanHubOptions } from './lan-hub'
import { LAN_HOST, LOOPBACK } from './options'
import { startWebShell, type ShellCore, type WebShell } from './web-shell'

export interface HubHostOptions {
  core: KdsCore
  managed: ManagedSettings
  /** Where devices.json lives: the data directory. */
  dataDir: string
  rendererDir: string
  port: number
  /** Serve paired screens on the network (every connection then needs a device key). */
  lan: boolean
  log: Logger
  /** Told every new pairing code. */
  onCode?: (code: string) => void
  /** Where a LAN hub listens (default every address; tests keep it on loopback). */
  lanHost?: typeof LOOPBACK | typeof LAN_HOST
  pairing?: LanHubOptions['pairing']
}

/** A served core; `close` leaves the core open (it is the caller's). */
export interface HubHost {
  shell: WebShell
  lan: LanHub | null
  close(): Promise<void>
}

/** Serves `core`; rejects when it cannot listen. */
export async function serveHub(options: HubHostOptions): Promise<HubHost> {
  const { core, managed, log } = options
  const guarded = guardSettings(core, managed, createSettingsLock(managed.pin))
  const shellCore: ShellCore = {
    ...guarded,
    entries: () => core.entries(),
    health: () => core.health(),
  }
  const lan = options.lan
    ? new LanHub({
        dataDir: options.dataDir,
        log,
        onCode: options.onCode ?? (() => {}),
        onChange: () => core.hubChanged(),
        ...(options.pairing === undefined ? {} : { pairing: options.pairing }),
      })
    : null
  const detach = lan === null ? () => {} : core.attachHub(lan)
  try {
    const shell = await startWebShell({
      core: shellCore,
      rendererDir: options.rendererDir,
      host: lan === null ? LOOPBACK : (options.lanHost ?? LAN_HOST),
      port: options.port,
      log,
      ...(lan === null ? {} : { lan }),
    })
    let closing: Promise<void> | undefined
    return {
      shell,
      lan,
      close: () =>
        (closing ??= shell.close().then(() => {
          detach()
        })),
    }
  } catch (error) {
    lan?.stop()
    detach()
    throw error
  }
}
