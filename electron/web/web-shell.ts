// The browser shell's HTTP server: the built renderer, /health and the bridge on one port, on
// loopback or (with a LanHub) on every address of the machine, for paired screens only. It
// carries the core's answers and pushes; it keeps no state of its own.
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import type { Health } from '../common/status'
import { consoleLogger, type Logger } from '../core/logger'
import { BRIDGE_PATH } from '../common/bridge-frames'
import { createBridge, type BridgeCore } from './bridge-server'
import { HEALTH_PATH, sendHealth } from './health'
import type { LanHub } from './lan-hub'
import { isOwnHost, isOwnOrigin, refuseUpgrade } from './origin-guard'
import { SECURITY_HEADERS, sendText, serveStatic } from './static-files'
import { LAN_HOST, type LOOPBACK } from './options'

/** What the shell needs of the core. */
export interface ShellCore extends BridgeCore {
  health(): Health
}

export interface WebShellOptions {
  core: ShellCore
  /** The built renderer (out/renderer). */
  rendererDir: string
  host: typeof LOOPBACK | typeof LAN_HOST
  /** 0 picks a free port. */
  port: number
  log?: Logger
  /** The hub's network side: pairing and devices. Required to listen beyond loopback. */
  lan?: LanHub
}

/** A running browser shell. */
export interface WebShell {
  /** Where a browser opens the board: `http://127.0.0.1:PORT/`. */
  url: string
  port: number
  /** Disconnects every page and stops listening; the core stays open (it is the caller's). */
  close(): Promise<void>
}

const FAVICON_PATH = '/favicon.ico'

const pathOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://localhost').pathname

/** Starts the shell; rejects when it cannot listen (the port is taken...). */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const log = options.log ?? consoleLogger
  const { lan } = options
  if (options.host === LAN_HOST && lan === undefined) {
    throw new Error('the shell serves the network only with pairing (a LanHub)')
  }
  const bridge = createBridge(options.core, log, lan)
  if (lan !== undefined) lan.closeDevice = (id, why) => bridge.closeDevice(id, why)
  const onLan = lan !== undefined
  const server = createServer()
  // Known once listening; the Host and Origin checks compare against the real port.
  let port = 0

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isOwnHost(req, port, onLan)) {
      return sendText(res, 421, 'this is not the host you asked for')
    }
    if (pathOf(req) === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendHealth(res, { ...options.core.health(), devices: bridge.clients })
    }
    if (lan !== undefined && pathOf(req).startsWith('/pair')) {
      // A page elsewhere must not post codes here on a person's behalf.
      if (req.method === 'POST' && !isOwnOrigin(req, port, onLan)) {
        return sendText(res, 403, 'only pages served by this shell may pair')
      }
      if (await lan.handle(req, res, pathOf(req))) return
    }
    // Browsers ask for a favicon on their own; the Electron window never does, so the build has
    // none. "No content" keeps a 404 out of the kitchen browser's console.
    if (pathOf(req) === FAVICON_PATH && !existsSync(join(options.rendererDir, 'favicon.ico'))) {
      res.writeHead(204, SECURITY_HEADERS)
      return void res.end()
    }
    await serveStatic(options.rendererDir, req, res)
  }
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      log.error('web shell: a request failed', { url: req.url, error: String(error) })
      if (res.headersSent) res.destroy()
      else sendText(res, 500, 'the shell failed; see its log')
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(req) !== BRIDGE_PATH) return refuseUpgrade(socket, 404, 'not found')
    if (!isOwnHost(req, port, onLan)) return refuseUpgrade(socket, 421, 'wrong host')
    if (!isOwnOrigin(req, port, onLan)) {
      log.warn('web shell: refused a WebSocket from a foreign page', {
        origin: req.headers.origin ?? null,
      })
      return refuseUpgrade(socket, 403, 'only pages served by this shell may connect')
    }
    bridge.accept(req, socket, head)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch(async (error: unknown) => {
    await bridge.close()
    throw error
  })
  port = (server.address() as AddressInfo).port
  lan?.listening(port, options.host)

  let closing: Promise<void> | undefined
  return {
    // Even on the LAN, this machine's own browser opens the loopback address.
    url: `http://127.0.0.1:${port}/`,
    port,
    close() {
      closing ??= (async () => {
        await bridge.close()
        lan?.stop()
        const closed = new Promise<void>((done) => server.close(() => done()))
        server.closeAllConnections()
        await closed
      })()
      return closing
    },
  }
}
