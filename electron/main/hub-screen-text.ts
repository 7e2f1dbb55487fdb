// What the main process says to a person while this app is a screen of a hub: the window shows
// the hub's page, not ours, so the way back (a menu, a key, dialogs) speaks from here. Russian
// first, English second; `{url}`, `{origin}`, `{reason}`, `{seconds}` are filled in.
import type { Language } from '../common/settings'

const ru = {
  menu: 'Экран хаба',
  leaveItem: 'Перестать быть экраном хаба…',
  leaveQuestion: 'Перестать быть экраном хаба {url}?',
  leaveDetail:
    'Приложение перезапустится самостоятельным дисплеем: со своим подключением к бэкенду и своими настройками.',
  leave: 'Перестать',
  cancel: 'Отмена',
  leaveNow: 'Перестать быть экраном хаба',
  managed: 'Этот компьютер — экран хаба {url}: так задал администратор ({origin}).',
  managedDetail: 'Перестать быть экраном хаба можно, только изменив управляемую конфигурацию.',
  ok: 'Понятно',
  unreachable: 'Хаб {url} недоступен',
  unreachableDetail:
    'Страница хаба не загрузилась ({reason}). Проверьте, что хаб включён и в той же сети. Экран пробует снова каждые {seconds} с.',
  retry: 'Повторить',
  quit: 'Выйти',
}

const en: typeof ru = {
  menu: 'Hub screen',
  leaveItem: 'Stop being a screen of the hub…',
  leaveQuestion: 'Stop being a screen of the hub {url}?',
  leaveDetail:
    'The app restarts as a display of its own: with its own backend connection and its own settings.',
  leave: 'Stop',
  cancel: 'Cancel',
  leaveNow: 'Stop being a screen of the hub',
  managed: 'This computer is a screen of the hub {url}: the administrator set it so ({origin}).',
  managedDetail:
    'Only a change of the managed configuration makes it stop being a screen of the hub.',
  ok: 'OK',
  unreachable: 'The hub {url} is not reachable',
  unreachableDetail:
    'The hub’s page did not load ({reason}). Check that the hub is on and on the same network. The screen tries again every {seconds} s.',
  retry: 'Retry',
  quit: 'Quit',
}

export type HubScreenTextKey = keyof typeof ru

export const HUB_SCREEN_TEXT: Record<Language, typeof ru> = { ru, en }

/** The text `key` in `language`, with `{name}` replaced by `values[name]`. */
export function hubScreenText(
  language: Language,
  key: HubScreenTextKey,
  values: Record<string, string | number> = {},
): string {
  return HUB_SCREEN_TEXT[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}
