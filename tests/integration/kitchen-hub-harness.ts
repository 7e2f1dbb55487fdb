// A hub as its own process (tests/helpers/hub-process.ts) that a test can kill -9, and screens
// on its bridge as paired devices would be: a cookie, an Origin of the hub, `?screen=<role>`.
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import { DEVICE_COOKIE, PairAnswerSchema, type PairAnswer } from '../../electron/common/hub'
import type { Station } from '../../electron/common/stations'
import { waitFor } from '../helpers/wait'
import { Page } from './web-harness'

export interface HubProcess {
  child: ChildProcess
  port: number
  /** Every pairing code it printed, the latest last. */
  codes: string[]
  origin: string
}

const children: ChildProcess[] = []
const sockets: WebSocket[] = []

/** Kills every hub and closes every screen; for afterEach. */
export function stopHubs(): void {
  for (const ws of sockets.splice(0)) ws.terminate()
  for (const child of children.splice(0)) child.kill('SIGKILL')
}

/** Writes a hub's settings.json: its backend's stations and the network on. */
export function writeHubSettings(dataDir: string, stations: Station[], defaultStation: string) {
  const settings = { stations, defaultStation, lan: true }
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings))
}

/** Starts a hub on `dataDir` watching the reference server at `url`; resolves once it listens. */
export async function startHub(url: string, dataDir: string, rendererDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/helpers/hub-process.ts', url, dataDir, rendererDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  children.push(child)
  const hub: HubProcess = { child, port: 0, codes: [], origin: '' }
  let buffer = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      const [kind, value] = line.split(' ')
      if (kind === 'code' && value !== undefined) hub.codes.push(value)
      if (kind === 'listening' && value !== undefined) hub.port = Number(value)
    }
  })
  await waitFor(() => hub.port > 0, 'the hub to listen', 20_000)
  hub.origin = `http://127.0.0.1:${hub.port}`
  return hub
}

/** Kills the hub as a power cut would, and waits until it is gone. */
export async function killHub(hub: HubProcess): Promise<void> {
  const gone = new Promise((resolve) => hub.child.once('exit', resolve))
  hub.child.kill('SIGKILL')
  await gone
}

/** `POST /pair` as the hub's pairing page does it. */
export async function pair(hub: HubProcess, code: string, name: string) {
  const response = await fetch(`${hub.origin}/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hub.origin },
    body: JSON.stringify({ code, name }),
  })
  const body: PairAnswer = PairAnswerSchema.parse(await response.json())
  const setCookie = response.headers.get('set-cookie') ?? ''
  const key = new RegExp(`^${DEVICE_COOKIE}=([^;]+)`).exec(setCookie)?.[1] ?? null
  return {
    status: response.status,
    body,
    setCookie,
    cookie: key === null ? null : `${DEVICE_COOKIE}=${key}`,
  }
}

/** A screen on the hub's bridge: its page, and the close code once it is closed. */
export interface Screen {
  page: Page
  closed: Promise<number>
  opened: Promise<boolean>
}

/** Connects a screen of `role` with `cookie` (null: none). */
export function connectScreen(hub: HubProcess, role: string, cookie: string | null): Screen {
  const url = `ws://127.0.0.1:${hub.port}/kds?screen=${encodeURIComponent(role)}`
  const headers = cookie === null ? {} : { cookie }
  const ws = new WebSocket(url, { origin: hub.origin, headers })
  sockets.push(ws)
  const page = new Page(ws)
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true))
    ws.once('error', () => resolve(false))
  })
  return { page, closed, opened }
}
