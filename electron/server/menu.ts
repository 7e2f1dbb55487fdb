// The demo menu: what random and hand-made demo orders are made of. Prices in roubles, weights in
// grams (drinks: millilitres, as a backend would store them, one gram each).
import type { Product } from '../common/protocol/schemas'

/** A size or volume of a product, with its own price and weight. */
export interface MenuVariant {
  _id: string
  title: string
  cost: number
  weight: number
}

export type MenuCategory = 'pizza' | 'rolls' | 'soup' | 'drink'

/** One product on the menu, as the order shows it, plus the variants one may choose from. */
export interface MenuItem {
  category: MenuCategory
  product: Product
  variants: readonly MenuVariant[]
}

/** When the demo products were "created": a fixed date, so orders are reproducible. */
const CREATED_AT = 1_717_508_138_000

const productId = (n: number) => `665f1c2ab7e4d1c0${n.toString(16).padStart(8, '0')}`
const variantId = (n: number, v: number) =>
  `665f1c2ab7e4d1c1${n.toString(16).padStart(6, '0')}${v.toString(16).padStart(2, '0')}`

type Sizes = readonly (readonly [title: string, cost: number, weight: number])[]

function item(
  n: number,
  category: MenuCategory,
  title: string,
  description: string,
  ingredients: string[],
  sizes: Sizes,
): MenuItem {
  const variants =
    sizes.length > 1
      ? sizes.map(([vTitle, cost, weight], v) => ({
          _id: variantId(n, v + 1),
          title: vTitle,
          cost,
          weight,
        }))
      : []
  const [, cost, weight] = sizes[0] ?? ['', 0, 0]
  const product: Product = {
    _id: productId(n),
    visible: true,
    title,
    description,
    ingredients,
    images: [],
    type: variants.length > 0 ? 'MULTIPLE' : 'SINGLE',
    cost,
    weight,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  }
  return { category, product, variants }
}

const pizza = (s: number, m: number, l: number, weight: number): Sizes => [
  ['25 см', s, weight],
  ['30 см', m, Math.round(weight * 1.45)],
  ['35 см', l, Math.round(weight * 1.95)],
]
const drink = (small: number, large: number): Sizes => [
  ['0,33 л', small, 330],
  ['0,5 л', large, 500],
]
const single = (cost: number, weight: number): Sizes => [['', cost, weight]]

/** The built-in demo menu. */
export const DEMO_MENU: readonly MenuItem[] = [
  item(
    1,
    'pizza',
    'Маргарита',
    'Классика на тонком тесте: томаты, моцарелла и свежий базилик',
    ['томатный соус', 'моцарелла', 'томаты', 'базилик', 'оливковое масло'],
    pizza(450, 590, 750, 420),
  ),
  item(
    2,
    'pizza',
    'Пепперони',
    'Острая пепперони и тянущаяся моцарелла',
    ['томатный соус', 'моцарелла', 'пепперони', 'орегано'],
    pizza(520, 690, 860, 450),
  ),
  item(
    3,
    'pizza',
    'Четыре сыра',
    'Сливочная основа и четыре сыра для любителей сыра',
    ['сливочный соус', 'моцарелла', 'горгонзола', 'пармезан', 'чеддер'],
    pizza(560, 740, 920, 430),
  ),
  item(
    4,
    'pizza',
    'Ветчина и грибы',
    'Сочная ветчина, шампиньоны и моцарелла',
    ['томатный соус', 'моцарелла', 'ветчина', 'шампиньоны'],
    pizza(490, 650, 810, 470),
  ),
  item(
    5,
    'rolls',
    'Филадельфия',
    '8 штук: лосось, сливочный сыр и огурец',
    ['рис', 'нори', 'лосось', 'сливочный сыр', 'огурец'],
    single(590, 260),
  ),
  item(
    6,
    'rolls',
    'Калифорния',
    '8 штук: снежный краб, авокадо и икра масаго',
    ['рис', 'нори', 'снежный краб', 'авокадо', 'огурец', 'икра масаго', 'японский майонез'],
    single(490, 240),
  ),
  item(
    7,
    'rolls',
    'Ролл с угрём',
    '8 штук: копчёный угорь под соусом унаги с кунжутом',
    ['рис', 'нори', 'угорь', 'сливочный сыр', 'соус унаги', 'кунжут'],
    single(620, 250),
  ),
  item(
    8,
    'rolls',
    'Запечённый с лососем',
    '8 штук, запечены под сырной шапкой',
    ['рис', 'нори', 'лосось', 'огурец', 'сырный соус'],
    single(540, 270),
  ),
  item(
    9,
    'soup',
    'Борщ',
    'Наваристый борщ с говядиной, подаётся со сметаной',
    ['свёкла', 'капуста', 'картофель', 'говядина', 'морковь', 'сметана', 'укроп'],
    single(350, 400),
  ),
  item(
    10,
    'soup',
    'Том ям с креветками',
    'Острый тайский суп на кокосовом молоке',
    ['креветки', 'шампиньоны', 'кокосовое молоко', 'паста том ям', 'лайм', 'кинза'],
    single(590, 400),
  ),
  item(
    11,
    'soup',
    'Куриный суп с лапшой',
    'Домашний бульон, курица и яичная лапша',
    ['куриный бульон', 'курица', 'яичная лапша', 'морковь', 'зелень'],
    single(290, 350),
  ),
  item(
    12,
    'soup',
    'Мисо-суп',
    'Японский суп с тофу и водорослями вакаме',
    ['паста мисо', 'тофу', 'вакаме', 'зелёный лук'],
    single(220, 300),
  ),
  item(
    13,
    'drink',
    'Морс клюквенный',
    'Домашний морс из клюквы',
    ['клюква', 'вода', 'сахар'],
    drink(140, 190),
  ),
  item(
    14,
    'drink',
    'Лимонад тархун',
    'Освежающий лимонад с тархуном',
    ['тархун', 'лимон', 'газированная вода', 'сахар'],
    drink(160, 210),
  ),
  item(
    15,
    'drink',
    'Квас хлебный',
    'Живой квас брожения',
    ['ржаной хлеб', 'солод', 'вода'],
    drink(120, 170),
  ),
  item(16, 'drink', 'Вода минеральная', 'Без газа', ['минеральная вода'], single(90, 500)),
]
