// The paired devices of a hub, in devices.json in its data directory. A device's key is random
// (256 bits) and handed to it once, in a cookie; the hub keeps only its SHA-256, so the file
// holds nothing that opens the bridge. A key of that strength needs no slow hash: nobody guesses it.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { DeviceNameSchema } from '../common/hub'
import { formatIssues } from '../common/protocol/parse'
import { ScreenRoleSchema, type ScreenRole } from '../common/roles'
import type { Logger } from '../core/logger'

export const DEVICES_FILE = 'devices.json'
const KEY_BYTES = 32

const StoredDeviceSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: DeviceNameSchema,
  /** SHA-256 of the key, hex. */
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  pairedAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative().nullable(),
  address: z.string().max(64).nullable(),
  /** The role of its last connection. */
  role: ScreenRoleSchema.nullable(),
  /** The role the hub pins it to; null (and absent, in a file from before pins): as it asks. */
  pinnedRole: ScreenRoleSchema.nullable().default(null),
})
export type StoredDevice = z.infer<typeof StoredDeviceSchema>

const DevicesFileSchema = z.object({ devices: z.array(StoredDeviceSchema).max(1_000) })

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex')

/** The devices of a hub, kept on disk at every change. */
export class DeviceStore {
  private readonly devices = new Map<string, StoredDevice>()
  private readonly byHash = new Map<string, string>()
  private readonly file: string

  constructor(
    private readonly dir: string,
    private readonly log: Logger,
  ) {
    this.file = join(dir, DEVICES_FILE)
    for (const device of this.read()) this.remember(device)
  }

  /** Pairs a new device; answers it and its key (the only time the key exists in the clear). */
  pair(name: string, now: number): { device: StoredDevice; key: string } {
    const key = randomBytes(KEY_BYTES).toString('base64url')
    const device: StoredDevice = {
      id: randomUUID(),
      name,
      keyHash: hashKey(key),
      pairedAt: now,
      lastSeenAt: null,
      address: null,
      role: null,
      pinnedRole: null,
    }
    this.remember(device)
    this.save()
    return { device, key }
  }

  /** The device a key belongs to, or undefined. */
  byKey(key: string | undefined): StoredDevice | undefined {
    if (key === undefined || key === '') return undefined
    const id = this.byHash.get(hashKey(key))
    return id === undefined ? undefined : this.devices.get(id)
  }

  /** Notes where and as what a device connected. */
  seen(id: string, facts: { at: number; address: string | null; role: ScreenRole }): void {
    const device = this.devices.get(id)
    if (device === undefined) return
    this.devices.set(id, {
      ...device,
      lastSeenAt: facts.at,
      address: facts.address,
      role: facts.role,
    })
    this.save()
  }

  /** Pins a device to `role` (null: as its screen asks); false when there is no such device. */
  pin(id: string, role: ScreenRole | null): boolean {
    const device = this.devices.get(id)
    if (device === undefined) return false
    this.devices.set(id, { ...device, pinnedRole: role })
    this.save()
    return true
  }

  /** Forgets a device; false when there was none. */
  revoke(id: string): boolean {
    const device = this.devices.get(id)
    if (device === undefined) return false
    this.devices.delete(id)
    this.byHash.delete(device.keyHash)
    this.save()
    return true
  }

  list(): StoredDevice[] {
    return [...this.devices.values()]
  }

  private remember(device: StoredDevice): void {
    this.devices.set(device.id, device)
    this.byHash.set(device.keyHash, device.id)
  }

  private read(): StoredDevice[] {
    if (!existsSync(this.file)) return []
    try {
      const parsed = DevicesFileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      if (parsed.success) return parsed.data.devices
      this.log.warn('devices.json is not valid; no device is paired until they pair again', {
        file: this.file,
        reason: formatIssues(parsed.error),
      })
    } catch (error) {
      this.log.warn('devices.json cannot be read; no device is paired until they pair again', {
        file: this.file,
        reason: error instanceof Error ? error.message : String(error),
      })
    }
    return []
  }

  private save(): void {
    try {
      mkdirSync(this.dir, { recursive: true })
      const text = `${JSON.stringify({ devices: this.list() }, null, 2)}\n`
      writeFileSync(`${this.file}.tmp`, text, { mode: 0o600 })
      renameSync(`${this.file}.tmp`, this.file)
    } catch (error) {
      // Kept in memory: pairing still works until the hub restarts, and the log says why not after.
      this.log.error('cannot write devices.json', {
        file: this.file,
        reason: error instanceof Error ? error.message : String(error),
      })
    }
  }
}
