import { describe, expect, it } from 'vitest'
import { PrintersSchema, PrinterSchema } from '../../../electron/common/printers'
import { formatIssues } from '../../../electron/common/protocol/parse'

const reasonOf = (value: unknown): string => {
  const parsed = PrintersSchema.safeParse(value)
  return parsed.success ? 'ok' : formatIssues(parsed.error)
}

describe('printer settings', () => {
  it('takes the issue example and fills the defaults', () => {
    const printer = PrinterSchema.parse({
      id: 'pack',
      name: 'Упаковка',
      kind: 'escpos-tcp',
      host: '192.0.2.10',
    })
    expect(printer).toMatchObject({
      port: 9100,
      width: 80,
      codepage: 'cp866',
      print: 'new',
      station: null,
    })
  })

  it('refuses an escpos-tcp printer without a host, naming the field', () => {
    expect(reasonOf([{ id: 'pack', name: 'Упаковка', kind: 'escpos-tcp' }])).toMatch(
      /^\[0\]\.host: is required for an escpos-tcp printer/,
    )
    expect(reasonOf([{ id: 'pack', name: 'П', kind: 'escpos-tcp', host: ' ' }])).toMatch(
      /\[0\]\.host: is empty/,
    )
    expect(reasonOf([{ id: 'pack', name: 'П', kind: 'escpos-tcp', host: 'tcp://x:9100' }])).toMatch(
      /\[0\]\.host: must be a host name/,
    )
  })

  it('refuses a code page the encoder lacks, naming the field and the ones it has', () => {
    const reason = reasonOf([
      { id: 'pack', name: 'П', kind: 'escpos-tcp', host: 'p', codepage: 'koi8-r' },
    ])
    expect(reason).toMatch(
      /^\[0\]\.codepage: the encoder has no code page "koi8-r"; use one of cp866, /,
    )
  })

  it('refuses a system printer without its device name, a bad width and twice the same id', () => {
    expect(reasonOf([{ id: 'a', name: 'A', kind: 'system' }])).toMatch(
      /\[0\]\.deviceName: is required for a system printer/,
    )
    expect(reasonOf([{ id: 'a', name: 'A', kind: 'system', deviceName: 'X', width: 72 }])).toMatch(
      /\[0\]\.width: must be 80 or 58/,
    )
    const twice = { id: 'a', name: 'A', kind: 'system', deviceName: 'X' }
    expect(reasonOf([twice, twice])).toMatch(/\[1\]\.id: "a" is used by two printers/)
    expect(reasonOf([{ id: 'a', name: 'A', kind: 'fax' }])).toMatch(/\[0\]\.kind/)
  })
})
