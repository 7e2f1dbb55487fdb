// The order the settings screen previews when the board has none yet: made up, and marked so.
import type { CardOrder } from '../../common/card-order'

const item = (title: string, number: number, variant: string | null = null) => ({
  number,
  cost: 0,
  weight: 0,
  product: { title },
  variant: variant === null ? null : { title: variant },
})

/** A delivery with a variant, a note and a scheduled time: every part of a ticket shows. */
export function sampleOrder(now: number): CardOrder {
  return {
    _id: 'sample',
    number: 1024,
    phone: '+7 900 000-00-00',
    address: 'ул. Примерная, 1, кв. 2',
    cost: 0,
    username: 'Иван Образцов',
    condition: 'NEW',
    delivery: true,
    deliveryCost: null,
    discount: null,
    additionalInformation: 'Без лука, приборы на двоих',
    time: now + 45 * 60_000,
    productsSum: 0,
    isTestOrder: true,
    createdAt: now,
    updatedAt: now,
    products: [
      item('Борщ', 2, 'большой'),
      item('Пельмени домашние', 1),
      item('Морс клюквенный', 3, '0,5 л'),
    ],
  }
}
