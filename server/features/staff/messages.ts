import { messages as platform } from '../../platform/messages.ts';

/**
 * Staff accounts from the CLI.
 */
export const messages = {
  ...platform,
  admin: {
    ...platform.admin,
    usageStaff:
      'profrost staff add --login ЛОГИН --role methodist|admin|council|coordinator [--municipality МУНИЦИПАЛИТЕТ] [--school ОРГАНИЗАЦИЯ] | staff disable --login ЛОГИН | staff reset-password --login ЛОГИН',
    unknownLogin: (login: string) => `Учётной записи «${login}» нет.`,
    alreadyDisabled: (login: string) => `Учётная запись «${login}» уже отключена.`,
    staffDisabled: (login: string, sessions: number) =>
      `Учётная запись «${login}» отключена: войти с ней больше нельзя${sessions ? `, открытых сеансов завершено: ${sessions}` : ''}.`,
    passwordReset: (login: string, sessions: number) =>
      `Пароль «${login}» заменён, блокировка после неудачных попыток снята${sessions ? `, открытых сеансов завершено: ${sessions}` : ''}.`,
    badLogin: 'Логин: от 3 до 64 латинских букв, цифр, «.», «_», «-».',
    badRole: (role: string) =>
      `Роль «${role}» неизвестна: допустимо methodist (методист муниципалитета), admin (региональный администратор), council (член экспертного совета) или coordinator (координатор наставничества в школе).`,
    coordinatorNeedsSchool: 'Координатору наставничества нужны муниципалитет и образовательная организация: укажите --municipality и --school.',
    schoolOnlyForCoordinator: '--school указывается только для координатора наставничества (--role coordinator).',
    unknownSchool: (school: string, municipality: string) =>
      `Образовательной организации «${school}» нет среди школ муниципалитета «${municipality}». Название — как в реестре педагогов.`,
    methodistNeedsMunicipality: 'Методисту нужен муниципалитет: укажите --municipality.',
    adminNoMunicipality: 'Региональный администратор видит всю республику: --municipality для него не указывается.',
    councilNoMunicipality: 'Член экспертного совета видит сводки всей республики: --municipality для него не указывается.',
    unknownMunicipality: (name: string) => `Муниципалитета «${name}» нет в базе. Сначала загрузите реестр педагогов (profrost roster import).`,
    duplicateLogin: (login: string) => `Логин «${login}» уже занят.`,
    passwordPrompt: 'Пароль (не короче 10 знаков), затем Enter: ',
    shortPassword: (min: number) => `Пароль слишком короткий: нужно не меньше ${min} знаков. Передайте его на стандартный ввод.`,
    staffAdded: (login: string, role: string) => `Учётная запись «${login}» (${role}) создана.`,
  },
} as const;
