// The file operations the journal uses, as one seam: node:fs in production; in tests, a file
// system that keeps only what was synced and drops the rest at a simulated power cut.
import * as fs from 'node:fs'

/** The subset of node:fs the journal calls, with node's own signatures. */
export interface JournalFs {
  openSync(path: string, flags: 'a' | 'r' | 'w'): number
  writeSync(fd: number, buffer: Uint8Array, offset: number): number
  /** Data of `fd` on the device; the callback runs once it is there (or failed to be). */
  fdatasync(fd: number, callback: (error: Error | null) => void): void
  fdatasyncSync(fd: number): void
  fsyncSync(fd: number): void
  closeSync(fd: number): void
  fstatSync(fd: number): { size: number }
  readFileSync(path: string): Uint8Array
  copyFileSync(from: string, to: string, mode: number): void
  renameSync(from: string, to: string): void
  mkdirSync(path: string, options: { recursive: true }): void
}

/** The real file system. */
export const nodeJournalFs: JournalFs = fs
