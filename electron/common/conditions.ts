// The condition catalogue: what the display knows about the order conditions it may see. The
// backend may send any non-empty string; the unknown ones are shown as they are, after the known.

/** What the display knows about one condition. */
export interface ConditionInfo {
  code: string
  label: { ru: string; en: string }
  /** A CSS colour for the column header and the card's edge. */
  colour: string
  /** Position in the lifecycle: columns are drawn in this order. */
  rank: number
  /** The order needs no more work: it may be compacted away after the retention. */
  final: boolean
}

const UNKNOWN_COLOUR = '#8a8f98'

const KNOWN: readonly ConditionInfo[] = [
  { code: 'NEW', label: { ru: 'Новый', en: 'New' }, colour: '#e5484d', rank: 10, final: false },
  {
    code: 'ACCEPTED',
    label: { ru: 'Принят', en: 'Accepted' },
    colour: '#f76b15',
    rank: 20,
    final: false,
  },
  {
    code: 'COOKING',
    label: { ru: 'Готовится', en: 'Cooking' },
    colour: '#ffc53d',
    rank: 30,
    final: false,
  },
  {
    code: 'COLLECTED',
    label: { ru: 'Собран', en: 'Collected' },
    colour: '#46a758',
    rank: 40,
    final: false,
  },
  {
    code: 'DELIVERING',
    label: { ru: 'В пути', en: 'On the way' },
    colour: '#0090ff',
    rank: 50,
    final: false,
  },
  {
    code: 'DELIVERED',
    label: { ru: 'Доставлен', en: 'Delivered' },
    colour: '#8e4ec6',
    rank: 60,
    final: true,
  },
  {
    code: 'COMPLETED',
    label: { ru: 'Выдан', en: 'Completed' },
    colour: '#6e56cf',
    rank: 70,
    final: true,
  },
  {
    code: 'CANCELED',
    label: { ru: 'Отменён', en: 'Cancelled' },
    colour: '#6b6f76',
    rank: 80,
    final: true,
  },
]

const BY_CODE = new Map(KNOWN.map((info) => [info.code, info]))

/** The known conditions in lifecycle order. */
export const KNOWN_CONDITIONS: readonly ConditionInfo[] = KNOWN

/** Information for any condition; an unknown one gets its raw string as label, after the known. */
export function conditionInfo(code: string): ConditionInfo {
  return (
    BY_CODE.get(code) ?? {
      code,
      label: { ru: code, en: code },
      colour: UNKNOWN_COLOUR,
      rank: 1_000,
      final: false,
    }
  )
}

/** Sorts condition codes in lifecycle order; unknown ones last, alphabetically. */
export function compareConditions(a: string, b: string): number {
  return conditionInfo(a).rank - conditionInfo(b).rank || a.localeCompare(b)
}
