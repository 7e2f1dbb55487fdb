// Mounting with the real plugins: a fresh Pinia (made active for the stores) and the app's i18n.
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import type { Language } from '../../../electron/common/settings'
import { createKdsI18n } from '../../../renderer/src/i18n'

/** A fresh, active Pinia for one test. */
export function freshPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

/** Mounts `component` with `pinia` (the active one by default) and the i18n, Russian unless told. */
export function mountWith<C extends Component>(
  component: C,
  pinia: Pinia,
  options: ComponentMountingOptions<C> = {},
  language: Language = 'ru',
) {
  return mount(component, {
    ...options,
    global: { ...options.global, plugins: [pinia, createKdsI18n(language)] },
  })
}

/**
 * Lets pushed events reach the DOM. The board store draws a lone event at once but the rest of a
 * burst at the next frame; a frame, then a timer, then the promises, cover both.
 */
export async function drawn(): Promise<void> {
  await new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve())
    else setTimeout(resolve, 0)
  })
  await new Promise((resolve) => setTimeout(resolve, 0))
  await flushPromises()
}
