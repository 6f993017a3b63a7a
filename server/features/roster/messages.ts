import { messages as platform } from '../../platform/messages.ts';

/**
 * The roster: its CSV import, its admin page, and a teacher's access from the CLI (codes, devices).
 */
export const messages = {
  ...platform,
  // Loading the list of teachers from a CSV file (server/features/roster/, profrost roster import).
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
      category: 'Категория',
      status: 'Статус',
      birthYear: 'Год рождения',
    },
    codesHeader: ['Фамилия', 'Имя', 'Отчество', 'Школа', 'Код', 'Действует до'],
    usage: 'Укажите файл: profrost roster import ФАЙЛ.csv [--codes-out КОДЫ.csv] [--skip-invalid]',
    fileMissing: (file: string) => `Файла ${file} нет.`,
    codesOutExists: (file: string) => `Файл ${file} уже существует; коды подключения не записываются поверх другого файла.`,
    codesOutUnwritable: (file: string, reason: string) => `Не удалось создать файл ${file}: ${reason}`,
    notImported: (count: number) =>
      `Педагоги не загружены: строк с ошибками — ${count} (список выше). Исправьте их или запустите с --skip-invalid, чтобы загрузить остальные.`,
    summary: (created: number, existing: number, invalid: number) => `Импортировано: ${created}, уже были: ${existing}, с ошибками: ${invalid}`,
    codesWritten: (count: number, file: string) => `Коды подключения новых педагогов (${count}) записаны в ${file}. Передайте их педагогам лично.`,
    codesHeading: 'Коды подключения новых педагогов (показываются один раз):',
    codeLine: (code: string, name: string, school: string, expires: string) => `  ${code}  ${name}, ${school} (действует до ${expires})`,
  },
  admin: {
    ...platform.admin,
    usageCodes: 'profrost codes reissue --teacher НОМЕР',
    usageDevices: 'profrost devices revoke --teacher НОМЕР',
    badTeacherId: (value: string) => `«${value}» — не номер педагога: нужно целое положительное число.`,
    unknownTeacher: (id: number) => `Педагога с номером ${id} нет.`,
    erasedTeacher: (id: number) => `Персональные данные педагога ${id} удалены по его запросу: код подключения выдать нельзя.`,
    codeIssued: (name: string, code: string, expires: string) =>
      `Новый код подключения для ${name}: ${code} (действует до ${expires}). Прежний неиспользованный код больше не действует.`,
    devicesRevoked: (count: number, name: string) =>
      count ? `Отозвано устройств: ${count} (${name}). Их токены больше не действуют.` : `У педагога ${name} нет действующих устройств.`,
  },
  adminPages: {
    ...platform.adminPages,
    // Реестр педагогов.
    roster: {
      title: 'Реестр педагогов',
      importTitle: 'Загрузить реестр педагогов',
      newTeachers: (count: number) => `Новых педагогов: ${count}`,
      existingTeachers: (count: number) => `Уже есть в базе (останутся как есть): ${count}`,
      whatHappens: 'Что будет',
      willBeAdded: 'новый педагог',
      alreadyThere: 'уже есть, не меняется',
      done: (created: number, existing: number, skipped: number) =>
        `Загружено новых педагогов: ${created}; уже были: ${existing}` + (skipped ? `; пропущено строк с ошибками: ${skipped}.` : '.'),
      issueTitle: 'Выдать коды подключения',
      issueHint: 'Новые коды получат педагоги выбранной школы, у которых нет подключённого устройства. Прежние неиспользованные коды перестанут действовать.',
      issue: 'Выдать коды',
      noneToIssue: 'В этой школе все педагоги уже подключили расширение.',
      chooseSchool: 'Выберите школу.',
      codesTitle: 'Коды подключения',
      codesNote: 'Коды показываются только сейчас и только вам: скачайте файл и передайте коды педагогам лично. Файл доступен 30 минут или до выхода.',
      download: 'Скачать коды (CSV)',
      codesGone: 'Коды больше недоступны: прошло больше 30 минут или вы вышли. Выдайте новые коды.',
      codeColumn: 'Код',
      expiresColumn: 'Действует до',
      noCodes: 'Новых педагогов в файле не было, коды не выдавались.',
      revoked: (count: number, name: string) =>
        count ? `Отозвано устройств: ${count} (${name}). Их токены больше не действуют.` : `У педагога ${name} нет действующих устройств.`,
      erasedTeacher: 'Персональные данные этого педагога удалены по его запросу: код подключения выдать нельзя.',
      teachersLink: 'Педагоги и их подключение — в разделе «Педагоги».',
    },
  },
} as const;
