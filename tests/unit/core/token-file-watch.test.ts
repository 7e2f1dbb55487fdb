import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { watchTokenFile } from '../../../electron/core/token-file-watch'
import { fakeLog } from '../main/fake-log'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function watching(initial: string) {
  let file: string | Error = initial
  const readText = () => {
    if (file instanceof Error) throw Object.assign(file, { code: 'ENOENT' })
    return file
  }
  const apply = vi.fn(async (_token: string) => {})
  const log = fakeLog()
  const stop = watchTokenFile('/etc/kitchen-display/token', initial, apply, {
    log,
    intervalMs: 1_000,
    readText,
  })
  return { set: (next: string | Error) => (file = next), apply, log, stop }
}

it('hands a rotated token over once, and never logs it', () => {
  const { set, apply, log } = watching('old-token')
  vi.advanceTimersByTime(3_000)
  expect(apply).not.toHaveBeenCalled()
  set('new-token\n')
  vi.advanceTimersByTime(3_000)
  expect(apply).toHaveBeenCalledTimes(1)
  expect(apply).toHaveBeenCalledWith('new-token')
  expect(log.info).toHaveBeenCalledWith('the token file changed; reconnecting with the new token', {
    file: '/etc/kitchen-display/token',
  })
  expect(JSON.stringify([log.info.mock.calls, log.warn.mock.calls])).not.toContain('new-token')
})

it('keeps the current token while the file is missing or empty, saying so once', () => {
  const { set, apply, log } = watching('old-token')
  set(new Error('gone'))
  vi.advanceTimersByTime(5_000)
  set('')
  vi.advanceTimersByTime(5_000)
  expect(apply).not.toHaveBeenCalled()
  expect(log.warn.mock.calls.map((call) => call[0])).toEqual([
    expect.stringMatching(/cannot be read \(ENOENT\); keeping the current token$/),
    expect.stringMatching(/is empty; keeping the current token$/),
  ])
})

it('logs a token the core refuses, and stops when told', async () => {
  const { set, apply, log, stop } = watching('a')
  apply.mockRejectedValueOnce(new Error('bad token'))
  set('b')
  await vi.advanceTimersByTimeAsync(1_000)
  expect(log.error).toHaveBeenCalledWith('the new token could not be applied', {
    error: 'Error: bad token',
  })
  stop()
  set('c')
  vi.advanceTimersByTime(5_000)
  expect(apply).toHaveBeenCalledTimes(1)
})
