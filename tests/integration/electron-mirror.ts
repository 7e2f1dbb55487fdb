// A loopback stand-in for Electron's release host, for provisioning tests without the internet:
// `v<version>/electron-v<version>-<platform>-<arch>.zip` holding an executable `electron` script
// (`Electron.app/Contents/MacOS/Electron` on macOS)
// and `version`, and `v<version>/SHASUMS256.txt`, laid out as Electron's own releases are (what
// ELECTRON_MIRROR points at). The stand-in runtime writes where and how it was started to
// `launched.txt` beside itself (its working directory, then one argument a line), and exits.
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { zipSync } from 'fflate'

/** How the mirror behaves: serves the release, 404s it, lies about its checksum, or never answers. */
export type MirrorMode = 'release' | 'missing' | 'bad-checksum' | 'stall'

export interface ElectronMirror {
  /** What ELECTRON_MIRROR is set to: the base URL, with its trailing slash. */
  url: string
  /** The paths asked for, in order. */
  requests: string[]
  mode: MirrorMode
  close(): Promise<void>
}

/** The executable inside the zip: records its working directory and arguments, then exits 0. */
const STAND_IN = `#!/bin/sh
here=$(cd "$(dirname "$0")" && pwd)
{ pwd; printf '%s\\n' "$@"; } > "$here/launched.txt"
`

/** Where the executable sits in a release, as the electron package's path.txt names it. */
export const STAND_IN_PATH =
  process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'

/** Unix mode bits of a zip entry live in the upper half of its external attributes. */
const unixMode = (mode: number) => ({ os: 3, attrs: (mode << 16) >>> 0 })

/** The stand-in release zip of `version`. */
export function standInZip(version: string): Uint8Array {
  return zipSync({
    [STAND_IN_PATH]: [new TextEncoder().encode(STAND_IN), unixMode(0o100755)],
    version: [new TextEncoder().encode(`v${version}`), unixMode(0o100644)],
  })
}

/** Serves a stand-in Electron `version` for this machine's platform and arch on 127.0.0.1. */
export async function startElectronMirror(
  version: string,
  mode: MirrorMode = 'release',
): Promise<ElectronMirror> {
  const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`
  const zip = standInZip(version)
  const sums = (of: Uint8Array | string) =>
    new TextEncoder().encode(`${createHash('sha256').update(of).digest('hex')} *${zipName}\n`)
  const files: Record<string, Uint8Array> = {
    [`/v${version}/${zipName}`]: zip,
    [`/v${version}/SHASUMS256.txt`]: sums(zip),
  }
  const wrongSums = sums('something else')
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname
    requests.push(path)
    if (mirror.mode === 'stall') return // keeps the socket open and says nothing
    const body =
      mirror.mode === 'missing'
        ? undefined
        : mirror.mode === 'bad-checksum' && path.endsWith('SHASUMS256.txt')
          ? wrongSums
          : files[path]
    if (body === undefined) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-length': body.byteLength }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const mirror: ElectronMirror = {
    url: `http://127.0.0.1:${port}/`,
    requests,
    mode,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return mirror
}
