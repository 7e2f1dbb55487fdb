// The three screens a kitchen display is looked at on: a wall TV, a tablet, a portrait monitor.
import type { Page } from '@playwright/test'

export const SCREENS = [
  [1920, 1080],
  [1280, 800],
  [800, 1280],
] as const

/** Resizes `page` to each screen in turn and calls `shoot` with its size, e.g. `800x1280`. */
export async function atEachScreen(page: Page, shoot: (size: string) => Promise<unknown>) {
  for (const [width, height] of SCREENS) {
    await page.setViewportSize({ width, height })
    await shoot(`${width}x${height}`)
  }
}
