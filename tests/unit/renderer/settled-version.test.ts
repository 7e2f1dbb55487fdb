// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useSettledVersion } from '../../../renderer/src/dispatch/settled-version'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { freshPinia, mountWith } from './mount'

afterEach(() => vi.useRealTimers())

describe('useSettledVersion', () => {
  it('follows the first change at once and a rush once, at the end of its interval', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const pinia = freshPinia()
    const board = useBoardStore()
    let settled: { value: number } = { value: -1 }
    const wrapper = mountWith(
      defineComponent({
        setup() {
          settled = useSettledVersion(1_000)
          return () => h('div')
        },
      }),
      pinia,
    )
    const start = board.version
    board.version += 1
    await nextTick()
    expect(settled.value).toBe(start + 1)
    for (let change = 0; change < 5; change += 1) {
      vi.advanceTimersByTime(100)
      board.version += 1
      await nextTick()
    }
    expect(settled.value).toBe(start + 1)
    vi.advanceTimersByTime(500)
    expect(settled.value).toBe(start + 6)
    wrapper.unmount()
  })
})
