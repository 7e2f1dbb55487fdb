import { describe, expect, it } from 'vitest'
import { CODEPAGES } from '../../../electron/common/printers'
import type { CardOrder } from '../../../electron/common/card-order'
import {
  CUT,
  STATUS_REQUEST,
  encodeEscpos,
  renderSvg,
} from '../../../electron/core/printing/encode'
import { literal, testDocument, ticketDocument } from '../../../electron/core/printing/print-ticket'
import { CardOrderSchema } from '../../../electron/common/card-order'
import { fixtures } from '../../fixtures/load'

const fixture = CardOrderSchema.parse(fixtures.orderNew())

const item = (title: string, number: number, variant: string | null = null) => ({
  number,
  cost: 100,
  weight: 100,
  product: { ...fixture.products[0]?.product, title },
  variant: variant === null ? null : { title: variant },
})
const order: CardOrder = {
  ...fixture,
  number: 4821,
  delivery: true,
  address: 'ул. Ленина, 5 - кв. 7',
  username: 'Евдоким Субботин',
  additionalInformation: 'Без лука, | острое_',
  products: [item('Борщ', 2, 'большой'), item('Пельмени', 1), item('Морс клюквенный', 3)],
}
const AT = new Date(2026, 3, 23, 14, 5).getTime()
const cp866 = (bytes: Uint8Array) => new TextDecoder('ibm866').decode(bytes)

describe('the ticket layout', () => {
  it('encodes a ticket in cp866: the number, the items, the note, and a cut before the status request', () => {
    const bytes = encodeEscpos(
      ticketDocument({ order, document: 'ticket', at: AT, language: 'ru' }),
      { width: 80, codepage: 'cp866' },
    )
    const text = cp866(bytes)
    for (const expected of [
      '№ 4821',
      'ДОСТАВКА',
      'Борщ',
      'большой',
      'Пельмени',
      'Морс клюквенный',
      'Без лука, | острое_',
    ]) {
      expect(text).toContain(expected)
    }
    // The customer is on the label, not on the kitchen's ticket.
    expect(text).not.toContain('Субботин')
    expect(bytes.subarray(-STATUS_REQUEST.length)).toEqual(STATUS_REQUEST)
    expect(bytes.lastIndexOf(CUT)).toBeGreaterThan(bytes.lastIndexOf(Buffer.from('Морс', 'utf8')))
    expect(bytes.includes(CUT)).toBe(true)
  })

  it('selects the code page with ESC t (cp866 is 17)', () => {
    const bytes = encodeEscpos('Привет', { width: 80, codepage: 'cp866' })
    expect(bytes.includes(Buffer.from([0x1b, 0x74, 17]))).toBe(true)
  })

  it('prints only the station items and says how many are elsewhere', () => {
    const document = ticketDocument({
      order,
      document: 'ticket',
      items: [1],
      stationName: 'Горячий',
      at: AT,
      language: 'ru',
    })
    const text = cp866(encodeEscpos(document, { width: 58, codepage: 'cp866' }))
    expect(text).toContain('Пельмени')
    expect(text).not.toContain('Борщ')
    expect(text).toContain('+2 позиции в других цехах')
    expect(text).toContain('Горячий')
  })

  it('adds the customer and the address to a delivery label, not the address to a pickup label', () => {
    const label = (delivery: boolean) =>
      cp866(
        encodeEscpos(
          ticketDocument({
            order: { ...order, delivery },
            document: 'label',
            at: AT,
            language: 'ru',
          }),
          { width: 80, codepage: 'cp866' },
        ),
      )
    expect(label(true)).toContain('Евдоким Субботин')
    expect(label(true)).toContain('ул. Ленина, 5 - кв. 7')
    expect(label(false)).toContain('САМОВЫВОЗ')
    expect(label(false)).not.toContain('Ленина')
  })

  it('shows the scheduled time and a reprint as such', () => {
    const scheduled = { ...order, time: new Date(2026, 3, 23, 15, 30).getTime() }
    const text = cp866(
      encodeEscpos(
        ticketDocument({
          order: scheduled,
          document: 'ticket',
          reprint: true,
          at: AT,
          language: 'ru',
        }),
        { width: 80, codepage: 'cp866' },
      ),
    )
    expect(text).toContain('К 15:30')
    expect(text).toContain('ПОВТОРНАЯ ПЕЧАТЬ')
  })

  it('keeps markup characters in titles literal', () => {
    expect(literal('a|b{c}-=_"`^~\\')).toBe('a\\|b\\{c\\}\\-\\=\\_\\"\\`\\^\\~\\\\')
    expect(literal('две\nстроки\u0007')).toBe('две строки')
  })

  it('renders the same document as an SVG that holds the text and no web font', () => {
    const svg = renderSvg(ticketDocument({ order, document: 'ticket', at: AT, language: 'ru' }), {
      width: 80,
      codepage: 'cp866',
    })
    expect(svg.startsWith('<svg width="576px"')).toBe(true)
    // One tspan per character: the text is what is left between the tags.
    expect(svg.replace(/<[^>]+>/g, '')).toContain('Пельмени')
    expect(svg).not.toContain('googleapis')
    const narrow = renderSvg('x', { width: 58, codepage: 'cp866' })
    expect(narrow.startsWith('<svg width="384px"')).toBe(true)
  })

  it('encodes the test page in every code page it offers', () => {
    for (const codepage of CODEPAGES) {
      const bytes = encodeEscpos(testDocument({ name: 'Кухня', codepage, width: 80 }, AT, 'en'), {
        width: 80,
        codepage,
      })
      expect(bytes.includes(Buffer.from('The quick brown fox'))).toBe(true)
    }
  })
})
