import { summaryColumnHeaders } from '../../../shared/api/summaries.ts';
import { competencyTitles, levelTitles } from '../../../shared/competencies.ts';
import { countOf } from '../../../shared/format/russian.ts';
import { messages as platform } from '../../platform/messages.ts';

/**
 * The council's summaries: their columns and names, what is hidden, the council's token from the CLI.
 */
export const messages = {
  ...platform,
  reports: {
    ...platform.reports,
    competencyTitles,
    experienceBandNames: {
      early: 'молодые педагоги (стаж до 3 лет)',
      y3to10: 'стаж 3–10 лет',
      y11to20: 'стаж 11–20 лет',
      y21plus: 'стаж более 20 лет',
      unknown: 'стаж не указан',
    },
    republic: 'Вся республика',
    suppressedCell: 'скрыто',
    suppressedNote: (minGroup: number) =>
      `«скрыто» — число меньше ${countOf(minGroup, { one: 'педагога', few: 'педагогов', many: 'педагогов' })} или число, по которому такое можно вычислить; так отдельных педагогов нельзя узнать по сводке.`,
    /** The council's CSV headers are part of the API contract (shared/api/summaries.ts). */
    columns: summaryColumnHeaders,
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
    levelNames: levelTitles,
    badPeriod: 'учебный год пишется как 2025-2026: год начала и следующий за ним',
    badGrouping: (report: string, allowed: string) => `Сводку ${report} можно сгруппировать только так: by=${allowed}.`,
    unknownMunicipality: 'Такого муниципалитета нет.',
  },
  admin: {
    ...platform.admin,
    usageCouncil: 'profrost council-token create --name НАЗВАНИЕ | list | revoke --id НОМЕР',
    councilTokensNone: 'Токенов экспертного совета нет. Выпустить: profrost council-token create --name НАЗВАНИЕ.',
    councilTokenLine: (id: number, name: string, created: string, state: string, lastPull: string | null) =>
      `№ ${id}  «${name}»  выпущен ${created}  ${state}  ${lastPull ? `последняя сводка ${lastPull}` : 'сводок не получал'}`,
    councilTokenLive: 'действует',
    councilTokenRevokedAt: (at: string) => `отозван ${at}`,
    badTokenId: (value: string) => `«${value}» — не номер токена: укажите число из profrost council-token list.`,
    noLiveToken: (id: number) => `Действующего токена экспертного совета с номером ${id} нет (profrost council-token list покажет все).`,
    councilTokenRevoked: (id: number, name: string) => `Токен № ${id} «${name}» отозван: сводки по нему больше не выдаются.`,
    badName: 'Название токена: от 1 до 200 знаков.',
    councilToken: (name: string, token: string) => `Токен экспертного совета «${name}» (показывается один раз, сохраните его):\n${token}`,
  },
} as const;
