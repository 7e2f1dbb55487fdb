import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AUTOSTART_FILE,
  applyStartAtLogin,
  autostartEntry,
} from '../../../electron/main/login-item'
import { fakeLog } from './fake-log'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-login-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const packagedApp = () => ({ isPackaged: true, setLoginItemSettings: vi.fn() })

describe('applyStartAtLogin', () => {
  it('uses the login items of Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const app = packagedApp()
      applyStartAtLogin(true, { app, log: fakeLog(), platform })
      expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true })
    }
  })

  it('writes, then removes, an XDG autostart entry on Linux (the AppImage file, not its mount)', () => {
    const env = { XDG_CONFIG_HOME: dir, APPIMAGE: '/opt/Kitchen Display.AppImage' }
    const options = { app: packagedApp(), log: fakeLog(), platform: 'linux' as const, env }
    const file = join(dir, 'autostart', AUTOSTART_FILE)
    applyStartAtLogin(true, options)
    expect(readFileSync(file, 'utf8')).toBe(autostartEntry('/opt/Kitchen Display.AppImage'))
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Kitchen Display.AppImage"\n')
    applyStartAtLogin(false, options)
    expect(existsSync(file)).toBe(false)
    expect(options.app.setLoginItemSettings).not.toHaveBeenCalled()
  })

  it('falls back to ~/.config and the executable outside an AppImage', () => {
    const options = {
      app: packagedApp(),
      log: fakeLog(),
      platform: 'linux' as const,
      env: {},
      home: dir,
      execPath: '/opt/kitchen-display/kitchen-display',
    }
    applyStartAtLogin(true, options)
    const entry = readFileSync(join(dir, '.config', 'autostart', AUTOSTART_FILE), 'utf8')
    expect(entry).toContain('Exec="/opt/kitchen-display/kitchen-display"')
  })

  it('escapes what the desktop entry spec reserves', () => {
    expect(autostartEntry('/a "b" $c')).toContain('Exec="/a \\"b\\" \\$c"')
  })

  it('leaves a development build unregistered', () => {
    const app = { isPackaged: false, setLoginItemSettings: vi.fn() }
    const log = fakeLog()
    applyStartAtLogin(true, { app, log, platform: 'win32' })
    expect(app.setLoginItemSettings).not.toHaveBeenCalled()
    expect(log.info).toHaveBeenCalledWith('start at login applies to the installed app only', {
      enabled: true,
    })
  })

  it('logs, and does not throw, when it cannot be changed', () => {
    const app = packagedApp()
    app.setLoginItemSettings.mockImplementation(() => {
      throw new Error('denied')
    })
    const log = fakeLog()
    applyStartAtLogin(true, { app, log, platform: 'darwin' })
    expect(log.warn).toHaveBeenCalledWith('could not change start at login', {
      enabled: true,
      error: 'Error: denied',
    })
  })
})
