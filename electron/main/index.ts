// The Electron main process entry. Demo mode runs the bundled reference server in this process,
// simulating a new order every ten seconds so a fresh install shows a living board.
import { consoleLogger } from '../core/logger'
import { startDemoServer } from '../server/demo'
import { startApp } from './app'

startApp({
  startDemo: () => startDemoServer({ simulatePerMinute: 6 }),
  log: consoleLogger,
}).catch((error: unknown) => {
  consoleLogger.error('the app did not start', { error: String(error) })
  process.exit(1)
})
