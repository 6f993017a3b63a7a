/**
 * Every sentence the server shows a person, in one place, so that a
 * translation can be added beside it.
 */
import { reportColumnHeaders } from '../shared/api/reports.ts';

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
  programs import ФАЙЛ.csv [--skip-invalid]
             загрузить каталог программ ДПО из CSV (повторная загрузка обновляет)
  roster import ФАЙЛ.csv [--codes-out КОДЫ.csv] [--skip-invalid]
             загрузить список педагогов; новым выдаются коды подключения
  staff add --login ЛОГИН --role methodist|admin [--municipality МУНИЦИПАЛИТЕТ]
             создать учётную запись сотрудника; пароль читается со стандартного ввода
  council-token create --name НАЗВАНИЕ
             выпустить токен экспертного совета (показывается один раз)
  codes reissue --teacher НОМЕР
             выдать педагогу новый код подключения (прежний неиспользованный перестаёт действовать)
  devices revoke --teacher НОМЕР
             отозвать токены всех устройств педагога
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
  diagnostics: {
    instrumentNotFound: 'Такой диагностики нет.',
    versionUnknown: (id: string, version: number) =>
      `Версии ${version} диагностики «${id}» на сервере нет. Обновите расширение или начните диагностику заново.`,
    attemptConflict: 'Попытка с этим идентификатором уже сохранена с другими ответами; она не перезаписывается.',
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
  // The ДПО catalogue, sign-ups and feedback (server/routes/programs.ts, server/storage/enrollments.ts).
  programs: {
    unknownMunicipality: (name: string) => `Муниципалитета «${name}» нет в справочнике.`,
    programNotFound: 'Такой программы в каталоге нет.',
    runNotFound: 'У этой программы нет такого потока.',
    archived: 'Программа перенесена в архив: записаться на неё больше нельзя.',
    runEnded: 'Этот поток уже закончился: выберите другой.',
    idReused: 'Запись с таким идентификатором уже есть, но с другими данными. Создайте новую запись с новым идентификатором.',
    alreadyEnrolled: (status: string) => `Вы уже записаны на этот поток (${status}). Повторная запись не нужна.`,
    /** Also what the CSV import accepts in the competencies column. */
    competencyNames: {
      subject: 'предметная',
      methodical: 'методическая',
      psychoPedagogical: 'психолого-педагогическая',
      communicative: 'коммуникативная',
      digital: 'цифровая',
    },
    /** Also what the CSV import accepts in the format column. */
    formatNames: { ochno: 'очно', ochnoZaochno: 'очно-заочно', distance: 'дистанционно' },
    statusNames: {
      confirmed: 'место подтверждено',
      waitlisted: 'в листе ожидания',
      completed: 'обучение завершено',
      cancelled: 'запись отменена',
    },
    enrollmentNotFound: 'Такой записи нет.',
    cannotCancelCompleted: 'Обучение по этой записи уже завершено: отменить её нельзя.',
    feedbackNotCompleted: 'Отзыв можно оставить только после завершения обучения.',
    cannotComplete: (status: string) => `Завершить можно только подтверждённую запись, а эта — ${status}.`,
  },
  // The teacher's ИОМ (server/routes/route.ts, server/route/seed-route.ts).
  route: {
    itemNotFound: 'Такого пункта в вашем маршруте нет.',
  },
  // Loading the catalogue from a CSV file (server/catalogue/import-programs.ts, profrost programs import).
  catalogueImport: {
    notUtf8: 'Файл не в кодировке UTF-8. Сохраните его из таблицы как «CSV UTF-8» и загрузите снова.',
    empty: 'Файл пуст: в нём нет даже строки заголовка.',
    noRows: 'В файле есть заголовок, но нет ни одной строки с потоком.',
    missingColumns: (columns: string) => `В заголовке нет обязательных столбцов: ${columns}.`,
    unreadable: (line: number) => `Файл не читается как CSV около строки ${line}: проверьте кавычки и разделители.`,
    columnCount: (found: number, expected: number) => `в строке ${found} столбцов, а в заголовке ${expected}`,
    notInteger: (column: string) => `столбец «${column}»: нужно целое число`,
    badDate: (column: string) => `столбец «${column}»: нужна дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ`,
    badFormat: (value: string) => `столбец «format»: «${value}» — не формат; допустимо очно, очно-заочно, дистанционно`,
    badCompetency: (value: string) =>
      `столбец «competencies»: «${value}» — не компетенция; допустимо предметная, методическая, психолого-педагогическая, коммуникативная, цифровая`,
    noCompetencies: 'столбец «competencies»: укажите хотя бы одну компетенцию',
    unknownMunicipality: (name: string) => `столбец «municipality»: муниципалитета «${name}» нет в справочнике (оставьте пустым для всей республики)`,
    column: (column: string, problem: string) => `столбец «${column}»: ${problem}`,
    programDiffers: (programId: string, line: number, column: string) =>
      `данные программы «${programId}» расходятся со строкой ${line} (столбец «${column}»)`,
    duplicateRun: (runId: string, line: number) => `поток «${runId}» уже встречался в строке ${line}`,
    runOfOtherProgram: (runId: string, programId: string) => `поток «${runId}» уже принадлежит программе «${programId}»`,
    invalidRow: (line: number, reason: string) => `строка ${line}: ${reason}`,
    usage: 'Укажите файл: profrost programs import ФАЙЛ.csv [--skip-invalid]',
    fileMissing: (file: string) => `Файла ${file} нет.`,
    notImported: (count: number) =>
      `Каталог не загружен: строк с ошибками — ${count} (список выше). Исправьте их или запустите с --skip-invalid, чтобы загрузить остальные.`,
    imported: (created: number, updated: number, runs: number, skipped: number) =>
      `Каталог загружен: новых программ ${created}, обновлено ${updated}, потоков ${runs}` +
      (skipped ? `; пропущено строк с ошибками: ${skipped}.` : '.'),
  },
  // The teacher's own record (server/routes/me.ts).
  me: {
    nothingToChange: 'Неверные данные: не указано ни одного поля для изменения.',
  },
  // Limits on how often a client may call an endpoint (server/api/rate-limit.ts).
  rateLimit: {
    tooMany: (seconds: number) => `Слишком много попыток. Повторите через ${seconds} с.`,
  },
  // Loading the list of teachers from a CSV file (server/roster/, profrost roster import).
  roster: {
    notUtf8: 'Файл не в кодировке UTF-8. Сохраните его из таблицы как «CSV UTF-8» и загрузите снова.',
    empty: 'Файл пуст: в нём нет даже строки заголовка.',
    noRows: 'В файле есть заголовок, но нет ни одной строки с педагогом.',
    missingColumns: (columns: string) => `В заголовке нет обязательных столбцов: ${columns}.`,
    duplicateColumn: (column: string) => `Столбец «${column}» указан в заголовке дважды.`,
    unreadable: (line: number) => `Файл не читается как CSV около строки ${line}: проверьте кавычки и разделители.`,
    columnCount: (found: number, expected: number) => `в строке ${found} столбцов, а в заголовке ${expected}`,
    column: (column: string, problem: string) => `столбец «${column}»: ${problem}`,
    duplicateRow: (line: number) => `тот же педагог (ФИО и школа), что в строке ${line}`,
    invalidRow: (line: number, reason: string) => `строка ${line}: ${reason}`,
    /** Column titles as the file and the messages name them. */
    columnNames: {
      lastName: 'Фамилия',
      firstName: 'Имя',
      middleName: 'Отчество',
      municipality: 'Муниципалитет',
      school: 'Школа',
      position: 'Должность',
      subjects: 'Предметы',
      experienceYears: 'Стаж',
    },
    codesHeader: ['Фамилия', 'Имя', 'Отчество', 'Школа', 'Код', 'Действует до'],
    usage: 'Укажите файл: profrost roster import ФАЙЛ.csv [--codes-out КОДЫ.csv] [--skip-invalid]',
    fileMissing: (file: string) => `Файла ${file} нет.`,
    codesOutExists: (file: string) => `Файл ${file} уже существует; коды подключения не записываются поверх другого файла.`,
    codesOutUnwritable: (file: string, reason: string) => `Не удалось создать файл ${file}: ${reason}`,
    notImported: (count: number) =>
      `Педагоги не загружены: строк с ошибками — ${count} (список выше). Исправьте их или запустите с --skip-invalid, чтобы загрузить остальные.`,
    summary: (created: number, existing: number, invalid: number) =>
      `Импортировано: ${created}, уже были: ${existing}, с ошибками: ${invalid}`,
    codesWritten: (count: number, file: string) => `Коды подключения новых педагогов (${count}) записаны в ${file}. Передайте их педагогам лично.`,
    codesHeading: 'Коды подключения новых педагогов (показываются один раз):',
    codeLine: (code: string, name: string, school: string, expires: string) => `  ${code}  ${name}, ${school} (действует до ${expires})`,
  },
  // Aggregates, the council's summaries and the report pages (server/reports/, server/routes/reports.ts).
  reports: {
    competencyTitles: {
      subject: 'Предметная',
      methodical: 'Методическая',
      psychoPedagogical: 'Психолого-педагогическая',
      communicative: 'Коммуникативная',
      digital: 'Цифровая',
    },
    bandNames: {
      early: 'молодые педагоги (стаж до 3 лет)',
      y3to10: 'стаж 3–10 лет',
      y11to20: 'стаж 11–20 лет',
      y21plus: 'стаж более 20 лет',
      unknown: 'стаж не указан',
    },
    republic: 'Вся республика',
    suppressedCell: 'скрыто',
    suppressedNote: (k: number) =>
      `«скрыто» — число меньше ${k} педагогов или число, по которому такое можно вычислить; так отдельных педагогов нельзя узнать по сводке.`,
    /** The council's CSV headers are part of the API contract (shared/api/reports.ts). */
    columns: reportColumnHeaders,
    exportColumns: {
      teacherId: 'Номер педагога',
      lastName: 'Фамилия',
      firstName: 'Имя',
      middleName: 'Отчество',
      municipality: 'Муниципалитет',
      school: 'Образовательная организация',
      position: 'Должность',
      experienceYears: 'Стаж, лет',
      period: 'Учебный год',
      level: (competency: string) => `${competency}: уровень`,
      score: (competency: string) => `${competency}: балл`,
    },
    levelNames: {
      highDeficit: 'выраженный дефицит',
      moderateDeficit: 'умеренный дефицит',
      noDeficit: 'нет дефицита',
      insufficientData: 'недостаточно данных',
    },
    views: {
      period: 'Учебный год',
      show: 'Показать',
      noData: 'За этот учебный год результатов диагностики пока нет.',
      suppressedShort: 'скрыто',
      number: (value: number) => String(value).replace('.', ','),
      percent: (value: number) => `${String(value).replace('.', ',')}%`,
      points: (value: number) => `${value > 0 ? '+' : ''}${String(value).replace('.', ',')}`,
      dashboard: {
        title: (scope: string, period: string) => `Обзор: ${scope}, ${period} учебный год`,
        participation: 'Охват диагностикой',
        roster: 'педагогов в реестре',
        connected: 'подключили расширение',
        diagnosed: 'прошли диагностику',
        diagnosedShare: 'доля прошедших',
        heatmap: 'Дефициты по компетенциям',
        heatmapHint: 'В клетке — доля педагогов с дефицитом; наведите указатель, чтобы увидеть число педагогов и средний балл. Чем темнее, тем больше дефицитов.',
        unitMunicipality: 'Муниципалитет',
        unitSchool: 'Образовательная организация',
        cell: (unit: string, competency: string, share: string, deficit: string, scored: string, mean: string) =>
          `${unit} — ${competency}: с дефицитом ${share} (${deficit} из ${scored}), средний балл ${mean}`,
        topDeficits: 'Самые частые дефициты',
        earlyCareer: 'Молодые педагоги (стаж до 3 лет)',
        earlyCareerNone: 'Результатов молодых педагогов за этот год нет.',
        bar: (competency: string, share: string, deficit: string, scored: string) => `${competency}: с дефицитом ${share} (${deficit} из ${scored})`,
        growth: (previous: string) => `Рост к ${previous} учебному году`,
        growthHint: 'Сравниваются одни и те же педагоги: те, у кого есть балл по компетенции в обоих учебных годах.',
        growthNone: 'Педагогов с диагностикой в обоих учебных годах пока нет.',
        growthBar: (competency: string, delta: string, before: string, after: string, paired: string) =>
          `${competency}: ${delta} балла (было ${before}, стало ${after}; педагогов: ${paired})`,
      },
      demand: {
        title: (scope: string, period: string) => `Спрос на программы (образовательный заказ): ${scope}, ${period} учебный год`,
        intro:
          'Педагоги с дефицитом по компетенции рядом с местами в потоках программ, которые на неё направлены и начинаются в этом учебном году. Места республиканских программ открыты всем муниципалитетам, поэтому из спроса муниципалитета вычитаются только места его собственных программ. Программа сразу по двум компетенциям засчитывается обеим, так что необеспеченный спрос — нижняя оценка.',
        chart: 'Дефициты и места по компетенциям',
        deficitBar: (competency: string, value: string) => `${competency}: педагогов с дефицитом — ${value}`,
        seatsBar: (competency: string, value: string) => `${competency}: мест в программах — ${value}`,
        legendDeficit: 'педагогов с дефицитом',
        legendSeats: 'мест в программах',
        byMunicipality: 'По муниципалитетам',
      },
      effectiveness: {
        title: (scope: string, period: string) => `Эффективность программ: ${scope}, потоки, закончившиеся в ${period} учебном году`,
        method:
          'Рост завершивших — разность балла по компетенции, на которую направлена программа, между последней диагностикой до начала потока и первой диагностикой тем же инструментом после его окончания. Сопоставимые педагоги — те, кто эту программу не проходил, с тем же уровнем до начала и диагностикой за те же даты; их рост взвешен так, чтобы доли уровней совпадали с завершившими. Разница между ростом двух групп — видимый эффект программы, а не доказательство: педагоги выбирали программу сами.',
        none: 'Потоков, закончившихся в этом учебном году, нет.',
        completers: 'завершившие',
        comparison: 'сопоставимые без программы',
        bar: (group: string, program: string, competency: string, delta: string, count: string) =>
          `${program} — ${competency}, ${group}: ${delta} балла (педагогов: ${count})`,
      },
    },
    badPeriod: 'учебный год пишется как 2025-2026: год начала и следующий за ним',
    badGrouping: (report: string, allowed: string) => `Сводку ${report} можно сгруппировать только так: by=${allowed}.`,
    unknownMunicipality: 'Такого муниципалитета нет.',
    noCouncilToken: 'Нужен токен экспертного совета: Authorization: Bearer <токен>. Его выпускает администратор (profrost council-token create).',
    badCouncilToken: 'Токен экспертного совета не подходит или отозван. Попросите администратора выпустить новый.',
  },
  // Account and access commands of the CLI (server/cli/admin-commands.ts).
  admin: {
    badArguments: (usage: string) => `Неверные параметры команды. Использование: ${usage}`,
    missingOption: (option: string, usage: string) => `Не указан параметр ${option}. Использование: ${usage}`,
    usageStaff: 'profrost staff add --login ЛОГИН --role methodist|admin [--municipality МУНИЦИПАЛИТЕТ]',
    usageCouncil: 'profrost council-token create --name НАЗВАНИЕ',
    usageCodes: 'profrost codes reissue --teacher НОМЕР',
    usageDevices: 'profrost devices revoke --teacher НОМЕР',
    badLogin: 'Логин: от 3 до 64 латинских букв, цифр, «.», «_», «-».',
    badRole: (role: string) => `Роль «${role}» неизвестна: допустимо methodist (методист муниципалитета) или admin (региональный администратор).`,
    methodistNeedsMunicipality: 'Методисту нужен муниципалитет: укажите --municipality.',
    adminNoMunicipality: 'Региональный администратор видит всю республику: --municipality для него не указывается.',
    unknownMunicipality: (name: string) => `Муниципалитета «${name}» нет в базе. Сначала загрузите список педагогов (profrost roster import).`,
    duplicateLogin: (login: string) => `Логин «${login}» уже занят.`,
    passwordPrompt: 'Пароль (не короче 10 знаков), затем Enter: ',
    shortPassword: (min: number) => `Пароль слишком короткий: нужно не меньше ${min} знаков. Передайте его на стандартный ввод.`,
    staffAdded: (login: string, role: string) => `Учётная запись «${login}» (${role}) создана.`,
    roleNames: { methodist: 'методист', admin: 'региональный администратор' },
    badName: 'Название токена: от 1 до 200 знаков.',
    councilToken: (name: string, token: string) =>
      `Токен экспертного совета «${name}» (показывается один раз, сохраните его):\n${token}`,
    badTeacherId: (value: string) => `«${value}» — не номер педагога: нужно целое положительное число.`,
    unknownTeacher: (id: number) => `Педагога с номером ${id} нет.`,
    erasedTeacher: (id: number) => `Персональные данные педагога ${id} удалены по его запросу: код подключения выдать нельзя.`,
    codeIssued: (name: string, code: string, expires: string) =>
      `Новый код подключения для ${name}: ${code} (действует до ${expires}). Прежний неиспользованный код больше не действует.`,
    devicesRevoked: (count: number, name: string) =>
      count ? `Отозвано устройств: ${count} (${name}). Их токены больше не действуют.` : `У педагога ${name} нет действующих устройств.`,
  },
} as const;
