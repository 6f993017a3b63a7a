/**
 * Every sentence the server shows a person, in one place, so that a
 * translation can be added beside it.
 */
export const messages = {
  config: {
    invalid: (variable: string, problem: string, value: string) =>
      `Переменная окружения ${variable}: ${problem} (сейчас «${value}»).`,
    port: 'нужно целое число от 1 до 65535',
    url: 'нужен адрес вида http://хост:порт',
    flag: 'нужно 1 или 0 (также true/false, yes/no, on/off)',
    dir: 'нужен путь к папке',
  },
  storage: {
    tooNew: (found: number, known: number) =>
      `База данных создана более новой версией ПрофРоста (схема ${found}), а эта версия знает схему до ${known}. Обновите ПрофРост или восстановите резервную копию.`,
    cannotOpen: (file: string, reason: string) => `Не удалось открыть базу данных ${file}: ${reason}`,
  },
  start: {
    listening: (url: string) => `ПрофРост работает: ${url}`,
    dataDir: (dir: string) => `Данные хранятся в ${dir}`,
    demoJournal: (url: string) => `Демонстрационный журнал: ${url}/demo/journal`,
    portBusy: (port: number) => `Порт ${port} уже занят другой программой. Освободите его или задайте другой в переменной PORT.`,
  },
  demo: {
    seeded: 'Созданы демонстрационные данные. Они показываются один раз — сохраните их:',
    alreadySeeded: 'Демонстрационные данные уже есть в этой базе; коды и пароли показывались при их создании.',
    republic: 'Республика',
    teachersHeader: 'Коды подключения педагогов (действуют 30 дней):',
    methodist: (login: string, password: string, municipality: string) =>
      `Методист (${municipality}): логин ${login}, пароль ${password}`,
    admin: (login: string, password: string) => `Региональный администратор: логин ${login}, пароль ${password}`,
    councilToken: (token: string) => `Токен экспертного совета: ${token}`,
  },
  cli: {
    usage: `Использование: profrost <команда>

Команды:
  serve      запустить сервер (настройки — в переменных окружения, см. README)
  demo       добавить демонстрационные данные в базу
  backup ФАЙЛ   записать согласованную копию базы (можно при работающем сервере)
  restore ФАЙЛ  восстановить базу из копии (сервер должен быть остановлен)
  help       эта справка`,
    unknownCommand: (name: string) => `Неизвестная команда «${name}». Список команд: profrost help`,
    failed: (reason: string) => `Ошибка: ${reason}`,
  },
  auth: {
    noToken: 'Нужен токен устройства: подключите расширение кодом, который выдал методист.',
    badToken: 'Токен устройства не действует: он отозван или неизвестен. Подключите устройство заново.',
  },
  enroll: {
    unknown: 'Такого кода подключения нет. Проверьте, что код введён без ошибок.',
    used: 'Этот код подключения уже использован. Попросите у методиста новый.',
    expired: 'Срок действия кода подключения истёк. Попросите у методиста новый.',
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
} as const;
