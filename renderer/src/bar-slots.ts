// Where a view puts its own controls in the slim top row: beside the connection state (what is
// used all the time) and in the row's «⋯» menu (the rest). App says the row is there; a view
// mounted without it (a component test) keeps its controls in place.
import type { InjectionKey } from 'vue'

/** The row's element for a view's everyday controls (the kitchen's pages, «Вернуть»). */
export const BAR_TOOLS_ID = 'bar-tools'
/** The «⋯» menu's element for a view's other controls (the kitchen's filters and panels). */
export const BAR_MENU_ID = 'bar-menu-tools'
/** Provided as true by the window that has the top row. */
export const HAS_BAR: InjectionKey<boolean> = Symbol('has-bar')
