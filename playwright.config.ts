// End-to-end tests. 'browser' drives Debian's Chromium (Playwright's own download cannot run
// here) against the browser shell; 'electron' drives the Electron shell where its runtime exists.
// Each test starts its own servers on 127.0.0.1, port 0, so nothing is shared between tests.
import { defineConfig } from '@playwright/test'

/** Debian's Chromium, and the flags that keep it quiet and working as root in a container. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
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
      name: 'electron',
      testDir: 'tests/e2e/electron',
    },
  ],
})
