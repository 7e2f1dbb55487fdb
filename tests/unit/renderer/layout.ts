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
