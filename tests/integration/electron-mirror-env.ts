// The environment that points Electron's installer at a test's loopback mirror, and nowhere else.
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { ProjectCopy } from './project-copy'

/** The download cache's folder, inside the project copy. */
export const ELECTRON_CACHE = '.electron-cache'

/**
 * ELECTRON_MIRROR at `url`, the checksums from the mirror's SHASUMS256.txt (the stand-in is not
 * in the package's checksums.json), and a download cache inside the copy, so nothing global is
 * read or written.
 */
export function mirrorEnv(url: string, copy: ProjectCopy): NodeJS.ProcessEnv {
  // The outer npm's or a developer's Electron settings would win over ELECTRON_MIRROR.
  const own = Object.entries(process.env).filter(
    ([name]) =>
      !/^npm_(config|package_config)_electron_/i.test(name) && name !== 'ELECTRON_GET_USE_PROXY',
  )
  return {
    ...Object.fromEntries(own),
    ELECTRON_MIRROR: url,
    electron_use_remote_checksums: '1',
    electron_config_cache: join(copy.root, ELECTRON_CACHE),
  }
}

/** A loopback port nothing listens on (taken from the system, then let go). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
