import { messages as platform } from '../../platform/messages.ts';

/**
 * The audit log page.
 */
export const messages = {
  ...platform,
  adminPages: {
    ...platform.adminPages,
    audit: {
      title: 'Журнал действий',
      at: 'Когда',
      actor: 'Кто',
      action: 'Действие',
      target: 'Над чем',
      details: 'Подробности',
      onlyMine: 'Показаны действия сотрудников вашего муниципалитета и действия над его педагогами.',
      actionFilter: 'Действие',
      anyAction: 'все действия',
      /** What each audit action means; an action not listed here is shown by its code. */
      actionNames: {
        'staff.login': 'вход',
        'staff.login_failed': 'неудачная попытка входа',
        'staff.logout': 'выход',
        'staff.add': 'создана учётная запись',
        'council_token.create': 'выпущен токен экспертного совета',
        'code.reissue': 'выдан код подключения',
        'devices.revoke': 'отозваны устройства',
        'roster.import': 'загружен реестр педагогов',
        'catalogue.import': 'загружен каталог программ',
        'program.create': 'создана программа',
        'program.update': 'изменена программа',
        'program.archive': 'программа перенесена в архив',
        'program.unarchive': 'программа возвращена из архива',
        'run.create': 'добавлен поток',
        'run.update': 'изменён поток',
        'instrument.upload': 'загружена версия диагностики',
        'enrollment.complete': 'отмечено завершение обучения',
        'teacher.erase': 'удалены данные педагога по его запросу',
      } as Record<string, string>,
    },
  },
} as const;
