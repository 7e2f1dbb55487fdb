import type { BrowserWindow as ElectronWindow } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchRenderer } from '../../../electron/main/self-heal-renderer'
import { BrowserWindow, resetElectronMock } from './electron-mock'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))

beforeEach(() => {
  resetElectronMock()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

function watched() {
  const window = new BrowserWindow({})
  const log = fakeLog()
  const dispose = watchRenderer(window as unknown as ElectronWindow, {
    log,
    hangMs: 10_000,
    firstDelayMs: 1_000,
    maxDelayMs: 8_000,
    stableMs: 60_000,
    now: () => Date.now(),
  })
  const crash = (reason = 'crashed') =>
    window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 })
  return { window, contents: window.webContents, log, dispose, crash }
}

describe('a crashed renderer', () => {
  it('is logged and reloaded after a pause', () => {
    const { contents, log, crash } = watched()
    crash('oom')
    expect(log.error).toHaveBeenCalledWith('the renderer is gone; reloading it', {
      reason: 'oom',
      exitCode: 139,
      crashesInARow: 1,
      delayMs: 1_000,
    })
    vi.advanceTimersByTime(999)
    expect(contents.reload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(contents.reload).toHaveBeenCalledTimes(1)
  })

  it('waits twice as long after each crash in a row, up to the cap', () => {
    const { contents, log, crash } = watched()
    const delays: unknown[] = []
    for (let i = 0; i < 6; i += 1) {
      crash()
      vi.advanceTimersByTime(10_000)
    }
    for (const call of log.error.mock.calls) delays.push((call[1] as { delayMs: number }).delayMs)
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
    expect(contents.reload).toHaveBeenCalledTimes(6)
  })

  it('starts the pause over once the renderer has lived a while', () => {
    const { log, crash } = watched()
    crash()
    vi.advanceTimersByTime(5_000)
    crash()
    vi.advanceTimersByTime(61_000)
    crash()
    const delays = log.error.mock.calls.map((call) => (call[1] as { delayMs: number }).delayMs)
    expect(delays).toEqual([1_000, 2_000, 1_000])
  })

  it('is not reloaded once its window is closed', () => {
    const { window, contents, crash } = watched()
    crash()
    window.destroyed = true
    vi.advanceTimersByTime(10_000)
    expect(contents.reload).not.toHaveBeenCalled()
  })
})

describe('a hung renderer', () => {
  it('is given a grace period, and left alone when it recovers', () => {
    const { contents, log } = watched()
    contents.emit('unresponsive')
    vi.advanceTimersByTime(9_000)
    contents.emit('responsive')
    vi.advanceTimersByTime(10_000)
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled()
    expect(log.info).toHaveBeenCalledWith('the renderer is responding again')
  })

  it('is killed after the grace period and reloaded in a new process', () => {
    const { contents, log } = watched()
    contents.emit('unresponsive')
    contents.emit('unresponsive')
    vi.advanceTimersByTime(10_000)
    expect(log.error).toHaveBeenCalledWith('the renderer stayed unresponsive; restarting it', {
      afterMs: 10_000,
    })
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1_000)
    expect(contents.reload).toHaveBeenCalledTimes(1)
  })
})

it('stops watching when disposed', () => {
  const { contents, dispose, crash } = watched()
  dispose()
  crash()
  vi.advanceTimersByTime(10_000)
  expect(contents.reload).not.toHaveBeenCalled()
})
