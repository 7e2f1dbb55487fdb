import { describe, expect, it } from 'vitest'
import {
  SIZE_ANNOUNCEMENT,
  announcedSize,
  failureReason,
} from '../../../electron/start/installer-output'
import { fallbackSentence, progressText } from '../../../electron/start/messages'

// What Electron 45's install.js prints (err.stack) for each failure, with installer-hook.ts loaded.
const NOT_FOUND = `HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip
    at FetchDownloader.download (file:///p/node_modules/@electron/get/dist/FetchDownloader.js:48:23)`
const CHECKSUM = `(node:12) ExperimentalWarning: something the installer's Node says first
ChecksumMismatchError: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.
    at ChecksumValidator.validate (/p/node_modules/sumchecker/dist/index.js:72:19)`
const REFUSED = `Error: connect ECONNREFUSED 127.0.0.1:9 for http://127.0.0.1:9/v45.5.0/electron-v45.5.0-linux-x64.zip
    at globalThis.fetch (file:///p/electron/start/installer-hook.ts:30:11)`

describe('failureReason', () => {
  it.each([
    [
      NOT_FOUND,
      'Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip',
    ],
    [
      CHECKSUM,
      'Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum',
    ],
    [
      REFUSED,
      'connect ECONNREFUSED 127.0.0.1:9 for http://127.0.0.1:9/v45.5.0/electron-v45.5.0-linux-x64.zip',
    ],
  ])('reads the message of the error the installer printed', (output, reason) => {
    expect(failureReason(output, '1')).toBe(reason)
  })

  it('falls back to the last line, then to the exit, never to the size lines', () => {
    expect(failureReason('Killed\n', '137')).toBe('Killed')
    expect(failureReason(`${SIZE_ANNOUNCEMENT}{"url":"u","bytes":5}\n`, 'SIGSEGV')).toBe(
      'it ended with SIGSEGV',
    )
  })
})

describe('announcedSize', () => {
  it('reads the hook size lines and nothing else', () => {
    expect(announcedSize(`${SIZE_ANNOUNCEMENT}{"url":"http://m/e.zip","bytes":1024}`)).toEqual({
      url: 'http://m/e.zip',
      bytes: 1024,
    })
    expect(announcedSize(`${SIZE_ANNOUNCEMENT}{"url":"http://m/e.zip","bytes":-1}`)).toBeNull()
    expect(announcedSize(`${SIZE_ANNOUNCEMENT}not json`)).toBeNull()
    expect(announcedSize('{"url":"http://m/e.zip","bytes":1024}')).toBeNull()
  })
})

describe('messages', () => {
  it('shows the download of its size, then the unpacking', () => {
    const MB = 1024 * 1024
    expect(progressText('45.5.0', { downloaded: 12 * MB, total: null, unpacked: 0 })).toBe(
      'Downloading Electron 45.5.0 (once, on the first start): 12.0 MB',
    )
    expect(progressText('45.5.0', { downloaded: 12 * MB, total: 110 * MB, unpacked: 0 })).toBe(
      'Downloading Electron 45.5.0 (once, on the first start): 12.0 of 110.0 MB',
    )
    expect(
      progressText('45.5.0', { downloaded: 110 * MB, total: 110 * MB, unpacked: 3 * MB }),
    ).toBe('Unpacking Electron 45.5.0: 3.0 MB')
  })

  it('says why and what to do in one sentence', () => {
    const said = fallbackSentence(
      '45.5.0',
      'getaddrinfo ENOTFOUND github.com for https://github.com/x.zip',
    )
    expect(said).toMatch(/^Electron 45\.5\.0 could not be installed \(getaddrinfo ENOTFOUND/)
    expect(said.match(/\.\s/g)).toBeNull()
    expect(said.endsWith('.')).toBe(true)
  })
})
