// The screens connected to a bridge: who each is (its role, its paired device, whether it is on
// this machine), so the bridge cuts what each receives and the hub can close a revoked one.
import type { ScreenRole } from '../common/roles'

/** One screen's connection, as the bridge admitted it. */
export interface Connection {
  /** What it is sent is cut for this role: its device's pinned role, else the one it asked for. */
  role: ScreenRole
  /** The role the hub pinned its device to, or null when the screen chose `role` itself. */
  pinned: ScreenRole | null
  /** The paired device, or null on a hub that serves no network. */
  deviceId: string | null
  /** The address it connects from. */
  address: string | null
  /** On this machine: the hub's own screen, which may see the pairing code and revoke devices. */
  loopback: boolean
}

/** What decides who may connect, and hears who did. */
export interface BridgeGate {
  /** The device a connection request belongs to (and the role it is pinned to), or why not. */
  admit(
    cookieHeader: string | undefined,
  ):
    { ok: true; deviceId: string | null; pinned: ScreenRole | null } | { ok: false; reason: string }
  opened(connection: Connection): void
  closed(connection: Connection): void
}

/** The gate of a hub that serves no network: every (loopback) page may connect. */
export const OPEN_GATE: BridgeGate = {
  admit: () => ({ ok: true, deviceId: null, pinned: null }),
  opened: () => {},
  closed: () => {},
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}
