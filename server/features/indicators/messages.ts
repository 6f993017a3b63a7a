import { countOf, formatPercent } from '../../../shared/format/russian.ts';
import { messages as platform } from '../../platform/messages.ts';

/** «Показатели»: the admin page of the seeds' monitoring indicators. */
export const messages = {
  ...platform,
  indicators: {
    title: 'Показатели',
    lead: 'Показатели мониторинга из положения о методической работе: доли педагогов реестра в этом и в прошлом учебном году. Реестр — как сейчас, остальное — за учебный год.',
    suppressedNote: (minGroup: number) =>
      `«скрыто» — число меньше ${countOf(minGroup, { one: 'педагога', few: 'педагогов', many: 'педагогов' })} или число, по которому такое можно вычислить; как в сводках совета.`,
    period: 'Учебный год',
    show: 'Показать',
    indicator: 'Показатель',
    howComputed: 'Как считается',
    yearColumn: (period: string) => `${period} учебный год`,
    republic: 'Вся республика',
    roster: (count: number) => `Педагогов в реестре: ${countOf(count, { one: 'педагог', few: 'педагога', many: 'педагогов' })}`,
    rosterHidden: 'Педагогов в реестре: скрыто',
    nobody: 'В реестре нет педагогов.',
    share: (share: number, part: number, whole: number) => `${formatPercent(share)} (${part} из ${whole})`,
    noShare: '—',
    hidden: 'скрыто',
    notComputed: 'пока не вычисляется',
    downloads: 'Скачать по муниципалитетам:',
    csv: 'CSV',
    csvExcel: 'CSV для Excel',
    badPeriodTitle: 'Неверный учебный год',
  },
};
