import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLogger, LOG_FILE, teeLogger } from '../../electron/core/file-logger'
import type { Logger } from '../../electron/core/logger'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kds-log-'))
  dirs.push(dir)
  return dir
}

describe('the log file', () => {
  it('writes one JSON object a line, with time, level, message and fields', () => {
    const dir = tempDir()
    const log = createFileLogger(dir, { now: () => Date.UTC(2026, 10, 26, 12) })
    log.warn('rejected an invalid payload', { event: 'order:new', reason: '_id: is empty' })
    const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n')
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        time: '2026-11-26T12:00:00.000Z',
        level: 'warn',
        message: 'rejected an invalid payload',
        event: 'order:new',
        reason: '_id: is empty',
      },
    ])
  })

  it('rotates by size and keeps only so many old files', () => {
    const dir = tempDir()
    const log = createFileLogger(dir, { maxBytes: 500, keep: 2 })
    for (let i = 0; i < 100; i += 1) log.info('line', { i, pad: 'x'.repeat(50) })
    expect(readdirSync(dir).sort()).toEqual(['kds.1.log', 'kds.2.log', LOG_FILE])
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(500)
    }
    const last = readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n').at(-1) ?? ''
    expect(JSON.parse(last)).toMatchObject({ i: 99 })
  })

  it('falls back, saying so once, when the file cannot be written', () => {
    const dir = tempDir()
    const blocked = join(dir, 'not-a-dir')
    writeFileSync(blocked, '')
    const out: string[] = []
    const log = createFileLogger(blocked, { fallback: (line) => out.push(line) })
    log.info('one')
    log.info('two')
    expect(out.filter((line) => line.startsWith('cannot write the log'))).toHaveLength(1)
    expect(out.filter((line) => line.includes('"message":"two"'))).toHaveLength(1)
  })

  it('tees to several loggers', () => {
    const seen: string[] = []
    const recorder = (name: string): Logger => ({
      info: (m) => seen.push(`${name}:${m}`),
      warn: (m) => seen.push(`${name}:${m}`),
      error: (m) => seen.push(`${name}:${m}`),
    })
    teeLogger(recorder('a'), recorder('b')).error('boom')
    expect(seen).toEqual(['a:boom', 'b:boom'])
  })
})
