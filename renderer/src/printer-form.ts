// The printer editor's form: every field as the inputs hold it, and back to a printer setting the
// core accepts, checked with the same schema first so the field at fault is named at once.
import {
  PrinterSchema,
  type Codepage,
  type Printer,
  type PrinterInput,
  type PrintTrigger,
} from '../../electron/common/printers'
import { formatIssues, type Parsed } from '../../electron/common/protocol/parse'

export interface PrinterForm {
  id: string
  name: string
  kind: Printer['kind']
  host: string
  /** '' while the field is empty. */
  port: number | ''
  deviceName: string
  width: 80 | 58
  codepage: Codepage
  print: PrintTrigger
  /** '' for every item. */
  station: string
}

/** The form of `printer`, or of a new network printer with an id not in `taken`. */
export function formOfPrinter(printer: Printer | null, taken: readonly string[] = []): PrinterForm {
  if (printer !== null) {
    return {
      id: printer.id,
      name: printer.name,
      kind: printer.kind,
      host: printer.kind === 'escpos-tcp' ? printer.host : '',
      port: printer.kind === 'escpos-tcp' ? printer.port : 9100,
      deviceName: printer.kind === 'system' ? printer.deviceName : '',
      width: printer.width,
      codepage: printer.codepage,
      print: printer.print,
      station: printer.station ?? '',
    }
  }
  let n = taken.length + 1
  while (taken.includes(`printer-${n}`)) n += 1
  return {
    id: `printer-${n}`,
    name: '',
    kind: 'escpos-tcp',
    host: '',
    port: 9100,
    deviceName: '',
    width: 80,
    codepage: 'cp866',
    print: 'new',
    station: '',
  }
}

/** The printer setting of a form, as the core is sent it: only the fields of its kind. */
export function inputOfForm(form: PrinterForm): PrinterInput {
  const common = {
    id: form.id.trim(),
    name: form.name.trim(),
    width: form.width,
    codepage: form.codepage,
    print: form.print,
    station: form.station.trim() === '' ? null : form.station.trim(),
  }
  return form.kind === 'system'
    ? { ...common, kind: 'system', deviceName: form.deviceName.trim() }
    : {
        ...common,
        kind: 'escpos-tcp',
        host: form.host.trim(),
        ...(form.port === '' ? {} : { port: form.port }),
      }
}

/** The form checked: the printer, or the reason naming the field (`host: is empty…`). */
export function printerOfForm(form: PrinterForm): Parsed<Printer> {
  const parsed = PrinterSchema.safeParse(inputOfForm(form))
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: formatIssues(parsed.error) }
}

/** `printers` with `printer` in the place of the one it edits (`editing`), or added at the end. */
export function withPrinter(
  printers: readonly Printer[],
  editing: string | null,
  printer: Printer,
): Printer[] {
  const index = editing === null ? -1 : printers.findIndex((p) => p.id === editing)
  if (index < 0) return [...printers, printer]
  return printers.map((p, i) => (i === index ? printer : p))
}
