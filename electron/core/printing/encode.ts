// One ReceiptLine document, two outputs: ESC/POS bytes for the printer and an SVG image for the
// preview, both by receiptline (kept library: it lays out the columns, wraps, sizes and encodes
// the code page; see the issue note on why it rather than receipt-printer-encoder).
import receiptline from 'receiptline'
import { CHARS_PER_LINE, type Codepage } from '../../common/printers'

export interface Paper {
  width: keyof typeof CHARS_PER_LINE
  codepage: Codepage
}

/** ESC/POS ends a print with GS r 1: the printer answers one status byte once it got that far. */
export const STATUS_REQUEST = Buffer.from([0x1d, 0x72, 0x31])
/** GS V: the paper cut receiptline puts before the status request. */
export const CUT = Buffer.from([0x1d, 0x56])

/** The document as ESC/POS: initialise, the text in the code page, a cut, the status request. */
export function encodeEscpos(document: string, paper: Paper): Buffer {
  const commands = receiptline.transform(document, {
    cpl: CHARS_PER_LINE[paper.width],
    encoding: paper.codepage,
    command: 'escpos',
    cutting: true,
    spacing: true,
  })
  // receiptline answers commands as a "binary" string: one char per byte.
  return Buffer.from(commands, 'binary')
}

// receiptline's SVG asks for a web font; a preview never fetches anything (and the CSP forbids it).
const WEB_FONT = /<style type="text\/css"><!\[CDATA\[@import url\([^)]*\);\]\]><\/style>/

/** The document as an SVG image, the paper's width in dots (12 per character), fonts local. */
export function renderSvg(document: string, paper: Paper): string {
  const svg = receiptline.transform(document, {
    cpl: CHARS_PER_LINE[paper.width],
    encoding: paper.codepage,
    spacing: true,
  })
  return svg.replace(WEB_FONT, '')
}
