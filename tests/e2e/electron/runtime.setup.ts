// The 'electron-runtime' setup: installs the Electron runtime once for the Electron tests, as
// `npm start` does (Electron's own installer, bounded when it stops making progress). Where it
// cannot (no route to the download host here), the tests skip with its reason; on GitHub Actions,
// where they must really run, that fails instead.
import { test as setup } from '@playwright/test'
import { progressText } from '../../../electron/start/messages'
import { provisionElectron } from '../../../electron/start/provision'
import { electronVersion } from '../../../electron/start/runtime'
import { ROOT, saveRuntimeResult } from './runtime-result'

setup('provision the Electron runtime', async () => {
  // A real download is about 110 MB; a dead or silent host is given up on far sooner than this.
  setup.setTimeout(20 * 60_000)
  const version = electronVersion(ROOT)
  let lastLine = 0
  const result = await provisionElectron(ROOT, {
    onProgress: (progress) => {
      if (Date.now() - lastLine < 5_000) return
      lastLine = Date.now()
      console.log(`[e2e electron] ${progressText(version, progress)}`)
    },
  })
  if (result.ok) {
    saveRuntimeResult({ ok: true, binary: result.binary })
    console.log(`[e2e electron] runtime: ${result.binary}`)
    return
  }
  saveRuntimeResult(result)
  console.log(`[e2e electron] the Electron tests will skip: ${result.reason}`)
  if (process.env.GITHUB_ACTIONS === 'true') {
    throw new Error(`the Electron runtime could not be installed on CI: ${result.reason}`)
  }
})
