/**
 * The sentences of what every feature uses: configuration, the database, the API's errors,
 * tokens, the admin pages' frame and sign-in. Each feature's own are in its messages.ts,
 * which spreads these in, so that a file reads `messages.<section>` from one import.
 */
export const messages = {
  config: {
    invalid: (variable: string, problem: string, value: string) =>
      `Переменная окружения ${variable}: ${problem} (сейчас «${value}»).`,
    port: 'нужно целое число от 1 до 65535',
    url: 'нужен адрес вида http://хост:порт',
    flag: 'нужно 1 или 0 (также true/false, yes/no, on/off)',
    dir: 'нужен путь к папке',
    minGroup: 'нужно целое число не меньше 3 (меньшие группы позволяют узнать отдельных педагогов)',
  },
  storage: {
    tooNew: (found: number, known: number) =>
      `База данных создана более новой версией ПрофРоста (схема ${found}), а эта версия знает схему до ${known}. Обновите ПрофРост или восстановите резервную копию.`,
    cannotOpen: (file: string, reason: string) => `Не удалось открыть базу данных ${file}: ${reason}`,
  },
  auth: {
    noToken: 'Нужен токен устройства: подключите расширение кодом, который выдал методист.',
    badToken: 'Токен устройства не действует: он отозван или неизвестен. Подключите устройство заново.',
  },
  api: {
    notFound: 'Такого адреса в API нет.',
    pageNotFound: 'Страница не найдена.',
    invalidData: (problem: string) => `Неверные данные: ${problem}.`,
    field: (path: string) => `поле «${path}»: `,
    notJson: 'Тело запроса должно быть в формате JSON (Content-Type: application/json).',
    badJson: 'Тело запроса — не правильный JSON.',
    tooLarge: 'Запрос слишком большой.',
    internal: 'Внутренняя ошибка сервера. Попробуйте ещё раз; если не поможет — сообщите администратору.',
  },
  // Limits on how often a client may call an endpoint (server/platform/http/rate-limit.ts).
  rateLimit: {
    tooMany: (seconds: number) => `Слишком много попыток. Повторите через ${seconds} с.`,
  },
  backup: {
    usage: 'Укажите файл: profrost backup ФАЙЛ или profrost restore ФАЙЛ.',
    exists: (file: string) => `Файл ${file} уже существует; резервная копия не перезаписывает файлы.`,
    missing: (file: string) => `Файла ${file} нет.`,
    notProfrost: (file: string) => `Файл ${file} — не база данных ПрофРоста или повреждён.`,
    progress: (percent: number) => `Резервное копирование: ${percent}%\n`,
    done: (file: string) => `Резервная копия записана: ${file}`,
    restored: (file: string, kept: string | undefined) =>
      `База восстановлена из ${file}.` + (kept ? ` Прежняя база сохранена в ${kept}.` : ''),
  },
  // The CLI's common refusals, and how a staff role is named wherever it shows.
  admin: {
    badArguments: (usage: string) => `Неверные параметры команды. Использование: ${usage}`,
    missingOption: (option: string, usage: string) => `Не указан параметр ${option}. Использование: ${usage}`,
    roleNames: { methodist: 'методист', admin: 'региональный администратор' },
  },
  // The council's token, checked by platform/auth/council-auth.ts.
  reports: {
    noCouncilToken: 'Нужен токен экспертного совета: Authorization: Bearer <токен>. Его выпускает администратор (profrost council-token create).',
    badCouncilToken: 'Токен экспертного совета не подходит или отозван. Попросите администратора выпустить новый.',
  },
  // The methodists' admin pages (server/platform/admin/ and each feature's admin pages).
  adminPages: {
    product: 'ПрофРост — методическая служба',
    sections: {
      overview: 'Обзор',
      teachers: 'Педагоги',
      programs: 'Программы ДПО',
      demand: 'Спрос',
      effectiveness: 'Эффективность',
      roster: 'Ростер',
      diagnostics: 'Диагностики',
      audit: 'Журнал действий',
    },
    mainNav: 'Разделы',
    loggedInAs: (login: string, role: string) => `${login} (${role})`,
    scopeAll: 'вся республика',
    logout: 'Выйти',
    notFound: 'Такой страницы нет.',
    forbiddenTitle: 'Доступ запрещён',
    errorTitle: 'Ошибка',
    notFoundTitle: 'Страница не найдена',
    forbidden: 'Эта страница вам недоступна: она относится к другому муниципалитету или требует прав регионального администратора.',
    backToStart: 'Вернуться к списку педагогов',
    tooLarge: 'Файл слишком большой: можно загрузить не больше 5 МБ.',
    badOrigin: 'Запрос пришёл не со страницы ПрофРоста и отклонён. Откройте страницу заново и повторите.',
    badCsrf: 'Форма устарела (например, после повторного входа). Откройте страницу заново и повторите действие.',
    internal: 'Внутренняя ошибка сервера. Попробуйте ещё раз; если не поможет — сообщите администратору.',
    pager: (page: number, pages: number, total: number) => `Страница ${page} из ${pages}; всего ${total}`,
    previous: '← Назад',
    next: 'Дальше →',
    nothingFound: 'Ничего не найдено.',
    filter: 'Показать',
    resetFilter: 'Сбросить',
    sending: 'Отправляется…',
    yes: 'да',
    no: 'нет',
    // Sign-in.
    login: {
      title: 'Вход для методистов',
      login: 'Логин',
      password: 'Пароль',
      submit: 'Войти',
      failed: 'Неверный логин или пароль.',
      locked: (minutes: number) => `Слишком много неудачных попыток входа: учётная запись заблокирована на ${minutes} мин. Попробуйте позже.`,
      rateLimited: (seconds: number) => `Слишком много попыток входа с этого адреса. Повторите через ${seconds} с.`,
      missing: 'Введите логин и пароль.',
      loggedOut: 'Вы вышли из ПрофРоста.',
      expired: 'Сеанс закончился: войдите снова.',
    },
    imports: {
      file: 'Файл CSV (UTF-8, разделитель «,» или «;»)',
      preview: 'Проверить файл',
      noFile: 'Выберите файл.',
      previewTitle: 'Проверка файла',
      summary: (rows: number, valid: number, invalid: number) => `Строк в файле: ${rows}; без ошибок: ${valid}; с ошибками: ${invalid}.`,
      invalidTitle: 'Строки с ошибками (ничего ещё не сохранено)',
      line: 'Строка',
      reason: 'Ошибка',
      allValid: 'Ошибок нет. Ничего ещё не сохранено: проверьте и подтвердите загрузку.',
      confirm: 'Загрузить',
      confirmSkipping: (valid: number) => `Загрузить ${valid} строк без ошибок, пропустив остальные`,
      nothingValid: 'В файле нет ни одной строки без ошибок: исправьте файл и загрузите его снова.',
      another: 'Загрузить другой файл',
      expired: 'Проверенный файл больше недоступен (прошло больше 30 минут или вы вышли). Загрузите его снова.',
      notImported: 'Ничего не сохранено: в файле есть строки с ошибками.',
      catalogueDone: (created: number, updated: number, runs: number, skipped: number) =>
        `Каталог загружен: новых программ ${created}, обновлено ${updated}, потоков ${runs}` + (skipped ? `; пропущено строк с ошибками: ${skipped}.` : '.'),
      notYourMunicipality: (municipality: string) => `можно загружать только программы своего муниципалитета («${municipality}»)`,
      programOfOtherMunicipality: (programId: string) => `программу «${programId}» ведёт другой муниципалитет или региональный оператор`,
      teacherOfOtherMunicipality: (municipality: string) => `можно загружать только педагогов своего муниципалитета («${municipality}»)`,
      catalogueColumns: 'Столбцы: program_id, title, provider, hours, format, competencies, municipality, registry_url, run_id, start, end, seats — одна строка на поток.',
      rosterColumns: 'Столбцы: Фамилия, Имя, Отчество, Муниципалитет, Школа, Должность, Предметы, Стаж (или last_name, first_name, …).',
    },
  },
} as const;
