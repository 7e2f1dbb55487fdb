// Made-up customers for random orders: Russian names, mobile numbers in the spec's format,
// Moscow addresses and the kind of notes people leave with an order.
import { chance, intBetween, pick, type Random } from './random'

const MALE_NAMES = [
  'Александр',
  'Алексей',
  'Андрей',
  'Артём',
  'Дмитрий',
  'Евдоким',
  'Иван',
  'Илья',
  'Кирилл',
  'Максим',
  'Михаил',
  'Никита',
  'Павел',
  'Роман',
  'Сергей',
  'Тимофей',
]
const FEMALE_NAMES = [
  'Алина',
  'Анастасия',
  'Анна',
  'Вера',
  'Дарья',
  'Екатерина',
  'Елена',
  'Ксения',
  'Мария',
  'Наталья',
  'Ольга',
  'Полина',
  'Светлана',
  'Софья',
  'Татьяна',
  'Юлия',
]
// Surnames in their masculine form; every one of them takes "-а" in the feminine.
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Петров',
  'Волков',
  'Соловьёв',
  'Васильев',
  'Зайцев',
  'Павлов',
  'Семёнов',
  'Голубев',
  'Виноградов',
  'Богданов',
  'Воробьёв',
  'Фёдоров',
  'Субботин',
  'Громов',
  'Орлов',
]
const STREETS = [
  'ул. Тверская',
  'ул. Арбат',
  'ул. Новый Арбат',
  'ул. Большая Дмитровка',
  'ул. Пятницкая',
  'ул. Мясницкая',
  'ул. Маросейка',
  'ул. Бауманская',
  'ул. Профсоюзная',
  'ул. Вавилова',
  'ул. Лесная',
  'ул. Сретенка',
  'Ленинский пр-т',
  'Кутузовский пр-т',
  'Ленинградский пр-т',
  'пр-т Мира',
  'Комсомольский пр-т',
  'Варшавское ш.',
  'Чистопрудный б-р',
  'Покровский б-р',
]
const NOTES = [
  'Без лука',
  'Позвонить за 10 минут',
  'Домофон не работает, позвоните по телефону',
  'Не звонить в дверь, ребёнок спит',
  'Приборы на двоих',
  'Побольше салфеток',
  'Соус отдельно',
  'Сдача с 5000',
  'Оставить у двери',
  'Пиццу не резать',
]

/** A full name, first name then surname, with the surname agreeing in gender. */
export function randomName(random: Random): string {
  const female = chance(random, 0.5)
  const first = pick(random, female ? FEMALE_NAMES : MALE_NAMES)
  const surname = pick(random, SURNAMES)
  return `${first} ${female ? `${surname}а` : surname}`
}

const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => String(intBetween(random, 0, 9))).join('')

/** A Russian mobile number in the spec's format: `+7(9xx)xxx-xx-xx`. */
export const randomPhone = (random: Random): string =>
  `+7(9${digits(random, 2)})${digits(random, 3)}-${digits(random, 2)}-${digits(random, 2)}`

/** A Moscow street address, sometimes with entrance and floor. */
export function randomAddress(random: Random): string {
  const house = `д. ${intBetween(random, 1, 120)}${chance(random, 0.2) ? `, корп. ${intBetween(random, 1, 4)}` : ''}`
  const flat = `кв. ${intBetween(random, 1, 320)}`
  const entrance = chance(random, 0.5)
    ? `, подъезд ${intBetween(random, 1, 8)}, этаж ${intBetween(random, 1, 16)}`
    : ''
  return `Москва, ${pick(random, STREETS)}, ${house}, ${flat}${entrance}`
}

/** A note to the kitchen or the courier. */
export const randomNote = (random: Random): string => pick(random, NOTES)
