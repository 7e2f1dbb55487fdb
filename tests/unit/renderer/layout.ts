// jsdom lays nothing out, so a virtualized column would draw no rows: give every element a
// screen's height for the tests of one file.
import { afterAll, beforeAll } from 'vitest'

export function withScreenHeight(height = 1000): void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      value: height,
    })
  })
  afterAll(() => {
    if (original !== undefined) {
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', original)
    }
  })
}

/**
 * Opens the tests of one file at `?layout=` (the address wins over the settings, which the tests
 * need not start): the condition columns, where a test is about them; tiles are the default.
 */
export function withBoardLayout(layout: 'tiles' | 'columns'): void {
  let before = ''
  beforeAll(() => {
    before = window.location.search
    window.history.replaceState(null, '', `?layout=${layout}`)
  })
  afterAll(() => {
    window.history.replaceState(null, '', before === '' ? window.location.pathname : before)
  })
}
