// Start at login. Windows and macOS keep login items for Electron (setLoginItemSettings); Linux
// desktops read XDG autostart entries instead, so there it is a .desktop file in the user's
// ~/.config/autostart. Only an installed app registers itself: a development build would register
// the bare Electron binary.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../core/logger'

/** The file name of the XDG autostart entry. */
export const AUTOSTART_FILE = 'kitchen-display.desktop'

export interface LoginItemOptions {
  app: {
    isPackaged: boolean
    setLoginItemSettings(settings: { openAtLogin: boolean }): void
  }
  log: Logger
  platform?: NodeJS.Platform
  env?: Readonly<Record<string, string | undefined>>
  home?: string
  execPath?: string
}

/** `path` quoted for a desktop entry's Exec key (the XDG spec's escapes). */
function execQuoted(path: string): string {
  return `"${path.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`
}

/** The XDG autostart entry that starts `executable`. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Kitchen Display',
    `Exec=${execQuoted(executable)}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Makes the app start (or not) when the user logs in. */
export function applyStartAtLogin(enabled: boolean, options: LoginItemOptions): void {
  const { app, log, platform = process.platform, env = process.env } = options
  if (!app.isPackaged) {
    log.info('start at login applies to the installed app only', { enabled })
    return
  }
  try {
    if (platform === 'linux') {
      const home = options.home ?? env['HOME'] ?? ''
      const dir = join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'autostart')
      const file = join(dir, AUTOSTART_FILE)
      // An AppImage runs from a temporary mount; APPIMAGE is the file that stays.
      const executable = env['APPIMAGE'] || (options.execPath ?? process.execPath)
      if (enabled) {
        mkdirSync(dir, { recursive: true })
        writeFileSync(file, autostartEntry(executable))
      } else {
        rmSync(file, { force: true })
      }
    } else {
      app.setLoginItemSettings({ openAtLogin: enabled })
    }
    log.info('start at login', { enabled })
  } catch (error) {
    log.warn('could not change start at login', { enabled, error: String(error) })
  }
}
