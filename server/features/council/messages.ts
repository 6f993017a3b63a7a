import type { SummaryGrouping, SummaryName } from '../../../shared/api/summaries.ts';
import { countOf, formatNumber } from '../../../shared/format/russian.ts';
import { messages as reports } from '../staff-reports/messages.ts';

/**
 * The expert council's own pages (issue 23): the summaries as pages, their XLSX files, the printable meeting report.
 */
export const messages = {
  ...reports,
  council: {
    indexTitle: 'Сводки экспертного совета',
    indexLead:
      'Сводки по республике — те же, что выдаёт API экспертного совета: числа меньше K педагогов и числа, по которым их можно вычислить, скрыты. Отдельных педагогов здесь нет.',
    summaryTitles: {
      deficits: 'Дефициты',
      demand: 'Спрос (образовательный заказ)',
      participation: 'Охват диагностикой',
      growth: 'Приращение',
      programs: 'Эффективность программ',
      routes: 'ИОМ',
      indicators: 'Показатели',
      mentoring: 'Наставничество',
    } satisfies Record<SummaryName, string>,
    summaryLeads: {
      deficits: 'Педагоги с дефицитом по компетенциям: сколько получили балл, у скольких выраженный или умеренный дефицит.',
      demand: 'Педагоги с дефицитом против мест в потоках программ ДПО этого учебного года.',
      participation: 'Педагоги в реестре, подключившие расширение и прошедшие диагностику.',
      growth: 'Средний балл тех же педагогов в прошлом и в этом учебном году.',
      programs: 'Рост завершивших программу рядом с ростом сопоставимых педагогов, и их отзывы.',
      routes: 'Педагоги с ИОМ и согласованным ИОМ, выполненные пункты, закрытые за учебный год дефициты.',
      indicators: 'Показатели мониторинга по муниципалитетам: диагностика, дефициты, ИОМ, ДПО, МО, конкурсы, категории и удовлетворённость.',
      mentoring: 'Молодые педагоги (стаж до 3 лет) с наставником и без, наставники, встречи наставнических пар за учебный год.',
    } satisfies Record<SummaryName, string>,
    groupingNames: {
      municipality: 'по муниципалитетам',
      school: 'по образовательным организациям',
      competency: 'по компетенциям',
      experience: 'по стажу',
      subject: 'по предметам',
    } satisfies Record<SummaryGrouping, string>,
    grouping: 'Группировка',
    pageTitle: (summary: string, period: string, by: string) => `${summary}, ${period} учебный год, ${by}`,
    downloads: 'Скачать:',
    csv: 'CSV',
    csvExcel: 'CSV для Excel',
    xlsxLink: 'Excel (XLSX)',
    chartOf: (measure: string) => `Диаграмма: ${measure}`,
    tooManyBars: (rows: number) => `Строк ${formatNumber(rows)}: диаграмма не строится, числа — в таблице и в файлах.`,
    noRows: 'Строк нет: за этот учебный год данных нет.',
    unknownSummary: 'Такой сводки нет.',
    badGrouping: (allowed: string) => `Эту сводку можно сгруппировать только так: ${allowed}.`,
    report: {
      link: 'Отчёт к заседанию (для печати)',
      title: (period: string) => `Отчёт к заседанию экспертного совета, ${period} учебный год`,
      lead: 'Выберите учебный год и муниципалитеты; браузер напечатает отчёт или сохранит его в PDF (Ctrl+P). Каждая диаграмма — с числами и таблицей, на одной странице.',
      municipalities: 'Муниципалитеты (кроме республики в целом)',
      build: 'Показать отчёт',
      print: 'Печать или сохранить в PDF',
      part: (name: string) => `${name}`,
      made: (at: string) => `Сформирован ${at}. Числа меньше K педагогов скрыты, как в сводках совета.`,
    },
    xlsx: {
      dataSheet: 'Сводка',
      aboutSheet: 'Что скрыто',
      about: (minGroup: number) => [
        'Как читать эту сводку',
        `Число, которое описывает меньше ${countOf(minGroup, { one: 'педагога', few: 'педагогов', many: 'педагогов' })}, не показывается: в его клетке написано «скрыто».`,
        'Скрыты и числа, по которым такое малое число можно вычислить — вычитанием из суммы по муниципалитету или республике, в том числе вместе с другими сводками.',
        'Доли и средние, посчитанные из скрытых чисел, скрыты вместе с ними.',
        'Пустая клетка — данных нет (например, никто не получил балл по компетенции).',
        'Числа в клетках — числовые: их можно складывать и строить по ним диаграммы без настройки импорта.',
      ],
    },
  },
} as const;
