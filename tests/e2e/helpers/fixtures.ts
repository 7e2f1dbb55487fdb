// Playwright fixtures for the browser e2e tests: a fresh reference server and web shell per test,
// stopped afterwards, their output kept next to the test's other artifacts.
import { test as base } from '@playwright/test'
import { ReferenceServer, WATCHER_TOKEN } from './reference-server'
import { startWebShell, type WebShellOptions, type WebShellProcess } from './web-shell'

export { expect } from '@playwright/test'

interface Fixtures {
  /** The backend, on a free port. */
  reference: ReferenceServer
  /** Starts a web shell on `reference` with `token` (default the WATCHER's). */
  startShell: (
    token?: string,
    extra?: Pick<WebShellOptions, 'args' | 'env'>,
  ) => Promise<WebShellProcess>
  /** A web shell on `reference` with the WATCHER token. */
  shell: WebShellProcess
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from the destructuring, so it must be there, empty.
  // eslint-disable-next-line no-empty-pattern
  reference: async ({}, use, testInfo) => {
    const server = await ReferenceServer.start()
    await use(server)
    await server.stop()
    await testInfo.attach('reference-server.log', {
      body: server.output(),
      contentType: 'text/plain',
    })
  },
  startShell: async ({ reference }, use, testInfo) => {
    const started: WebShellProcess[] = []
    await use(async (token = WATCHER_TOKEN, extra = {}) => {
      const shell = await startWebShell({ server: reference.url, token, ...extra })
      started.push(shell)
      return shell
    })
    for (const [index, shell] of started.entries()) {
      const code = await shell.stop()
      await testInfo.attach(`web-shell-${index + 1}.log`, {
        body: `${shell.output()}\n[exit code ${String(code)}]\n`,
        contentType: 'text/plain',
      })
    }
  },
  shell: async ({ startShell }, use) => {
    await use(await startShell())
  },
})
