import { countOf, formatNumber, formatPercent, formatSigned } from '../../../shared/format/russian.ts';
import { messages as summaries } from '../summaries/messages.ts';

/**
 * The staff's report pages (Обзор, Спрос, Эффективность) and the teacher export, in the summaries' words.
 */
export const messages = {
  ...summaries,
  reports: {
    ...summaries.reports,
    views: {
      period: 'Учебный год',
      show: 'Показать',
      /** The subject filter's own button: two buttons of one name on a page cannot be told apart by a screen reader's list. */
      showSubject: 'Показать предмет',
      noData: 'За этот учебный год результатов диагностики пока нет.',
      suppressedShort: 'скрыто',
      number: formatNumber,
      percent: formatPercent,
      points: formatSigned,
      dashboard: {
        title: (scope: string, period: string) => `Обзор: ${scope}, ${period} учебный год`,
        bySubject: 'Дефициты по предметам',
        bySubjectHint:
          'Педагоги по предметам из реестра: учитель двух предметов считается в каждом, поэтому строки предметов не складываются в итог. Малые группы скрыты, как и в остальных сводках.',
        subject: 'Предмет',
        anySubject: 'все предметы',
        bySubjectNone: 'По предметам данных за этот учебный год нет.',
        participation: 'Охват диагностикой',
        roster: 'педагогов в реестре',
        connected: 'подключили расширение',
        diagnosed: 'прошли диагностику',
        diagnosedShare: 'доля прошедших',
        heatmap: 'Дефициты по компетенциям',
        heatmapHint:
          'В клетке — доля педагогов с дефицитом; чем темнее, тем больше дефицитов. Число педагогов и средний балл каждой клетки — в таблице под схемой.',
        unitMunicipality: 'Муниципалитет',
        unitSchool: 'Образовательная организация',
        cell: (unit: string, competency: string, share: string, deficit: string, scored: string, mean: string) =>
          `${unit} — ${competency}: с дефицитом ${share} (${deficit} из ${scored}), средний балл ${mean}`,
        topDeficits: 'Самые частые дефициты',
        earlyCareer: 'Молодые педагоги (стаж до 3 лет)',
        earlyCareerNone: 'Результатов молодых педагогов за этот год нет.',
        bar: (competency: string, share: string, deficit: string, scored: string) => `${competency}: с дефицитом ${share} (${deficit} из ${scored})`,
        growth: (previous: string) => `Приращение относительно ${previous} учебного года`,
        growthHint: 'Сравниваются одни и те же педагоги: те, у кого есть балл по компетенции в обоих учебных годах.',
        growthNone: 'Педагогов с диагностикой в обоих учебных годах пока нет.',
        routes: 'Индивидуальные образовательные маршруты (ИОМ)',
        routesHint:
          'ИОМ и согласование — как сейчас; выполненные пункты — отмеченные в этом учебном году; дефицит закрыт, если он был на первой в году диагностике по компетенции и его нет на последней.',
        mentoring: 'Наставничество',
        mentoringHint:
          'Молодые педагоги (стаж до 3 лет) с наставником — как сейчас; встречи — отмеченные наставниками в этом учебном году, на одну действующую пару в месяц. Рост наставляемых рядом с сопоставимыми педагогами без наставника — в разделе «Наставничество».',
        growthBar: (competency: string, delta: string, before: string, after: string, paired: string) =>
          `${competency}: приращение ${delta} (было ${before}, стало ${after}; педагогов: ${paired})`,
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
          'Приращение у завершивших — разность балла по компетенции, на которую направлена программа, между последней диагностикой до начала потока и первой диагностикой той же диагностикой после его окончания. Сопоставимые педагоги — те, кто эту программу не проходил, с тем же уровнем до начала и диагностикой за те же даты; их приращение взвешено так, чтобы доли уровней совпадали с завершившими. Разница между приращениями двух групп — видимый эффект программы, а не доказательство: педагоги выбирали программу сами.',
        none: (period: string) =>
          `Потоков, закончившихся в ${period} учебном году, пока нет, а эффективность считается только по закончившимся потокам. Выберите прошлый учебный год выше или вернитесь сюда, когда закончатся первые потоки и завершившие пройдут диагностику снова.`,
        completersHidden: (minGroup: number) =>
          `завершивших с повторной диагностикой меньше ${countOf(minGroup, { one: 'педагога', few: 'педагогов', many: 'педагогов' })}: их приращение скрыто`,
        completers: 'завершившие',
        comparison: 'сопоставимые без программы',
        bar: (group: string, program: string, competency: string, delta: string, count: string) =>
          `${program} — ${competency}, ${group}: приращение ${delta} (педагогов: ${count})`,
      },
    },
  },
  adminPages: {
    ...summaries.adminPages,
    // Журнал действий.
    reportPages: {
      exportTeachers: 'Выгрузить педагогов с уровнями (CSV)',
      exportTeachersExcel: 'то же для Excel',
      exportHint: 'По одной строке на педагога: уровень и балл по каждой компетенции за выбранный учебный год. Скрининг выгорания не выгружается.',
      badPeriodTitle: 'Неверный учебный год',
      stillCounting: (n: number) =>
        `Диагностики, сданные только что (${n}), ещё учитываются: обновите страницу через несколько секунд, чтобы они вошли в цифры.`,
    },
  },
} as const;
