/**
 * Every sentence the extension shows, in one place, so that a translation
 * can be added beside it.
 */
export const messages = {
  launcher: 'Профиль педагога',
  panelTitle: 'Профиль педагога',
  close: 'Закрыть',
  panelLoadFailed: 'Не удалось открыть панель. Обновите страницу и попробуйте ещё раз.',
  teacherUnknown: 'Не удалось прочитать имя педагога на этой странице.',
  server: {
    checking: 'Проверяем связь с сервером…',
    reachable: (version: string) => `Сервер ПрофРоста доступен (версия ${version}).`,
    unreachable: 'Сервер ПрофРоста недоступен. Всё, что вы введёте, сохранится на этом устройстве и отправится позже.',
    badAnswer: 'Сервер ответил не так, как ожидалось. Проверьте адрес сервера в настройках.',
    retry: 'Проверить ещё раз',
    address: (url: string) => `Адрес сервера: ${url}`,
  },
} as const;
