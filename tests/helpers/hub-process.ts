// A hub without a screen, run as its own process so a test can kill -9 it: a core watching the
// reference server, served by the browser shell with pairing (on loopback, port 0), printing
// `listening <port>` once it listens and `code <NNNNNN>` for every pairing code.
// Usage: node --import tsx tests/helpers/hub-process.ts <server url> <data dir> <renderer dir>
// The stations come from <data dir>/settings.json, as a hub's do.
import { KdsCore } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { fileSettingsBackend } from '../../electron/core/settings-file'
import { loadManagedSettings } from '../../electron/core/managed-settings-load'
import { serveHub } from '../../electron/web/hub-host'

const [url, dataDir, rendererDir] = process.argv.slice(2)
if (url === undefined || dataDir === undefined || rendererDir === undefined) {
  console.error('usage: hub-process.ts <server url> <data dir> <renderer dir>')
  process.exit(2)
}
const core = await KdsCore.start({
  dataDir,
  settings: fileSettingsBackend(dataDir, { serverUrl: url, token: 'demo-watcher' }),
  startDemo: () => Promise.reject(new Error('no demo here')),
  log: silentLogger,
})
const host = await serveHub({
  core,
  // No managed file: KDS_CONFIG_FILE points nowhere in the test.
  managed: loadManagedSettings({ argv: [], env: { KDS_CONFIG_FILE: `${dataDir}/no-config.json` } }),
  dataDir,
  rendererDir,
  port: 0,
  lan: true,
  lanHost: '127.0.0.1',
  log: silentLogger,
  onCode: (code) => process.stdout.write(`code ${code}\n`),
})
process.stdout.write(`listening ${host.shell.port}\n`)
