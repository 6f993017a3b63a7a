import { messages as platform } from '../../platform/messages.ts';

/**
 * The demo's sentences: what `npm start` and `profrost demo` print.
 */
export const messages = {
  ...platform,
  demo: {
    seeded: 'Созданы демонстрационные данные. Они показываются один раз — сохраните их:',
    alreadySeeded: 'Демонстрационные данные уже есть в этой базе; коды и пароли показывались при их создании.',
    republic: 'Республика',
    teachersHeader: 'Коды подключения педагогов (действуют 30 дней):',
    methodist: (login: string, password: string, municipality: string) => `Методист (${municipality}): логин ${login}, пароль ${password}`,
    admin: (login: string, password: string) => `Региональный администратор: логин ${login}, пароль ${password}`,
    councilToken: (token: string) => `Токен экспертного совета: ${token}`,
    councilMember: (login: string, password: string) => `Член экспертного совета (сводки и консультации): логин ${login}, пароль ${password}`,
  },
} as const;
