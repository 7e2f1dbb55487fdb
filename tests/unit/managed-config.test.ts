import { describe, expect, it } from 'vitest'
import {
  mergeManagedLayers,
  parseManagedArgv,
  parseManagedEnv,
  parseManagedFile,
} from '../../electron/common/managed-config'

const PATH = '/etc/kitchen-display/config.json'

const FULL = {
  serverUrl: 'https://api.example.com',
  tokenFile: '/etc/kitchen-display/token',
  language: 'en',
  kiosk: true,
  view: 'dispatch',
  settingsPin: '2468',
  startAtLogin: true,
}

describe('the managed config file', () => {
  it('gives every key when all are valid, each with its origin', () => {
    const layer = parseManagedFile(JSON.stringify(FULL), PATH)
    expect(layer.values).toEqual(FULL)
    expect(layer.warnings).toEqual([])
    expect(layer.origins.serverUrl).toBe(`"serverUrl" in ${PATH}`)
  })

  it('may set only some keys', () => {
    const layer = parseManagedFile('{"kiosk": false, "view": "kitchen"}', PATH)
    expect(layer.values).toEqual({ kiosk: false, view: 'kitchen' })
    expect(layer.warnings).toEqual([])
  })

  it('keeps the valid keys and names each invalid one', () => {
    const layer = parseManagedFile(
      JSON.stringify({
        serverUrl: 'ftp://nope',
        language: 'de',
        kiosk: 'yes',
        view: 'dispatch',
        tokenFile: 'relative/token',
        startAtLogin: true,
      }),
      PATH,
    )
    expect(layer.values).toEqual({ view: 'dispatch', startAtLogin: true })
    expect(layer.warnings).toHaveLength(4)
    expect(layer.warnings[0]).toMatch(
      /^"serverUrl" in \/etc\/kitchen-display\/config\.json: "ftp:\/\/nope" is invalid \(must be an http, https, ws or wss address\); ignored$/,
    )
    expect(layer.warnings[1]).toMatch(/^"language" in .*"de" is invalid/)
    expect(layer.warnings[2]).toMatch(/^"kiosk" in .*"yes" is invalid \(.*boolean/)
    expect(layer.warnings[3]).toMatch(
      /^"tokenFile" in .*"relative\/token" is invalid \(must be an absolute path/,
    )
  })

  it('names an unknown key, and never repeats a bad PIN', () => {
    const layer = parseManagedFile(
      '{"serverURL": "https://x.example", "settingsPin": "12ab"}',
      PATH,
    )
    expect(layer.values).toEqual({})
    expect(layer.warnings[0]).toMatch(/^"serverURL" in .* is not a managed key \(serverUrl, /)
    expect(layer.warnings[1]).toMatch(/^"settingsPin" in .*: is invalid \(must be 4 to 12 digits\)/)
    expect(layer.warnings.join()).not.toContain('12ab')
  })

  it('ignores a file that is not JSON, or not an object, saying why', () => {
    expect(parseManagedFile('{"kiosk": tru', PATH)).toEqual({
      values: {},
      origins: {},
      warnings: [expect.stringMatching(/^managed config .*config\.json is not valid JSON \(/)],
    })
    expect(parseManagedFile('[]', PATH).warnings).toEqual([
      `managed config ${PATH} must hold a JSON object; ignored`,
    ])
  })

  it('is not fooled by a __proto__ key', () => {
    const layer = parseManagedFile('{"__proto__": {"kiosk": true}}', PATH)
    expect(layer.values).toEqual({})
    expect(layer.values.kiosk).toBeUndefined()
    expect(layer.warnings[0]).toMatch(/"__proto__" .* is not a managed key/)
  })
})

describe('the environment', () => {
  it('reads every KDS_* variable, booleans as 1/0, true/false, yes/no, on/off', () => {
    const layer = parseManagedEnv({
      KDS_SERVER_URL: 'wss://api.example.com',
      KDS_TOKEN_FILE: 'C:\\ProgramData\\Kitchen Display\\token',
      KDS_LANGUAGE: 'ru',
      KDS_KIOSK: 'Yes',
      KDS_VIEW: 'kitchen',
      KDS_SETTINGS_PIN: '0000',
      KDS_START_AT_LOGIN: '0',
    })
    expect(layer.values).toEqual({
      serverUrl: 'wss://api.example.com',
      tokenFile: 'C:\\ProgramData\\Kitchen Display\\token',
      language: 'ru',
      kiosk: true,
      view: 'kitchen',
      settingsPin: '0000',
      startAtLogin: false,
    })
    expect(layer.origins.kiosk).toBe('KDS_KIOSK')
  })

  it('treats an empty variable as unset and names a bad one', () => {
    const layer = parseManagedEnv({ KDS_SERVER_URL: '', KDS_KIOSK: 'maybe', KDS_VIEW: 'bar' })
    expect(layer.values).toEqual({})
    expect(layer.warnings).toEqual([
      expect.stringMatching(/^KDS_KIOSK: "maybe" is invalid/),
      expect.stringMatching(/^KDS_VIEW: "bar" is invalid/),
    ])
  })
})

describe('the flags', () => {
  it('take --flag=value and --flag value; a boolean flag alone means true', () => {
    const layer = parseManagedArgv([
      '/opt/Kitchen Display/kitchen-display',
      '--no-sandbox',
      '--server=https://api.example.com',
      '--token-file',
      '/run/secrets/kds-token',
      '--kiosk',
      '--start-at-login=off',
      '--view',
      'dispatch',
      '--language=en',
      '--settings-pin=1234',
    ])
    expect(layer.values).toEqual({
      serverUrl: 'https://api.example.com',
      tokenFile: '/run/secrets/kds-token',
      kiosk: true,
      startAtLogin: false,
      view: 'dispatch',
      language: 'en',
      settingsPin: '1234',
    })
    expect(layer.warnings).toEqual([])
    expect(layer.origins.serverUrl).toBe('--server')
  })

  it('leave other arguments alone and name a flag without its value', () => {
    const layer = parseManagedArgv(['.', '--user-data-dir=/tmp/x', '--view', '--kiosk=false'])
    expect(layer.values).toEqual({ kiosk: false })
    expect(layer.warnings).toEqual(['--view needs a value; ignored'])
  })
})

describe('precedence', () => {
  const file = parseManagedFile(
    JSON.stringify({ serverUrl: 'https://file.example', language: 'ru', kiosk: true }),
    PATH,
  )

  it('is flags over environment over file, key by key', () => {
    const env = parseManagedEnv({ KDS_SERVER_URL: 'https://env.example', KDS_LANGUAGE: 'en' })
    const flags = parseManagedArgv(['--server', 'https://flag.example'])
    const merged = mergeManagedLayers(file, env, flags)
    expect(merged.values).toEqual({
      serverUrl: 'https://flag.example',
      language: 'en',
      kiosk: true,
    })
    expect(merged.origins).toEqual({
      serverUrl: '--server',
      language: 'KDS_LANGUAGE',
      kiosk: `"kiosk" in ${PATH}`,
    })
  })

  it('falls back to the next source when a higher one is invalid, and says so', () => {
    const env = parseManagedEnv({ KDS_SERVER_URL: 'not a url' })
    const flags = parseManagedArgv(['--kiosk=perhaps'])
    const merged = mergeManagedLayers(file, env, flags)
    expect(merged.values).toEqual({
      serverUrl: 'https://file.example',
      language: 'ru',
      kiosk: true,
    })
    expect(merged.warnings).toEqual([
      expect.stringMatching(/^KDS_SERVER_URL: /),
      expect.stringMatching(/^--kiosk: /),
    ])
  })
})

describe('managed printers', () => {
  const PACK = { id: 'pack', name: 'Упаковка', kind: 'escpos-tcp', host: '192.0.2.10' }

  it('come from the file, the variable (JSON) and the flag, defaults filled', () => {
    const file = parseManagedFile(JSON.stringify({ printers: [PACK] }), PATH)
    expect(file.values.printers).toEqual([
      { ...PACK, port: 9100, width: 80, codepage: 'cp866', print: 'new', station: null },
    ])
    const env = parseManagedEnv({ KDS_PRINTERS: JSON.stringify([{ ...PACK, print: 'ready' }]) })
    expect(env.values.printers?.[0]?.print).toBe('ready')
    const flags = parseManagedArgv([`--printers=${JSON.stringify([PACK])}`])
    expect(flags.origins.printers).toBe('--printers')
  })

  it('are refused with the field named when one cannot work', () => {
    const noHost = parseManagedFile(
      JSON.stringify({ printers: [{ ...PACK, host: undefined }] }),
      PATH,
    )
    expect(noHost.values.printers).toBeUndefined()
    expect(noHost.warnings[0]).toMatch(
      /"printers" in .*\[0\]\.host: is required for an escpos-tcp printer/,
    )
    const env = parseManagedEnv({ KDS_PRINTERS: JSON.stringify([{ ...PACK, codepage: 'koi8-r' }]) })
    expect(env.warnings[0]).toMatch(
      /^KDS_PRINTERS: .*\[0\]\.codepage: the encoder has no code page "koi8-r"/,
    )
    expect(parseManagedEnv({ KDS_PRINTERS: 'not json' }).warnings[0]).toMatch(/^KDS_PRINTERS:/)
  })
})
