import { describe, expect, it } from 'vitest'
import { parseCliOptions } from '../../electron/server/cli-options'

const reasonOf = (argv: string[]): string => {
  const parsed = parseCliOptions(argv)
  if (parsed.ok) throw new Error(`expected ${argv.join(' ')} to be refused`)
  return parsed.reason
}

describe('CLI options', () => {
  it('has defaults', () => {
    expect(parseCliOptions([])).toEqual({
      ok: true,
      value: { port: 4000, host: '127.0.0.1', 'time-scale': 1, help: false },
    })
  })

  it('reads every flag', () => {
    const argv = ['--port', '0', '--host', '::1', '--users', 'u.json', '--simulate', '6']
    expect(parseCliOptions([...argv, '--time-scale', '0.5', '--recovery', '120'])).toEqual({
      ok: true,
      value: {
        port: 0,
        host: '::1',
        users: 'u.json',
        simulate: 6,
        'time-scale': 0.5,
        recovery: 120,
        help: false,
      },
    })
  })

  it.each([['abc'], ['70000'], ['1.5'], ['0x10'], ['']])('names --port for "%s"', (port) => {
    expect(reasonOf(['--port', port])).toMatch(/^--port: expected an integer from 0 to 65535/)
  })

  it('names the other flags too', () => {
    expect(reasonOf(['--simulate=-1'])).toMatch(/^--simulate: /)
    expect(reasonOf(['--simulate', '601'])).toMatch(/^--simulate: expected at most 600/)
    expect(reasonOf(['--time-scale', '0'])).toMatch(/^--time-scale: expected a positive number/)
    expect(reasonOf(['--host', ' '])).toMatch(/^--host: is empty/)
    expect(reasonOf(['--recovery', '0'])).toMatch(/^--recovery: expected at least 1 second/)
    expect(reasonOf(['--recovery', 'two'])).toMatch(/^--recovery: expected a number of seconds/)
    expect(reasonOf(['--recovery', '100000'])).toMatch(/^--recovery: expected at most 86400/)
  })

  it('reads --condition-writers as a list of user ids', () => {
    const parsed = parseCliOptions(['--condition-writers', 'a1,b2'])
    expect(parsed.ok && parsed.value['condition-writers']).toEqual(['a1', 'b2'])
    expect(reasonOf(['--condition-writers', 'a1,,b2'])).toMatch(
      /^--condition-writers: expected user ids separated by commas/,
    )
  })

  it('refuses unknown flags, positionals and missing values', () => {
    expect(reasonOf(['--nope'])).toMatch(/--nope/)
    expect(reasonOf(['4000'])).toMatch(/4000/)
    expect(reasonOf(['--port'])).toMatch(/--port/)
  })
})
