// The hub's own window may make this app a screen of another hub (the settings' «Этот экран: экран
// хаба»): the choice is stored, the page is answered, and the app relaunches into that mode.
// Only the window over IPC reaches this; the bridge serves the core, which always says no.
import type { KdsHandlers, KdsHost } from '../common/kds-api'
import type { Logger } from '../core/logger'
import { saveHubChoice } from './hub-choice'

export interface HubScreenHostOptions {
  /** Where the choice is stored: userData. */
  dir: string
  log: Logger
  /** Closes the core cleanly and starts the app again. */
  relaunch: () => void
}

/** `core` with hubScreen and becomeHubScreen answered by this (Electron) shell. */
export function withHubScreen(core: KdsHost, options: HubScreenHostOptions): KdsHost {
  const { dir, log, relaunch } = options
  const own: Pick<KdsHandlers, 'hubScreen' | 'becomeHubScreen'> = {
    // A managed hubUrl makes this app a screen before any window of ours opens: never here.
    hubScreen: () => ({ available: true, hubUrl: null, managedBy: null }),
    becomeHubScreen(url) {
      saveHubChoice(dir, { hubUrl: url, language: core.settings().language })
      log.info('this app becomes a screen of a hub; relaunching', { hubUrl: url })
      // After the answer has gone: the page hears that it worked, then the app goes.
      setTimeout(relaunch, 0)
      return Promise.resolve(null)
    },
  }
  return new Proxy(core, {
    get(target, name, receiver) {
      if (name === 'hubScreen' || name === 'becomeHubScreen') return own[name]
      const value: unknown = Reflect.get(target, name, receiver)
      // The core is a class: its methods need it as `this`.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
