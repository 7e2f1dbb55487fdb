import { describe, expect, it } from 'vitest'
import type { CardOrder } from '../../../electron/common/card-order'
import { PrinterSchema } from '../../../electron/common/printers'
import {
  PrintJobSchema,
  jobDocument,
  onceKey,
  routedItems,
  type LayoutContext,
} from '../../../electron/core/printing/print-jobs'
import { sampleOrder } from '../../../electron/core/printing/sample-order'

const order: CardOrder = sampleOrder(new Date(2026, 3, 23, 14, 0).getTime())
const printer = (station: string | null) =>
  PrinterSchema.parse({ id: 'p', name: 'П', kind: 'escpos-tcp', host: 'h', station })
const hot = { id: 'hot', name: 'Горячий цех', match: ['борщ', 'пельмени'] }
const bar = { id: 'bar', name: 'Бар', match: ['морс'] }
const context = (stations = [hot, bar]): LayoutContext => ({
  matcher: routedItems(() => ({ stations, defaultStation: null })),
  stationName: (id) => stations.find((station) => station.id === id)?.name ?? null,
  language: 'ru',
  at: order.createdAt,
})
const job = (overrides: Partial<Parameters<typeof PrintJobSchema.parse>[0]> = {}) =>
  PrintJobSchema.parse({
    printer: 'p',
    order: order._id,
    document: 'ticket',
    trigger: 'new',
    ...overrides,
  })

describe('print jobs', () => {
  it('print once per printer, order and trigger; a reprint every time', () => {
    expect(onceKey(job())).toBe('p/sample/new')
    expect(onceKey(job({ trigger: 'ready', document: 'label' }))).toBe('p/sample/ready')
    expect(onceKey(job({ trigger: 'reprint' }))).toBeNull()
  })

  it('route a station printer by the hub’s stations, every item without stations', () => {
    expect(
      routedItems(() => ({ stations: [hot, bar], defaultStation: null }))(order, 'bar'),
    ).toEqual([2])
    expect(
      routedItems(() => ({ stations: [hot, bar], defaultStation: null }))(order, 'hot'),
    ).toEqual([0, 1])
    expect(routedItems(() => ({ stations: [], defaultStation: null }))(order, 'bar')).toEqual([
      0, 1, 2,
    ])
  })

  it('lay out a station ticket with its name and items; none when it has no items, unless passed on', () => {
    const barTicket = jobDocument(job(), printer('bar'), order, context())
    expect(barTicket).toContain('Бар')
    expect(barTicket).toContain('Морс')
    expect(barTicket).not.toContain('Борщ')
    const pack = { id: 'pack', name: 'Упаковка', match: [] }
    expect(jobDocument(job(), printer('pack'), order, context([hot, bar, pack]))).toBeNull()
    const passed = jobDocument(
      job({ passedOn: true }),
      printer('pack'),
      order,
      context([hot, bar, pack]),
    )
    expect(passed).toContain('Борщ')
    expect(passed).toContain('Морс')
  })

  it('lay out a label whole whatever the station, and mark a ticket that may be on paper already', () => {
    const label = jobDocument(
      job({ document: 'label', trigger: 'ready' }),
      printer('bar'),
      order,
      context(),
    )
    expect(label).toContain('Борщ')
    expect(label).toContain('Иван Образцов')
    expect(jobDocument(job(), printer(null), order, { ...context(), again: true })).toContain(
      'ПОВТОРНАЯ ПЕЧАТЬ',
    )
    expect(jobDocument(job(), printer(null), order, context())).not.toContain('ПОВТОРНАЯ')
  })
})
