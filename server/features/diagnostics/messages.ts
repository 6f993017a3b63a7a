import { messages as platform } from '../../platform/messages.ts';

/**
 * The diagnostics: the API's refusals and the admin page that uploads versions.
 */
export const messages = {
  ...platform,
  diagnostics: {
    instrumentNotFound: 'Такой диагностики нет.',
    versionUnknown: (id: string, version: number) =>
      `Версии ${version} диагностики «${id}» на сервере нет. Обновите расширение или начните диагностику заново.`,
    attemptConflict: 'Попытка с этим идентификатором уже сохранена с другими ответами; она не перезаписывается.',
  },
  adminPages: {
    ...platform.adminPages,
    // Диагностики.
    diagnostics: {
      title: 'Диагностики',
      versionsTitle: 'Версии инструментов',
      id: 'Код',
      version: 'Версия',
      kind: 'Вид',
      instrumentTitle: 'Название',
      items: 'Вопросов',
      added: 'Добавлена',
      kindNames: { selfAssessment: 'самооценка', knowledgeTest: 'тест', screening: 'скрининг' },
      uploadTitle: 'Загрузить новую версию',
      uploadHint: 'Файл JSON по схеме инструмента. Сохранённая версия никогда не меняется: исправления — новой версией с большим номером.',
      file: 'Файл JSON',
      upload: 'Загрузить',
      onlyAdmin: 'Новые версии загружает региональный администратор.',
      notJson: 'Файл — не правильный JSON: проверьте скобки, кавычки и запятые (удобно открыть его в редакторе с проверкой JSON).',
      invalid: 'Инструмент не сохранён, в нём есть ошибки:',
      path: 'Где',
      problem: 'Что не так',
      whole: '(весь документ)',
      versionExists: (id: string, version: number) =>
        `Версия ${version} инструмента «${id}» уже есть: сохранённые версии не меняются, укажите следующий номер.`,
      versionNotNewer: (id: string, version: number, newest: number) =>
        `Версия ${version} инструмента «${id}» не новее уже загруженной ${newest}: укажите номер больше ${newest}.`,
      kindChanged: (id: string) => `Инструмент «${id}» уже есть другого вида; новый вид — это новый инструмент с другим кодом.`,
      uploaded: (id: string, version: number) => `Версия ${version} инструмента «${id}» сохранена.`,
    },
  },
} as const;
