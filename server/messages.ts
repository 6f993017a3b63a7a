import { messages as platform } from './platform/messages.ts';

/**
 * The sentences of the composition (starting the server, the `profrost` command's help),
 * beside the platform's. Every feature keeps its own in its messages.ts.
 */
export const messages = {
  ...platform,
  start: {
    listening: (url: string) => `ПрофРост работает: ${url}`,
    dataDir: (dir: string) => `Данные хранятся в ${dir}`,
    demoJournal: (url: string) => `Демонстрационный журнал: ${url}/demo/journal`,
    adminPages: (url: string) => `Страницы методистов: ${url}/admin`,
    portBusy: (port: number) => `Порт ${port} уже занят другой программой. Освободите его или задайте другой в переменной PORT.`,
  },
  cli: {
    usage: `Использование: profrost <команда>

Команды:
  serve      запустить сервер (настройки — в переменных окружения, см. README)
  demo       добавить демонстрационные данные в базу
  backup ФАЙЛ | ПАПКА/ [--keep N] [--timeout МИНУТ]
             записать согласованную проверенную копию базы (можно при работающем сервере);
             в папку — с именем по времени, --keep N оставляет последние N копий
  restore ФАЙЛ  восстановить базу из копии (сервер должен быть остановлен)
  programs import ФАЙЛ.csv [--skip-invalid]
             загрузить каталог программ ДПО из CSV (повторная загрузка обновляет)
  roster import ФАЙЛ.csv [--codes-out КОДЫ.csv] [--skip-invalid]
             загрузить реестр педагогов; новым выдаются коды подключения
  staff add --login ЛОГИН --role methodist|admin [--municipality МУНИЦИПАЛИТЕТ]
             создать учётную запись сотрудника; пароль читается со стандартного ввода
  staff disable --login ЛОГИН
             отключить учётную запись сотрудника: вход закрыт, открытые сеансы завершаются
  staff reset-password --login ЛОГИН
             задать сотруднику новый пароль (со стандартного ввода); сеансы завершаются, блокировка снимается
  council-token create --name НАЗВАНИЕ
             выпустить токен экспертного совета (показывается один раз)
  council-token list
             все токены совета: номер, название, когда выпущен, отозван ли, когда получал сводки
  council-token revoke --id НОМЕР
             отозвать токен экспертного совета: сводки по нему больше не выдаются
  codes reissue --teacher НОМЕР
             выдать педагогу новый код подключения (прежний неиспользованный перестаёт действовать)
  devices revoke --teacher НОМЕР
             отозвать токены всех устройств педагога
  journals publish ФАЙЛ.json
             опубликовать поправки адаптеров электронных журналов для расширения
  journals clear
             отменить все поправки: расширение вернётся к встроенным адаптерам
  help       эта справка`,
    unknownCommand: (name: string) => `Неизвестная команда «${name}». Список команд: profrost help`,
    failed: (reason: string) => `Ошибка: ${reason}`,
  },
} as const;
