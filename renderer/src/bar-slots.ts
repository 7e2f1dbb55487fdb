// Where a view puts its own controls in the slim top row: beside the connection state (what is
// used all the time) and in the row's «⋯» menu (the rest). The window provides the two places and
// the top row fills them with its elements; a view mounted without a window (a component test)
// keeps its controls in place. Elements, not selectors: a selector finds nothing in a tree that is
// not attached to the document, and a teleport without its target breaks the next update.
import { ref, type InjectionKey, type Ref } from 'vue'

/** The top row's places for a view's controls; null until the row has drawn them. */
export interface BarSlots {
  /** The everyday controls (the kitchen's pages, «Вернуть»). */
  tools: Ref<HTMLElement | null>
  /** The «⋯» menu's place for the rest (the kitchen's filters and panels). */
  menu: Ref<HTMLElement | null>
}

/** Provided by the window that has the top row. */
export const BAR_SLOTS: InjectionKey<BarSlots> = Symbol('bar-slots')

/** Empty places, for the window to provide. */
export function barSlots(): BarSlots {
  return { tools: ref(null), menu: ref(null) }
}

/** A template ref that fills `slot` with the element it is set on. */
export function fillSlot(slot: Ref<HTMLElement | null> | undefined) {
  return (element: unknown): void => {
    if (slot !== undefined) slot.value = element instanceof HTMLElement ? element : null
  }
}
