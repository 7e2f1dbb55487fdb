// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { followScreenSettings } from '../../../renderer/src/screen'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { FakeKds, settingsView } from './fake-kds'
import { freshPinia } from './mount'

// Vitest runs from the repository root.
const THEME_CSS = readFileSync(resolve('renderer/src/styles/theme.css'), 'utf8')

/** The custom properties declared in the first block whose selector is `selector`. */
function variables(selector: string): Map<string, string> {
  const start = THEME_CSS.indexOf(`${selector} {`)
  const body = THEME_CSS.slice(start, THEME_CSS.indexOf('}', start))
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', m[2] ?? '']))
}

let kds: FakeKds

beforeEach(() => {
  freshPinia()
  kds = new FakeKds()
})

describe('the screen', () => {
  it('follows the theme and the type size of the settings on <html>', async () => {
    const root = document.createElement('html')
    kds.currentSettings = settingsView({ theme: 'light', fontScale: 1.5 })
    const settings = useSettingsStore()
    const stop = followScreenSettings(root)
    // Before the settings arrive: the defaults.
    expect(root.dataset.theme).toBe('dark')
    expect(root.style.fontSize).toBe('16px')
    await settings.start(kds)
    await nextTick()
    expect(root.dataset.theme).toBe('light')
    expect(root.style.fontSize).toBe('24px')
    kds.push({ type: 'settings', settings: settingsView({ theme: 'dark', fontScale: 2 }) })
    await nextTick()
    expect(root.dataset.theme).toBe('dark')
    expect(root.style.fontSize).toBe('32px')
    stop()
  })

  it('has a light theme for every colour of the dark one', () => {
    const dark = variables(':root')
    const light = variables(":root[data-theme='light']")
    const colours = [...dark.keys()].filter((name) => !/-(size|min)$|^--mono$/.test(name))
    expect(colours.length).toBeGreaterThan(15)
    expect([...light.keys()].sort()).toEqual(colours.sort())
  })

  it('sizes the type in rem, so the root font size scales all of it', () => {
    const sizes = [...variables(':root')].filter(([name]) => /-(size|min)$/.test(name))
    expect(sizes.length).toBeGreaterThan(5)
    for (const [name, value] of sizes) expect(`${name}: ${value}`).toMatch(/: [\d.]+rem$/)
  })
})
