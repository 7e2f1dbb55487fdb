// The hub's network side: paired devices, the pairing code and the pairing requests over HTTP.
// With it, every bridge connection (loopback too) needs a device key; the code is never sent to
// a device, only told to the hub's own screen and its console.
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  DEVICE_COOKIE,
  PAIR_PATH,
  PAIR_STATE_PATH,
  PairRequestSchema,
  type Device,
  type HubInfo,
  type PairAnswer,
  type PairState,
} from '../common/hub'
import { formatIssues } from '../common/protocol/parse'
import type { ScreenRole } from '../common/roles'
import type { Logger } from '../core/logger'
import { cookieValue, type BridgeGate, type Connection } from './connections'
import { DeviceStore } from './device-store'
import { lanAddresses } from './origin-guard'
import { PairingCode, type PairingCodeOptions } from './pairing-code'
import { SECURITY_HEADERS } from './static-files'

const MAX_BODY_BYTES = 4 * 1024
// Ten years: a kitchen tablet stays paired until someone revokes it.
const COOKIE_MAX_AGE_S = 10 * 365 * 24 * 60 * 60

export interface LanHubOptions {
  dataDir: string
  log: Logger
  /** Told every new pairing code (the browser shell prints it). */
  onCode: (code: string) => void
  /** Told whenever the devices or the hub's facts change (the core pushes them to screens). */
  onChange: () => void
  /** Closes the bridge connections of a revoked or repinned device (the bridge's closeDevice). */
  closeDevice?: CloseDevice
  pairing?: Omit<PairingCodeOptions, 'onCode'>
  now?: () => number
}

/** Closes a device's bridge connections: revoked, it must pair again; repinned, it reconnects. */
type CloseDevice = (id: string, why: 'revoked' | 'repinned') => void

/** The network side of a hub; `gate` admits bridge connections, `handle` answers /pair. */
export class LanHub implements BridgeGate {
  readonly store: DeviceStore
  private readonly code: PairingCode
  private readonly open = new Map<Connection, string>()
  private readonly now: () => number
  private port: number | null = null
  private loopbackOnly = false
  closeDevice: CloseDevice

  constructor(private readonly options: LanHubOptions) {
    this.now = options.now ?? Date.now
    this.store = new DeviceStore(options.dataDir, options.log)
    this.closeDevice = options.closeDevice ?? (() => {})
    this.code = new PairingCode({
      ...options.pairing,
      onCode: (code) => {
        options.onCode(code)
        options.onChange()
      },
    })
  }

  /** Where the shell listens, once it does: it goes into the addresses. */
  listening(port: number, host: string): void {
    this.port = port
    this.loopbackOnly = host === '127.0.0.1'
    this.options.onChange()
  }

  get pairingCode(): string {
    return this.code.current
  }

  admit(cookieHeader: string | undefined) {
    const device = this.store.byKey(cookieValue(cookieHeader, DEVICE_COOKIE))
    if (device === undefined) {
      return { ok: false as const, reason: 'this screen is not paired with the hub' }
    }
    return { ok: true as const, deviceId: device.id, pinned: device.pinnedRole }
  }

  opened(connection: Connection): void {
    if (connection.deviceId === null) return
    this.open.set(connection, connection.deviceId)
    const { address, role } = connection
    this.store.seen(connection.deviceId, { at: this.now(), address, role })
    this.options.onChange()
  }

  closed(connection: Connection): void {
    if (connection.deviceId === null || !this.open.delete(connection)) return
    this.store.seen(connection.deviceId, {
      at: this.now(),
      address: connection.address,
      role: connection.role,
    })
    this.options.onChange()
  }

  devices(): Device[] {
    const connected = new Set(this.open.values())
    return this.store.list().map(({ id, name, role, pinnedRole, address, lastSeenAt }) => ({
      id,
      name,
      role,
      pinnedRole,
      address,
      lastSeenAt,
      connected: connected.has(id),
    }))
  }

  revokeDevice(id: string): null {
    if (!this.store.revoke(id)) throw new Error(`no paired device "${id}"`)
    this.options.log.info('a device was revoked', { id })
    this.closeDevice(id, 'revoked')
    this.options.onChange()
    return null
  }

  /**
   * Pins a device to `role` (null: as its screen asks). Connected, it is closed and reconnects
   * as the new role: its next snapshot is the new role's cut, so a screen moved from dispatch to a
   * station keeps no phone or address, and it is told its role in the hub's facts.
   */
  setDeviceRole(id: string, role: ScreenRole | null): null {
    const before = this.store.list().find((device) => device.id === id)
    if (before === undefined || !this.store.pin(id, role)) {
      throw new Error(`no paired device "${id}"`)
    }
    this.options.log.info('a device was pinned to a role', { id, role })
    if (before.pinnedRole !== role) this.closeDevice(id, 'repinned')
    this.options.onChange()
    return null
  }

  hubInfo(): HubInfo {
    const port = this.port
    const ips = this.loopbackOnly ? ['127.0.0.1'] : lanAddresses()
    const addresses = port === null ? [] : ips.map((ip) => `http://${ip}:${port}/`)
    return { lan: true, addresses, port, pairingCode: this.code.current, pinnedRole: null }
  }

  /** Answers /pair and /pair/state; false for any other request. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path === PAIR_STATE_PATH && req.method === 'GET') {
      const device = this.store.byKey(cookieValue(req.headers.cookie, DEVICE_COOKIE))
      const state: PairState = {
        paired: device !== undefined,
        pausedUntil: this.code.pausedUntil(),
      }
      sendJson(res, 200, state)
      return true
    }
    if (path !== PAIR_PATH) return false
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'bad-request', reason: 'POST a code and a name' })
      return true
    }
    const request = PairRequestSchema.safeParse(await readJson(req))
    if (!request.success) {
      const reason = formatIssues(request.error)
      sendJson(res, 400, { error: 'bad-request', reason } satisfies PairAnswer)
      return true
    }
    const attempt = this.code.attempt(request.data.code)
    if (attempt.outcome === 'paused') {
      sendJson(res, 429, { error: 'paused', until: attempt.until } satisfies PairAnswer)
    } else if (attempt.outcome === 'wrong') {
      this.options.log.warn('pairing: a wrong code', { address: req.socket.remoteAddress ?? null })
      sendJson(res, 401, { error: 'wrong-code' } satisfies PairAnswer)
    } else {
      const { device, key } = this.store.pair(request.data.name, this.now())
      this.options.log.info('a device was paired', { id: device.id, name: device.name })
      const cookie = `${DEVICE_COOKIE}=${key}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`
      sendJson(res, 200, { ok: true, device: device.id } satisfies PairAnswer, {
        'set-cookie': cookie,
      })
      this.options.onChange()
    }
    return true
  }

  stop(): void {
    this.code.stop()
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

/** The request's JSON body, or undefined when it is not JSON or too large. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
