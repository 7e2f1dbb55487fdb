import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installCrashGuard, relaunchDecision } from '../../../electron/main/self-heal-main'
import { fakeLog } from './fake-log'

const MINUTE = 60_000
const policy = { max: 3, windowMs: 5 * MINUTE }

describe('relaunchDecision', () => {
  it('relaunches up to three times in five minutes, then gives up', () => {
    let history: number[] = []
    const outcomes = [0, MINUTE, 2 * MINUTE, 3 * MINUTE].map((now) => {
      const decision = relaunchDecision(history, now, policy)
      history = decision.history
      return decision.relaunch
    })
    expect(outcomes).toEqual([true, true, true, false])
  })

  it('forgets relaunches older than the window', () => {
    expect(relaunchDecision([0, MINUTE, 2 * MINUTE], 6 * MINUTE + 1, policy)).toEqual({
      relaunch: true,
      history: [2 * MINUTE, 6 * MINUTE + 1],
    })
  })

  it('ignores times in the future (a clock set back)', () => {
    expect(relaunchDecision([10 * MINUTE, 11 * MINUTE, 12 * MINUTE], MINUTE, policy).relaunch).toBe(
      true,
    )
  })
})

describe('installCrashGuard', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kds-crash-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function guarded(now = () => 0) {
    const source = new EventEmitter()
    const app = { relaunch: vi.fn(), exit: vi.fn() }
    const log = fakeLog()
    const onGiveUp = vi.fn()
    const stateFile = join(dir, 'relaunches.json')
    const dispose = installCrashGuard({ app, log, stateFile, onGiveUp, policy, source, now })
    return { source, app, log, onGiveUp, stateFile, dispose }
  }

  it('logs an uncaught exception, relaunches and exits with 1, remembering the relaunch', () => {
    const { source, app, log, stateFile } = guarded(() => 42)
    source.emit('uncaughtException', new TypeError('boom'))
    expect(log.error).toHaveBeenCalledWith('an uncaught exception in the main process', {
      error: expect.stringContaining('TypeError: boom'),
    })
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ relaunches: [42] })
  })

  it('does the same for an unhandled rejection', () => {
    const { source, app, log } = guarded()
    source.emit('unhandledRejection', 'no reason')
    expect(log.error).toHaveBeenCalledWith('an unhandled promise rejection in the main process', {
      error: 'no reason',
    })
    expect(app.relaunch).toHaveBeenCalled()
  })

  it('gives up after three relaunches in five minutes, saying so, and still exits', () => {
    const { source, app, onGiveUp, stateFile } = guarded(() => 4 * MINUTE)
    writeFileSync(stateFile, JSON.stringify({ relaunches: [MINUTE, 2 * MINUTE, 3 * MINUTE] }))
    source.emit('uncaughtException', new Error('again'))
    expect(app.relaunch).not.toHaveBeenCalled()
    expect(onGiveUp).toHaveBeenCalledWith(
      expect.stringMatching(/restarting itself 3 times within 5 minutes, so it was not restarted/),
    )
    expect(app.exit).toHaveBeenCalledWith(1)
  })

  it('treats an unreadable relaunch file as no history', () => {
    const { source, app, stateFile } = guarded()
    writeFileSync(stateFile, 'not json')
    source.emit('uncaughtException', new Error('x'))
    expect(app.relaunch).toHaveBeenCalled()
  })

  it('acts once: a second error while exiting is only logged', () => {
    const { source, app, log } = guarded()
    source.emit('uncaughtException', new Error('first'))
    source.emit('uncaughtException', new Error('second'))
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(app.exit).toHaveBeenCalledTimes(1)
    expect(log.error).toHaveBeenCalledTimes(2)
  })

  it('stops listening when disposed', () => {
    const { source, dispose } = guarded()
    dispose()
    expect(source.listenerCount('uncaughtException')).toBe(0)
    expect(source.listenerCount('unhandledRejection')).toBe(0)
  })
})
