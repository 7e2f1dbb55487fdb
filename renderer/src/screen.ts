// The screen follows the settings: the theme as `<html data-theme>`, the type size as the root
// font size (every size in theme.css is in rem, so the whole display scales with it).
import { watch, type WatchStopHandle } from 'vue'
import { useSettingsStore } from './stores/settings'

/** The root font size at scale 1, in px: what the rem sizes of theme.css are designed against. */
export const BASE_FONT_PX = 16

/** Keeps `root` (the document's `<html>` by default) in the theme and type size of the settings. */
export function followScreenSettings(
  root: HTMLElement = document.documentElement,
): WatchStopHandle {
  const settings = useSettingsStore()
  return watch(
    () => [settings.theme, settings.fontScale] as const,
    ([theme, scale]) => {
      root.dataset.theme = theme
      root.style.fontSize = `${BASE_FONT_PX * scale}px`
    },
    { immediate: true },
  )
}

/** Whether the window is full screen now (the Fullscreen API; kiosk mode counts as well). */
// `?? null`: a document without the Fullscreen API (an old engine, jsdom) has no such property.
export const isFullscreen = (): boolean => (document.fullscreenElement ?? null) !== null

/** Enters or leaves full screen; rejects with the browser's reason when it refuses. */
export async function toggleFullscreen(): Promise<void> {
  if (isFullscreen()) await document.exitFullscreen()
  else await document.documentElement.requestFullscreen()
}
