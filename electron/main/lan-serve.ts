// The Electron app as the hub of a kitchen: with its `lan` setting on, the same bridge as the
// browser shell's --lan is started inside the main process (pairing, devices, per-role cuts), on
// the same port; turned off, it stops and every paired screen is let go.
import { dirname } from 'node:path'
import type { KdsCore } from '../core/kds-core'
import type { Logger } from '../core/logger'
import type { HubHost, HubHostOptions } from '../web/hub-host'
import { DEFAULT_PORT } from '../web/options'
import type { ManagedSettings } from '../core/managed-settings-load'
import type { RendererLocation } from './renderer-location'

/** What serving needs besides the core: the core is the caller's (serveHub with it). */
export type ServeArgs = Omit<HubHostOptions, 'core'>

export interface LanServeOptions {
  /** Where the `lan` setting is read and heard. */
  core: Pick<KdsCore, 'settings' | 'subscribe'>
  /** Serves the core (serveHub with it; a stand-in in tests). */
  serve: (args: ServeArgs) => Promise<HubHost>
  managed: ManagedSettings
  /** The core's data directory: devices.json goes beside the journal. */
  dataDir: string
  location: RendererLocation
  log: Logger
  port?: number
}

/** Follows the `lan` setting, serving the core on the network while it is on; returns the stop. */
export function followLanSetting(options: LanServeOptions): () => Promise<void> {
  const { core, log, location } = options
  const { serve } = options
  let host: Promise<HubHost | null> = Promise.resolve(null)
  let wanted = false

  const start = () =>
    (host = host.then(async (running) => {
      if (running !== null) return running
      if (location.kind !== 'file') {
        log.warn('the LAN serves the built renderer only; not with the dev server')
        return null
      }
      try {
        const served = await serve({
          managed: options.managed,
          dataDir: options.dataDir,
          rendererDir: dirname(location.path),
          port: options.port ?? DEFAULT_PORT,
          lan: true,
          log,
        })
        log.info('serving paired screens on the network', {
          addresses: served.lan?.hubInfo().addresses ?? [],
        })
        return served
      } catch (error) {
        log.error('cannot serve the network', { error: String(error) })
        return null
      }
    }))
  const stop = () =>
    (host = host.then(async (running) => {
      await running?.close()
      return null
    }))
  const follow = (lan: boolean) => {
    if (lan === wanted) return
    wanted = lan
    void (lan ? start() : stop())
  }

  follow(core.settings().lan)
  const unsubscribe = core.subscribe((message) => {
    if (message.type === 'settings') follow(message.settings.lan)
  })
  return async () => {
    unsubscribe()
    wanted = false
    await stop()
  }
}
