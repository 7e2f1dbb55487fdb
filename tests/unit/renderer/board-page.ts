// The kitchen board as the renderer tests mount it: a fresh Pinia and FakeKds before each test of
// the file, the page unmounted and the board store stopped after. Call it at the top of a file.
import { afterEach, beforeEach } from 'vitest'
import type { Pinia } from 'pinia'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { FakeKds } from './fake-kds'
import { withScreenHeight } from './layout'
import { freshPinia, type mountWith } from './mount'

export interface BoardPage {
  pinia: Pinia
  kds: FakeKds
  /** What the test mounted, unmounted after it. */
  wrapper: ReturnType<typeof mountWith> | null
}

export function boardPage(): BoardPage {
  withScreenHeight()
  const page: BoardPage = { pinia: freshPinia(), kds: new FakeKds(), wrapper: null }
  beforeEach(() => {
    localStorage.clear()
    page.pinia = freshPinia()
    page.kds = new FakeKds()
  })
  afterEach(() => {
    page.wrapper?.unmount()
    page.wrapper = null
    useBoardStore().stop()
  })
  return page
}
