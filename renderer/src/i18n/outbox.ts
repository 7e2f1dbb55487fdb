// Texts of the outbox (conditions told to the backend), Russian first; `outboxEn` has the same keys.
export const outboxRu = {
  start: 'Начать',
  startLabel: 'Начать: на бэкенде заказ № {number} станет «{condition}»',
  pending: '→ {condition}…',
  pendingHint: 'Отправляется на бэкенд; карточка сдвинется, когда бэкенд подтвердит',
  retrying: 'нет связи, попытка {attempts}',
  refused: 'Не принято: {reason}',
  dropped: 'Не отправлено: {reason}',
  dismiss: 'Понятно',
  dismissLabel: 'Убрать сообщение',
  waiting: 'Ждут отправки: {n}',
  settings: {
    section: 'Статусы на бэкенд',
    action: 'Запрос, меняющий статус (JSON)',
    actionHint:
      'method, url и body; подстановки {placeholders}. Пусто — отметки «Готово» остаются на этом экране.',
    anyHost: 'Разрешить адрес не на бэкенде (туда уйдёт токен)',
    start: '«Начать» ставит',
    bump: '«Готово» ставит',
    actionsHint: 'Пусто — «Начать» нет, «Готово» ставит COLLECTED (в демо — и «Начать»: COOKING).',
  },
  code: {
    forbidden: 'нет прав менять статус',
    'unknown-order': 'бэкенд не знает такого заказа',
    refused: 'бэкенд отказал',
    host: 'адрес действия не на бэкенде (conditionActionAnyHost)',
    already: 'на бэкенде уже «{condition}»',
    off: 'действие выключено в настройках',
  },
}

export const outboxEn: typeof outboxRu = {
  start: 'Start',
  startLabel: 'Start: order No. {number} becomes “{condition}” on the backend',
  pending: '→ {condition}…',
  pendingHint: 'Being sent to the backend; the card moves when the backend confirms',
  retrying: 'no connection, attempt {attempts}',
  refused: 'Refused: {reason}',
  dropped: 'Not sent: {reason}',
  dismiss: 'OK',
  dismissLabel: 'Dismiss the message',
  waiting: 'Waiting to send: {n}',
  settings: {
    section: 'Conditions to the backend',
    action: 'The request that sets a condition (JSON)',
    actionHint:
      'method, url and body; placeholders {placeholders}. Empty: bumps stay on this screen.',
    anyHost: 'Allow an address other than the backend (the token goes there)',
    start: '“Start” sets',
    bump: '“Done” sets',
    actionsHint:
      'Empty: no “Start”, “Done” sets COLLECTED (in the demo, “Start” sets COOKING too).',
  },
  code: {
    forbidden: 'no right to change the condition',
    'unknown-order': 'the backend does not know this order',
    refused: 'the backend refused',
    host: 'the action points away from the backend (conditionActionAnyHost)',
    already: 'the backend already shows “{condition}”',
    off: 'the action is turned off in the settings',
  },
}
