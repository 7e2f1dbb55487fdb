// Texts of the backend's clock: a skew between it and this computer, and an order whose own time
// could not be believed. Russian first; `clockEn` must have exactly the same keys.
export const clockRu = {
  behind: 'Часы этого компьютера отстают от сервера на {amount}',
  ahead: 'Часы этого компьютера спешат относительно сервера на {amount}',
  skewHint:
    'Время заказов считается по часам сервера, так что на экране оно верное. Поправьте часы компьютера.',
  fromArrival: 'время с прихода',
  fromArrivalHint:
    'Время создания заказа неправдоподобно (в будущем или слишком давно): время считается с момента, когда заказ пришёл на экран.',
  diagnostics: 'Часы сервера',
  offset: 'разница {sign}{amount} ({source})',
  same: 'совпадают с часами компьютера ({source})',
  unknown: 'ещё не известны: от сервера не было ни заказов, ни ответов',
  source: {
    none: 'ещё не известны',
    events: 'по заказам',
    'http-date': 'по заголовку Date',
  },
}

export const clockEn: typeof clockRu = {
  behind: 'This computer’s clock is {amount} behind the server',
  ahead: 'This computer’s clock is {amount} ahead of the server',
  skewHint:
    'Order times are counted on the server’s clock, so the screen is right. Set the computer’s clock.',
  fromArrival: 'timed from arrival',
  fromArrivalHint:
    'The order’s creation time is implausible (in the future or too long ago): it is timed from when it reached this screen.',
  diagnostics: 'Server clock',
  offset: 'difference {sign}{amount} ({source})',
  same: 'agrees with this computer ({source})',
  unknown: 'not known yet: nothing has come from the server',
  source: {
    none: 'not known yet',
    events: 'from orders',
    'http-date': 'from the Date header',
  },
}
