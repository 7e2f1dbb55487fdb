// Which view the window shows: `#/dispatch` the dispatcher's, anything else the kitchen board.
// Without a hash, `?view=dispatch|kitchen` (the Electron shell's managed config) decides.
import { onScopeDispose, readonly, ref, type Ref } from 'vue'

export type ViewName = 'kitchen' | 'dispatch'

/** The hash of each view, for links and for opening another window. */
export const VIEW_HASH: Record<ViewName, string> = { kitchen: '#/', dispatch: '#/dispatch' }

/** The view a location asks for: its hash when it has one, else its `?view=`, else the kitchen. */
export function viewOf(hash: string, search: string): ViewName {
  if (hash !== '' && hash !== '#') return hash === VIEW_HASH.dispatch ? 'dispatch' : 'kitchen'
  return new URLSearchParams(search).get('view') === 'dispatch' ? 'dispatch' : 'kitchen'
}

/** The current view, following the hash as it changes (links, back and forward). */
export function useView(): Readonly<Ref<ViewName>> {
  const view = ref(viewOf(location.hash, location.search))
  const follow = () => (view.value = viewOf(location.hash, location.search))
  window.addEventListener('hashchange', follow)
  onScopeDispose(() => window.removeEventListener('hashchange', follow))
  return readonly(view)
}

/** This page's address showing `view`: same origin and path, the query kept, the view's hash. */
export function viewUrl(view: ViewName, href: string = location.href): string {
  const url = new URL(href)
  url.hash = VIEW_HASH[view]
  return url.toString()
}

/** Opens `view` in a new window (a new tab in a browser), for a second monitor. */
export function openView(view: ViewName): void {
  // noopener: the new window runs on its own and cannot reach back into this one.
  window.open(viewUrl(view), '_blank', 'noopener')
}
