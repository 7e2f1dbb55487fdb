// The managed keys of a kitchen of screens, read the same by both shells.
import { describe, expect, it } from 'vitest'
import {
  mergeManagedLayers,
  parseManagedArgv,
  parseManagedEnv,
  parseManagedFile,
} from '../../electron/common/managed-config'
import { loadManagedSettings } from '../../electron/core/managed-settings-load'
import { settingsRefusal } from '../../electron/core/settings-guard'
import { splitManagedArgv, parseWebOptions } from '../../electron/web/options'
import { SETTINGS } from './main/fake-core'

const STATIONS = [
  { id: 'hot', name: 'Горячий цех', match: ['суп'], next: 'pack' },
  { id: 'pack', name: 'Упаковка', match: [] },
]

describe('managed stations, defaultStation, view and lan', () => {
  it('reads them from the file, the environment (stations as JSON) and the flags', () => {
    const file = parseManagedFile(
      JSON.stringify({ stations: STATIONS, defaultStation: 'pack', view: 'expo', lan: true }),
      '/etc/kds.json',
    )
    expect(file.warnings).toEqual([])
    expect(file.values).toEqual({
      stations: STATIONS,
      defaultStation: 'pack',
      view: 'expo',
      lan: true,
    })
    const env = parseManagedEnv({
      KDS_STATIONS: JSON.stringify(STATIONS),
      KDS_VIEW: 'station:hot',
      KDS_LAN: 'no',
    })
    expect(env.values).toEqual({ stations: STATIONS, view: 'station:hot', lan: false })
    const flags = parseManagedArgv(['--lan', '--view=dispatch', '--default-station', 'hot'])
    expect(flags.values).toEqual({ lan: true, view: 'dispatch', defaultStation: 'hot' })
    expect(mergeManagedLayers(file, env, flags).values).toMatchObject({
      view: 'dispatch',
      lan: true,
    })
  })

  it('names what is wrong and keeps going', () => {
    const env = parseManagedEnv({ KDS_STATIONS: '[{"id":"hot"', KDS_VIEW: 'waiter' })
    expect(env.values).toEqual({})
    expect(env.warnings).toEqual(
      [
        expect.stringMatching(/^KDS_VIEW: "waiter" is invalid/),
        expect.stringMatching(/^KDS_STATIONS: .* is invalid/),
      ].sort(() => 0),
    )
    const file = parseManagedFile(
      JSON.stringify({ stations: [{ id: 'a', name: 'A', match: [], next: 'b' }] }),
      '/etc/kds.json',
    )
    expect(file.warnings).toEqual([
      expect.stringMatching(/"stations" in \/etc\/kds\.json.*names no station: "b"/),
    ])
  })

  it('is what the browser shell reads from KDS_CONFIG_FILE, its variables and its flags', () => {
    const parsed = parseWebOptions(['--port', '0', '--lan', '--view', 'station:hot'], {})
    expect(parsed).toMatchObject({
      ok: true,
      value: { port: 0, managedArgv: ['--lan', '--view', 'station:hot'] },
    })
    const managed = loadManagedSettings({
      argv: parsed.ok ? parsed.value.managedArgv : [],
      env: { KDS_CONFIG_FILE: '/cfg.json', KDS_DEFAULT_STATION: 'pack' },
      readText: (path) => {
        if (path !== '/cfg.json') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
        return JSON.stringify({ stations: STATIONS, view: 'expo' })
      },
    })
    expect(managed.warnings).toEqual([])
    expect(managed.config).toEqual({
      stations: STATIONS,
      view: 'station:hot',
      lan: true,
      defaultStation: 'pack',
    })
  })

  it('splits the managed flags (with their values) from the shell’s own', () => {
    expect(
      splitManagedArgv([
        '--port',
        '0',
        '--stations',
        '[]',
        '--lan',
        '--server',
        'http://x:1',
        '--kiosk',
      ]),
    ).toEqual({
      own: ['--port', '0', '--server', 'http://x:1'],
      managed: ['--stations', '[]', '--lan', '--kiosk'],
    })
  })

  it('refuses a change to managed stations, but not the same list sent back', () => {
    const managed = {
      config: { stations: STATIONS },
      origins: { stations: 'KDS_STATIONS' },
      token: null,
      pin: null,
      warnings: [],
      path: '/etc/kds.json',
    }
    const current = { ...SETTINGS, stations: STATIONS }
    expect(
      settingsRefusal({ stations: structuredClone(STATIONS) }, current, managed, null),
    ).toBeNull()
    expect(settingsRefusal({ stations: [] }, current, managed, null)).toMatch(
      /"stations" is set by KDS_STATIONS/,
    )
  })
})
