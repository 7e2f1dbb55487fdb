import { afterEach, describe, expect, it } from 'vitest'
import { sendEscpos, PrinterError } from '../../../electron/core/printing/tcp-printer'
import { FakePrinter } from '../../helpers/fake-printer'

const JOB = Buffer.concat([
  Buffer.from('\x1b@hello\n', 'binary'),
  Buffer.from([0x1d, 0x56, 0x42, 0, 0x1d, 0x72, 0x31]),
])
let printer: FakePrinter

afterEach(async () => printer?.close())

describe('sendEscpos', () => {
  it('resolves once the printer answered the status request, having kept every byte', async () => {
    printer = await FakePrinter.start()
    await sendEscpos({ host: '127.0.0.1', port: printer.port }, JOB, { timeoutMs: 2000 })
    expect(printer.printed).toEqual([JOB])
  })

  it('rejects as unreachable when nothing listens', async () => {
    printer = await FakePrinter.start()
    await printer.down()
    const sent = sendEscpos({ host: '127.0.0.1', port: printer.port }, JOB, { timeoutMs: 2000 })
    await expect(sent).rejects.toMatchObject({ code: 'unreachable' })
    await expect(sent).rejects.toThrow(/cannot be reached \(ECONNREFUSED\)/)
  })

  it('times out a printer that accepts and never reads, and one that never answers', async () => {
    printer = await FakePrinter.start()
    printer.mode = 'stuck'
    await expect(
      sendEscpos({ host: '127.0.0.1', port: printer.port }, JOB, { timeoutMs: 300 }),
    ).rejects.toMatchObject({ code: 'timeout' })
    printer.mode = 'mute'
    const mute = sendEscpos({ host: '127.0.0.1', port: printer.port }, JOB, { timeoutMs: 300 })
    await expect(mute).rejects.toBeInstanceOf(PrinterError)
    await expect(mute).rejects.toThrow(/did not answer within 300 ms/)
  })

  it('without ack, resolves when the bytes are written', async () => {
    printer = await FakePrinter.start()
    printer.mode = 'mute'
    await sendEscpos({ host: '127.0.0.1', port: printer.port }, JOB, {
      timeoutMs: 2000,
      ack: false,
    })
    await printer.waitForPrinted(1)
    expect(printer.printed).toEqual([JOB])
  })

  it('stops when aborted', async () => {
    printer = await FakePrinter.start()
    printer.mode = 'mute'
    const controller = new AbortController()
    const sent = sendEscpos({ host: '127.0.0.1', port: printer.port }, JOB, {
      timeoutMs: 5000,
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 50)
    await expect(sent).rejects.toMatchObject({ code: 'aborted' })
  })
})
