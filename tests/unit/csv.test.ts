import { describe, expect, it } from 'vitest'
import type { BoardOrder } from '../../electron/common/board'
import { conditionInfo } from '../../electron/common/conditions'
import {
  BOM,
  changesCsv,
  csvDate,
  csvField,
  csvText,
  csvTime,
  ordersCsv,
  ordersOfDay,
  type CsvLabels,
} from '../../electron/common/csv'
import { makeOrder } from './renderer/orders'

const DAY_START = new Date(2026, 10, 26).getTime()
const at = (hours: number, minutes = 0, seconds = 0) =>
  DAY_START + ((hours * 60 + minutes) * 60 + seconds) * 1000

const labels: CsvLabels = {
  number: 'Номер',
  id: 'id',
  created: 'Создан',
  customer: 'Клиент',
  phone: 'Телефон',
  mode: 'Способ',
  delivery: 'Доставка',
  pickup: 'Самовывоз',
  address: 'Адрес',
  cost: 'Сумма',
  condition: 'Статус',
  time: 'Время',
  test: 'Тестовый',
  testMark: 'тест',
  conditionLabel: (code) => conditionInfo(code).label.ru,
}

describe('csvField', () => {
  it('quotes only what RFC 4180 needs, doubling quotes', () => {
    expect(csvField('Иван')).toBe('Иван')
    expect(csvField(1230.5)).toBe('1230.5')
    expect(csvField(null)).toBe('')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"')
  })

  it('defuses text a spreadsheet would run as a formula, but not phone numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)")
    expect(csvField('+cmd')).toBe("'+cmd")
    expect(csvField('+7 (900) 123-45-67')).toBe('+7 (900) 123-45-67')
    expect(csvField('-5')).toBe('-5')
  })
})

describe('csvText', () => {
  it('starts with the BOM and ends every row with CRLF', () => {
    const text = csvText([
      ['a', 'b'],
      ['Щи, борщ', 2],
    ])
    expect(text.startsWith(BOM)).toBe(true)
    expect(text).toBe(`${BOM}a,b\r\n"Щи, борщ",2\r\n`)
    // UTF-8 encoding keeps Cyrillic and starts with EF BB BF.
    const bytes = new TextEncoder().encode(text)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('Щи, борщ')
  })

  it('formats times in local time as spreadsheets read them', () => {
    expect(csvTime(at(9, 5, 7))).toBe('2026-11-26 09:05:07')
    expect(csvDate(at(23, 59))).toBe('2026-11-26')
  })
})

function board(): BoardOrder[] {
  const first = makeOrder({
    number: 101,
    username: 'Ёжиков, "Колючий"',
    phone: '+7 900 000-00-01',
    delivery: true,
    address: 'ул. Ленина, 1\nкв. 2',
    cost: 1230,
    createdAt: at(9),
  })
  const second = makeOrder({
    number: 102,
    username: 'Anna',
    delivery: false,
    cost: 500,
    isTestOrder: true,
  })
  return [
    {
      id: second._id,
      order: second,
      condition: 'WEIRD',
      history: [
        { condition: 'NEW', at: at(10) },
        { condition: 'WEIRD', at: at(10, 30) },
      ],
      receivedAt: at(10),
      changedAt: at(10, 30),
    },
    {
      id: first._id,
      order: first,
      condition: 'COOKING',
      history: [
        { condition: 'NEW', at: at(9, 0, 1) },
        { condition: 'ACCEPTED', at: at(9, 2) },
        { condition: 'COOKING', at: at(9, 10) },
      ],
      receivedAt: at(9, 0, 1),
      changedAt: at(9, 10),
    },
    {
      id: 'yesterday',
      order: null,
      condition: 'DELIVERED',
      history: [{ condition: 'DELIVERED', at: at(-2) }],
      receivedAt: at(-2),
      changedAt: at(-2),
    },
  ]
}

/** Splits a CSV body into rows (no field here spans lines except the address, handled apart). */
const lines = (text: string) => text.slice(BOM.length).split('\r\n')

describe('ordersCsv', () => {
  const today = ordersOfDay(board(), DAY_START)

  it("keeps the day's orders in the order they arrived", () => {
    expect(today.map((entry) => entry.order?.number)).toEqual([101, 102])
  })

  it('has one row per order with a column per condition', () => {
    const text = ordersCsv(today, labels)
    expect(text.startsWith(BOM)).toBe(true)
    const [header, ...rest] = lines(text)
    expect(header).toBe(
      'Номер,id,Создан,Клиент,Телефон,Способ,Адрес,Сумма,Статус,Тестовый,' +
        'Новый,Принят,Готовится,Собран,В пути,Доставлен,Выдан,Отменён,WEIRD',
    )
    const body = rest.join('\r\n')
    const id = today[0]?.id ?? ''
    expect(body).toContain(
      `101,${id},2026-11-26 09:00:00,"Ёжиков, ""Колючий""",+7 900 000-00-01,Доставка,` +
        '"ул. Ленина, 1\nкв. 2",1230,Готовится,,' +
        '2026-11-26 09:00:01,2026-11-26 09:02:00,2026-11-26 09:10:00,,,,,,',
    )
    expect(body).toContain(`,Anna,`)
    // The test order stays in the file, marked in its own column.
    expect(body).toContain(
      ',Самовывоз,,500,WEIRD,тест,2026-11-26 10:00:00,,,,,,,,2026-11-26 10:30:00',
    )
    expect(text.endsWith('\r\n')).toBe(true)
  })
})

describe('changesCsv', () => {
  it('has one row per change of the day, oldest first', () => {
    const today = ordersOfDay(board(), DAY_START)
    const [header, ...rows] = lines(changesCsv(today, labels, DAY_START))
    expect(header).toBe('Время,Номер,id,Статус,Клиент,Тестовый')
    expect(rows.filter((row) => row !== '').map((row) => row.split(',').slice(0, 2))).toEqual([
      ['2026-11-26 09:00:01', '101'],
      ['2026-11-26 09:02:00', '101'],
      ['2026-11-26 09:10:00', '101'],
      ['2026-11-26 10:00:00', '102'],
      ['2026-11-26 10:30:00', '102'],
    ])
    expect(rows[4]).toMatch(/,WEIRD,Anna,тест$/)
    // A real order's mark is empty.
    expect(rows[0]?.endsWith(',')).toBe(true)
  })
})
