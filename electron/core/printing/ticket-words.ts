// The words on paper, in the display's language (Russian first). Paper is printed by the core,
// not a screen, so these live here rather than in the renderer's vue-i18n messages.
import type { Language } from '../../common/settings'

export interface TicketWords {
  delivery: string
  pickup: string
  /** Before the scheduled time: «К 14:30». */
  at: string
  placed: string
  printed: string
  test: string
  reprint: string
  note: string
  address: string
  testPage: string
  elsewhere: (count: number) => string
}

const ruItems = (count: number): string => {
  const tens = count % 100
  const ones = count % 10
  if (tens >= 11 && tens <= 14) return 'позиций'
  if (ones === 1) return 'позиция'
  if (ones >= 2 && ones <= 4) return 'позиции'
  return 'позиций'
}

export const ticketWords: Record<Language, TicketWords> = {
  ru: {
    delivery: 'ДОСТАВКА',
    pickup: 'САМОВЫВОЗ',
    at: 'К',
    placed: 'Заказ',
    printed: 'Печать',
    test: 'ТЕСТОВЫЙ ЗАКАЗ',
    reprint: 'ПОВТОРНАЯ ПЕЧАТЬ',
    note: 'Комментарий:',
    address: 'Адрес:',
    testPage: 'Пробная страница',
    elsewhere: (count) => `+${count} ${ruItems(count)} в других цехах`,
  },
  en: {
    delivery: 'DELIVERY',
    pickup: 'PICKUP',
    at: 'For',
    placed: 'Placed',
    printed: 'Printed',
    test: 'TEST ORDER',
    reprint: 'REPRINT',
    note: 'Note:',
    address: 'Address:',
    testPage: 'Test page',
    elsewhere: (count) => `+${count} ${count === 1 ? 'item' : 'items'} at other stations`,
  },
}
