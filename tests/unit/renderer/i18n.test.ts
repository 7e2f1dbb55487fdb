// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { KNOWN_CONDITIONS } from '../../../electron/common/conditions'
import App from '../../../renderer/src/App.vue'
import { MESSAGES } from '../../../renderer/src/i18n'
import { en } from '../../../renderer/src/i18n/en'
import { ru } from '../../../renderer/src/i18n/ru'
import { startSession } from '../../../renderer/src/session'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { FakeKds, settingsView } from './fake-kds'
import { withScreenHeight, withBoardLayout } from './layout'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

/** Every leaf key of a message tree, as dotted paths. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

withBoardLayout('columns')
describe('messages', () => {
  it('has the same keys in Russian and English, and no empty text', () => {
    expect(keys(en).sort()).toEqual(keys(ru).sort())
    for (const messages of Object.values(MESSAGES)) {
      for (const key of keys(messages)) {
        const value = key.split('.').reduce<unknown>((node, part) => {
          return (node as Record<string, unknown>)[part]
        }, messages)
        expect(typeof value === 'string' && value.trim() !== '', key).toBe(true)
      }
    }
  })

  it('labels every known condition in both languages', () => {
    for (const info of KNOWN_CONDITIONS) {
      expect(info.label.ru).not.toBe('')
      expect(info.label.en).not.toBe('')
    }
  })
})

describe('language', () => {
  withScreenHeight()
  afterEach(() => {
    useClockStore().stop()
    useBoardStore().stop()
  })

  it('follows the settings: texts, condition labels and <html lang>', async () => {
    const pinia = freshPinia()
    const kds = new FakeKds()
    kds.setBoard(1, [entryOf(makeOrder({ delivery: false }))])
    startSession(kds)
    const wrapper = mountWith(App, pinia)
    await flushPromises()
    expect(document.documentElement.lang).toBe('ru')
    expect(wrapper.get('[data-testid="connection-status"]').text()).toBe('На связи')
    expect(wrapper.get('[data-condition="NEW"] h2').text()).toContain('Новый')

    kds.push({ type: 'settings', settings: settingsView({ language: 'en' }) })
    await flushPromises()
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('Kitchen display')
    expect(wrapper.get('[data-testid="connection-status"]').text()).toBe('Connected')
    expect(wrapper.get('[data-condition="NEW"] h2').text()).toContain('New')
    expect(wrapper.get('[data-testid="order-card"]').text()).toContain('Pickup')
    wrapper.unmount()
  })
})
