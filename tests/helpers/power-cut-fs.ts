// A file system in memory that knows what reached the device: a file's data once fsync/fdatasync
// finished, a name once its directory was fsynced. powerCut() throws away everything else, as a
// power cut does, keeping of each file's unsynced tail a random prefix (the OS may have written
// some back on its own): that may end the file in a torn line, as on a real disk.
import { constants } from 'node:fs'
import type { JournalFs } from '../../electron/core/journal-fs'
import type { Random } from '../../electron/server/random'

interface Inode {
  data: Buffer
  /** What is on the device. */
  durable: Buffer
}

interface Open {
  inode: Inode
  path: string
}

const errno = (code: string, message: string): Error =>
  Object.assign(new Error(`${code}: ${message}`), { code })

export class PowerCutFs implements JournalFs {
  private names = new Map<string, Inode>()
  private durableNames = new Map<string, Inode>()
  private readonly fds = new Map<number, Open>()
  private nextFd = 10
  /** How many fdatasync calls began, synchronous or not. */
  datasyncs = 0

  /**
   * `random` picks how much of an unsynced tail survives a cut and how long each asynchronous
   * fdatasync takes (up to `maxSyncMs`, on the timers, so fake timers drive it).
   */
  constructor(
    private readonly random: Random,
    readonly maxSyncMs = 5,
  ) {}

  /** The power goes off and comes back: only what was on the device is left. */
  powerCut(): void {
    this.names = new Map(this.durableNames)
    for (const inode of new Set(this.names.values())) {
      // Files here are only appended to, so what is on the device is a prefix of the data.
      const tail = inode.data.subarray(inode.durable.length)
      const kept = Math.floor(this.random() * (tail.length + 1))
      inode.data = Buffer.concat([inode.durable, tail.subarray(0, kept)])
      inode.durable = Buffer.from(inode.data)
    }
    this.fds.clear()
  }

  /** A file's current content, for assertions. */
  contents(path: string): string {
    return this.names.get(path)?.data.toString('utf8') ?? ''
  }

  openSync(path: string, flags: 'a' | 'r' | 'w'): number {
    let inode = this.names.get(path)
    if (inode === undefined && flags === 'r' && !this.isDir(path)) {
      throw errno('ENOENT', `no such file, open '${path}'`)
    }
    if (inode === undefined || flags === 'w') {
      // A new file, or one truncated: its name reaches the device with its directory's fsync.
      inode = { data: Buffer.alloc(0), durable: Buffer.alloc(0) }
      if (flags !== 'r') this.names.set(path, inode)
    }
    const fd = this.nextFd++
    this.fds.set(fd, { inode, path })
    return fd
  }

  writeSync(fd: number, buffer: Uint8Array, offset: number): number {
    const open = this.open(fd)
    const bytes = buffer.subarray(offset)
    open.inode.data = Buffer.concat([open.inode.data, bytes])
    return bytes.length
  }

  fdatasync(fd: number, callback: (error: Error | null) => void): void {
    const { inode } = this.open(fd)
    this.datasyncs += 1
    const length = inode.data.length
    setTimeout(
      () => {
        if (length > inode.durable.length)
          inode.durable = Buffer.from(inode.data.subarray(0, length))
        callback(null)
      },
      Math.floor(this.random() * (this.maxSyncMs + 1)),
    )
  }

  fdatasyncSync(fd: number): void {
    this.datasyncs += 1
    this.fsyncSync(fd)
  }

  fsyncSync(fd: number): void {
    const open = this.open(fd)
    if (this.isDir(open.path)) {
      this.durableNames = new Map(this.names)
    } else {
      open.inode.durable = Buffer.from(open.inode.data)
    }
  }

  closeSync(fd: number): void {
    this.open(fd)
    this.fds.delete(fd)
  }

  fstatSync(fd: number): { size: number } {
    return { size: this.open(fd).inode.data.length }
  }

  readFileSync(path: string): Uint8Array {
    const inode = this.names.get(path)
    if (inode === undefined) throw errno('ENOENT', `no such file, open '${path}'`)
    return Buffer.from(inode.data)
  }

  copyFileSync(from: string, to: string, mode: number): void {
    const source = this.names.get(from)
    if (source === undefined) throw errno('ENOENT', `no such file, copyfile '${from}'`)
    if ((mode & constants.COPYFILE_EXCL) !== 0 && this.names.has(to)) {
      throw errno('EEXIST', `file already exists, copyfile '${to}'`)
    }
    this.names.set(to, { data: Buffer.from(source.data), durable: Buffer.alloc(0) })
  }

  renameSync(from: string, to: string): void {
    const inode = this.names.get(from)
    if (inode === undefined) throw errno('ENOENT', `no such file, rename '${from}'`)
    this.names.set(to, inode)
    this.names.delete(from)
  }

  mkdirSync(): void {}

  /** The one directory the journal lives in: any path that is not a file's. */
  private isDir(path: string): boolean {
    return !this.names.has(path) && !path.endsWith('.jsonl') && !path.endsWith('.tmp')
  }

  private open(fd: number): Open {
    const open = this.fds.get(fd)
    if (open === undefined) throw errno('EBADF', `bad file descriptor ${fd}`)
    return open
  }
}
