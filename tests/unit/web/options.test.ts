import { describe, expect, it } from 'vitest'
import { DEFAULT_PORT, parseWebOptions } from '../../../electron/web/options'

const parse = (argv: string[], env: Record<string, string | undefined> = {}) =>
  parseWebOptions(argv, env, '/home/cook')

describe('parseWebOptions', () => {
  it('has defaults: loopback, the default port, ./.kds-data, the settings file’s server', () => {
    expect(parse([])).toEqual({
      ok: true,
      value: {
        port: DEFAULT_PORT,
        host: '127.0.0.1',
        hostGiven: false,
        dataDir: '/home/cook/.kds-data',
        serverUrl: undefined,
        token: null,
        help: false,
        managedArgv: [],
      },
    })
  })

  it('reads the flags', () => {
    const parsed = parse(['--port', '0', '--data-dir', 'd', '--server', 'http://10.0.0.5:4000'])
    expect(parsed).toMatchObject({
      ok: true,
      value: { port: 0, dataDir: '/home/cook/d', serverUrl: 'http://10.0.0.5:4000' },
    })
  })

  it.each([['70000'], ['-1'], ['x'], ['1e3'], ['']])('names --port when it is %j', (port) => {
    const parsed = parse([`--port=${port}`])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/^--port: expected an integer from 0 to 65535/)
  })

  it.each([['0.0.0.0'], ['192.168.1.10'], ['::']])(
    'refuses --host %s, pointing to --lan',
    (host) => {
      const parsed = parse(['--host', host])
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) {
        expect(parsed.reason).toMatch(
          /^--host: the board is served on 127\.0\.0\.1 only; --lan serves paired screens/,
        )
        expect(parsed.reason).toContain(host)
      }
    },
  )

  it('takes localhost as the loopback address it is', () => {
    expect(parse(['--host', 'localhost'])).toMatchObject({ ok: true, value: { host: '127.0.0.1' } })
  })

  it('takes the token and server from the environment, the flag winning over the variable', () => {
    const env = { KDS_TOKEN: 'secret', KDS_SERVER_URL: 'https://kds.example' }
    expect(parse([], env)).toMatchObject({
      ok: true,
      value: { token: 'secret', serverUrl: 'https://kds.example' },
    })
    expect(parse(['--server', 'http://127.0.0.1:4000'], env)).toMatchObject({
      ok: true,
      value: { token: 'secret', serverUrl: 'http://127.0.0.1:4000' },
    })
  })

  it('does not judge a variable the flag overrides', () => {
    const parsed = parse(['--server', 'http://127.0.0.1:4000'], { KDS_SERVER_URL: 'nonsense' })
    expect(parsed.ok).toBe(true)
  })

  it('names the variable or flag that is wrong', () => {
    const bad = parse([], { KDS_SERVER_URL: 'ftp://x' })
    expect(bad).toEqual({
      ok: false,
      reason: 'KDS_SERVER_URL: must be an http, https, ws or wss address',
    })
    const flag = parse(['--server', 'kds.example'])
    expect(flag.ok).toBe(false)
    if (!flag.ok) expect(flag.reason).toMatch(/^--server: /)
    const token = parse([], { KDS_TOKEN: 'x'.repeat(5_000) })
    expect(token.ok).toBe(false)
    if (!token.ok) expect(token.reason).toMatch(/^KDS_TOKEN: /)
  })

  it('counts an empty variable as unset', () => {
    expect(parse([], { KDS_TOKEN: '', KDS_SERVER_URL: '' })).toMatchObject({
      ok: true,
      value: { token: null, serverUrl: undefined },
    })
  })

  it('refuses unknown flags, positionals and a flag without its value', () => {
    expect(parse(['--token', 'x']).ok).toBe(false)
    expect(parse(['serve']).ok).toBe(false)
    expect(parse(['--port']).ok).toBe(false)
  })
})
