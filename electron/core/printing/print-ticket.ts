// The layout of a kitchen ticket and a bag label, as a ReceiptLine document: one text that the
// encoder turns into ESC/POS for the printer and into the SVG the settings screen previews, so
// the preview is what the paper shows. Pure: the order, the items to show and the time in, text out.
import type { CardOrder } from '../../common/card-order'
import type { PrintDocument } from '../../common/printers'
import type { Language } from '../../common/settings'
import { ticketWords } from './ticket-words'

export interface TicketInput {
  order: CardOrder
  document: Exclude<PrintDocument, 'test'>
  /** Indices of the items to print (a station's); undefined: all of them. */
  items?: readonly number[]
  /** The station the ticket is for, shown at its head. */
  stationName?: string | null
  /** Printed again on purpose: the ticket says so, so a cook does not make it twice. */
  reprint?: boolean
  /** When it is printed (this machine's clock). */
  at: number
  language: Language
}

// ReceiptLine's markup characters; a backslash makes each literal. Control characters go.
const MARKUP = /[\\|{}\-=_"`^~]/g

/** `text` as literal ReceiptLine text on one line. */
export function literal(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .replace(MARKUP, (char) => `\\${char}`)
  )
}

const two = (n: number) => String(n).padStart(2, '0')

/** `14:05` on this machine's clock; with the date `22.04` when it is not the day of `now`. */
export function clockText(at: number, now: number): string {
  const date = new Date(at)
  const time = `${two(date.getHours())}:${two(date.getMinutes())}`
  return date.toDateString() === new Date(now).toDateString()
    ? time
    : `${two(date.getDate())}.${two(date.getMonth() + 1)} ${time}`
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/

/** An order's scheduled `time`: epoch ms and ISO dates as a clock time, other text as given. */
export function scheduledText(time: number | string, now: number): string {
  if (typeof time === 'number') return clockText(time, now)
  const at = ISO_DATE.test(time) ? Date.parse(time) : NaN
  return Number.isFinite(at) ? clockText(at, now) : time
}

// ReceiptLine's sizes: `^` twice as wide, `^^` twice as tall, `^^^` both, `^^^^` three times.
// A single column with no "|" is centred; "|text" is left-aligned; "left | right" two columns.
function head(input: TicketInput): string[] {
  const { order, language, at } = input
  const words = ticketWords[language]
  const lines = ['{width:*; border:space}', `^^^^${literal(`№ ${order.number}`)}`]
  lines.push(`^^^${order.delivery ? words.delivery : words.pickup}`)
  if (order.time !== null) {
    lines.push(`\`^^^${literal(`${words.at} ${scheduledText(order.time, at)}`)}\``)
  }
  if (order.isTestOrder) lines.push(`"${literal(words.test)}"`)
  if (input.reprint === true) lines.push(`\`${literal(words.reprint)}\``)
  if (input.stationName) lines.push(`^^${literal(input.stationName)}`)
  lines.push(
    '{width:*,*}',
    `${literal(words.placed)} ${clockText(order.createdAt, at)} | ${literal(words.printed)} ${clockText(at, at)}`,
  )
  return lines
}

function items(input: TicketInput): string[] {
  const { order } = input
  const shown = input.items ?? order.products.map((_, index) => index)
  const lines = ['{width:*}', '-', '{width:5,*; border:space}']
  for (const index of shown) {
    const item = order.products[index]
    if (item === undefined) continue
    const variant = item.variant?.title?.trim() ?? ''
    const under = variant === '' ? '' : `\\n${literal(variant)}`
    lines.push(`^^${item.number} ×^^|^^${literal(item.product.title)}^^${under}`)
  }
  const others = order.products.length - shown.length
  if (others > 0) {
    lines.push('{width:*}', `_${literal(ticketWords[input.language].elsewhere(others))}_`)
  }
  return lines
}

function note(input: TicketInput): string[] {
  const text = input.order.additionalInformation
  if (text === null || text.trim() === '') return []
  const words = ticketWords[input.language]
  return ['{width:*}', '-', `|"${literal(words.note)}"`, `|^^${literal(text)}`]
}

function customer(input: TicketInput): string[] {
  const { order } = input
  const words = ticketWords[input.language]
  const lines = ['{width:*}', '-', `^^^${literal(order.username)}`]
  // A cut order (a station's) has no address at all; the hub's own has it.
  const address = order.address?.trim() ?? ''
  if (order.delivery && address !== '') {
    lines.push(`|${literal(words.address)} ^^${literal(address)}`)
  }
  return lines
}

/** The ReceiptLine document of a ticket or a label; the encoder adds the cut at its end. */
export function ticketDocument(input: TicketInput): string {
  const parts =
    input.document === 'label'
      ? [...head(input), ...customer(input), ...items(input), ...note(input)]
      : [...head(input), ...items(input), ...note(input)]
  return [...parts, '{width:*}', '-', ''].join('\n')
}

/** The settings screen's test page: the printer's name, its code page and a Cyrillic line. */
export function testDocument(
  printer: { name: string; codepage: string; width: number },
  at: number,
  language: Language,
): string {
  const words = ticketWords[language]
  return [
    '{width:*}',
    `^^^${literal(words.testPage)}`,
    `^^${literal(printer.name)}`,
    literal(`${printer.codepage}, ${printer.width} mm, ${clockText(at, at)}`),
    '-',
    '|' + literal('Съешь же ещё этих мягких французских булок, да выпей чаю.'),
    '|' + literal('The quick brown fox jumps over the lazy dog. 0123456789 №'),
    '-',
    '',
  ].join('\n')
}
