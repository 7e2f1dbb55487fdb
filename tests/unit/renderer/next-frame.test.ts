// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { atNextFrame, FRAME_FALLBACK_MS } from '../../../renderer/src/stores/next-frame'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('atNextFrame', () => {
  it('runs once, at the next frame', () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    })
    const work = vi.fn()
    atNextFrame(work)
    expect(work).not.toHaveBeenCalled()
    vi.advanceTimersByTime(17)
    expect(work).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(FRAME_FALLBACK_MS)
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('runs after a while where no frame comes (a hidden page), and not at all once cancelled', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // A hidden page: frames are asked for and never come.
    vi.stubGlobal('requestAnimationFrame', () => 1)
    vi.stubGlobal('cancelAnimationFrame', () => {})
    const work = vi.fn()
    atNextFrame(work)
    vi.advanceTimersByTime(FRAME_FALLBACK_MS - 1)
    expect(work).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(work).toHaveBeenCalledTimes(1)
    const cancelled = vi.fn()
    atNextFrame(cancelled)()
    vi.advanceTimersByTime(FRAME_FALLBACK_MS)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
