// Shared by the web-*.test.ts files: the whole browser-shell stack in this process (reference
// server → KdsCore → web shell, every port 0 on 127.0.0.1) and a page stand-in: a node `ws`
// client that speaks the bridge's frames. Timeouts only end a failure; nothing asserts wall time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { KdsRequestName } from '../../electron/common/kds-api'
import { KdsCore } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { fileSettingsBackend } from '../../electron/core/settings-file'
import {
  BridgeFrameSchema,
  framedMessages,
  messageFrame,
  type BridgeFrame,
} from '../../electron/common/bridge-frames'
import { startWebShell, type WebShell } from '../../electron/web/web-shell'
import { cleanUp as cleanUpServers, startServer, type TestServer } from './server-harness'

const cleanups: (() => Promise<void> | void)[] = []

/** Runs every cleanup registered since the last call (shells, cores, servers); for afterEach. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await cleanUpServers()
}

/** A temporary directory, removed by cleanUp(). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A stand-in for out/renderer: an index.html and one script. */
export function fakeRenderer(): string {
  const dir = tempDir('kds-renderer-')
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>KDS</title>')
  writeFileSync(join(dir, 'app.js'), 'export {}')
  return dir
}

export interface Stack {
  server: TestServer
  core: KdsCore
  shell: WebShell
  /** The origin of the shell's own pages. */
  origin: string
}

/** Starts a reference server, a core watching it with `token`, and a web shell on the core. */
export async function startStack(token = 'demo-watcher'): Promise<Stack> {
  const server = await startServer()
  const dataDir = tempDir('kds-web-')
  const core = await KdsCore.start({
    dataDir,
    settings: fileSettingsBackend(dataDir, { serverUrl: server.url, token }),
    startDemo: () => Promise.reject(new Error('no demo in this test')),
    log: silentLogger,
  })
  cleanups.push(() => core.close())
  const shell = await startWebShell({
    core,
    rendererDir: fakeRenderer(),
    host: '127.0.0.1',
    port: 0,
    log: silentLogger,
  })
  cleanups.push(() => shell.close())
  return { server, core, shell, origin: `http://127.0.0.1:${shell.port}` }
}

/** The bridge's address on a shell. */
export const bridgeUrl = (shell: WebShell): string => `ws://127.0.0.1:${shell.port}/kds`

/** A page's end of the bridge: every raw frame it received, and typed ways to wait for them. */
export class Page {
  /** Every text frame, as received: what a page could read. */
  readonly raw: string[] = []
  readonly frames: BridgeFrame[] = []
  /** Binary frames, which a page's bridge drops unread (renderer/src/bridge.ts): so does this. */
  binaryFrames = 0
  readonly #waiters = new Set<() => void>()
  #nextId = 1

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.binaryFrames += 1
        return
      }
      const text = String(data)
      this.raw.push(text)
      const frame = BridgeFrameSchema.parse(JSON.parse(text))
      // The pushes of one tick come as one frame: the tests look for each message in turn.
      if (frame.kind === 'messages') {
        for (const message of framedMessages(frame)) this.frames.push(messageFrame(message))
      } else {
        this.frames.push(frame)
      }
      for (const waiter of [...this.#waiters]) waiter()
    })
  }

  /** Resolves with the first frame `match` accepts, now or later. */
  waitFor(match: (frame: BridgeFrame) => boolean, what: string, timeoutMs = 5_000) {
    return new Promise<BridgeFrame>((resolve, reject) => {
      const check = () => {
        const found = this.frames.find(match)
        if (found === undefined) return
        this.#waiters.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        this.#waiters.delete(check)
        reject(new Error(`timed out waiting for ${what}`))
      }, timeoutMs)
      this.#waiters.add(check)
      check()
    })
  }

  /** Sends a request and resolves with its answer frame's response. */
  async request(name: KdsRequestName | string, args: unknown[] = []) {
    const id = this.#nextId++
    this.ws.send(JSON.stringify({ id, name, args }))
    const frame = await this.waitFor(
      (f) => f.kind === 'response' && f.response.id === id,
      `the answer to ${name}`,
    )
    if (frame.kind !== 'response') throw new Error('unreachable')
    return frame.response
  }

  /** Sends any text and resolves with the next answer frame with `id`. */
  async sendRaw(text: string, id: number) {
    const before = this.frames.length
    this.ws.send(text)
    const frame = await this.waitFor(
      (f) => this.frames.indexOf(f) >= before && f.kind === 'response' && f.response.id === id,
      `an answer with id ${id}`,
    )
    if (frame.kind !== 'response') throw new Error('unreachable')
    return frame.response
  }
}

/** Opens the bridge as a page with `origin` would; resolves once open. */
export async function openPage(shell: WebShell, origin: string): Promise<Page> {
  const ws = new WebSocket(bridgeUrl(shell), { origin })
  cleanups.push(() => ws.terminate())
  const page = new Page(ws)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return page
}

/** Tries to open the bridge and resolves with the HTTP status of the refusal (or 101). */
export function upgradeStatus(
  url: string,
  options: { origin?: string; headers?: Record<string, string> },
): Promise<number> {
  const ws = new WebSocket(url, options)
  cleanups.push(() => ws.terminate())
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(101))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', reject)
  })
}
