// End-to-end tests. 'browser' drives Chromium against the browser shell; 'electron' drives the
// Electron shell, after 'electron-runtime' has provisioned its runtime (Electron's installer,
// once); the Electron tests skip, printing why, only when that could not be done.
// Each test starts its own servers on 127.0.0.1, port 0, so nothing is shared between tests.
import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

/** Debian's Chromium, where the browser tests run on CI and on Linux machines that have it. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * The Chromium to drive: KDS_CHROMIUM when set, else the system's where it exists, else
 * Playwright's own (`npx playwright install chromium` fetches it, on a Mac or Windows machine).
 */
function chromiumPath(): string | undefined {
  const chosen = process.env.KDS_CHROMIUM
  if (chosen !== undefined && chosen !== '') return chosen
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined
}

/** The browser and the flags that keep it quiet and working as root in a container. */
export const CHROMIUM = {
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  // The shells and servers are real processes on fixed ports of their own; one test at a time
  // keeps timing honest on a small CI machine.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  // Screenshots, traces and process logs land here (git-ignored), one folder per test.
  outputDir: 'test-results',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e/browser',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1920, height: 1080 },
        launchOptions: CHROMIUM,
      },
    },
    {
      name: 'electron-runtime',
      testDir: 'tests/e2e/electron',
      testMatch: 'runtime.setup.ts',
    },
    {
      name: 'electron',
      testDir: 'tests/e2e/electron',
      dependencies: ['electron-runtime'],
    },
  ],
})
