import { messages as platform } from '../../platform/messages.ts';

/** «Журналы»: how detection goes in the field, the reported pages, and overrides drafted from them. */
export const messages = {
  ...platform,
  journalReports: {
    title: 'Журналы',
    intro:
      'Как расширение узнаёт страницы электронных журналов у педагогов: счётчики по журналу и адресу и страницы, о которых педагоги сообщили. Личных данных здесь нет: ни имён, ни текста страниц, ни значений полей, ни токенов.',
    countsTitle: 'Распознавание страниц',
    noCounts: 'Расширения ещё не присылали счётчиков.',
    journal: 'Журнал',
    host: 'Адрес',
    pagesSeen: 'Страниц педагога',
    identityRead: 'Имя прочитано',
    confirmed: 'Подтверждено',
    corrected: 'Исправлено',
    launcherFailed: 'Кнопка не появилась',
    updatedAt: 'Обновлено',
    share: (part: number, whole: number) => (whole === 0 ? '—' : `${new Intl.NumberFormat('ru-RU', { style: 'percent' }).format(part / whole)}`),
    reportsTitle: 'Сообщения о страницах',
    noReports: 'Педагоги ещё не сообщали о страницах.',
    receivedAt: 'Получено',
    reason: 'Причина',
    path: 'Путь',
    globals: 'Глобальные объекты',
    elements: 'Элементов',
    open: 'Открыть',
    reasons: {
      notDetected: 'страница не распознана',
      noName: 'имя не прочитано',
      nameCorrected: 'педагог исправил имя',
    } as Record<string, string>,
    reportTitle: (path: string) => `Страница ${path}`,
    reportNotFound: 'Такого сообщения нет.',
    skeletonTitle: 'Скелет страницы',
    skeletonHint: 'Теги, id и классы элементов; в скобках — длина текста элемента (сам текст не передаётся). Числа в адресе, id и классах заменены на :id.',
    globalsTitle: 'Ключи глобальных объектов',
    noGlobals: 'Разрешённых глобальных объектов на странице нет.',
    truncated: (count: number) => `Ещё ${new Intl.NumberFormat('ru-RU').format(count)} элементов не передано: страница больше предела.`,
    draftTitle: 'Черновик поправки адаптера',
    draftHint:
      'Заготовка: путь страницы и предположение, где на ней имя (всегда «unconfirmed» — педагог подтверждает имя). Проверьте её на скелете, сохраните в файл и опубликуйте командой profrost journals publish ФАЙЛ.json — команда проверит поправку так же, как ниже.',
    noDraft:
      'Поправку составить нельзя: страницу не узнал ни один встроенный адаптер, а поправки не добавляют журналов. Новый адрес журнала — это новая версия расширения.',
    draftValid: 'Проверка: расширение примет эту поправку.',
    draftProblems: 'Проверка: расширение не примет эту поправку:',
  },
} as const;
