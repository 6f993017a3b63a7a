import { z } from 'zod';
import type { Endpoint } from './endpoint.ts';

/**
 * The council's summaries: `GET /api/v1/reports/NAME.csv` and `NAME.json`.
 * Columns are part of the contract: their keys (JSON) and Russian headers
 * (CSV) stay stable; new columns are only ever added at the end.
 */
export const summaryNames = ['deficits', 'demand', 'participation', 'growth', 'programs', 'routes', 'indicators', 'mentoring', 'measures'] as const;
export type SummaryName = (typeof summaryNames)[number];

export const summaryGroupings = ['municipality', 'school', 'competency', 'experience', 'subject'] as const;
export type SummaryGrouping = (typeof summaryGroupings)[number];

/** Which groupings each summary has, the first being the default. */
export const groupingsOf: Record<SummaryName, readonly SummaryGrouping[]> = {
  deficits: ['municipality', 'school', 'competency', 'experience', 'subject'],
  demand: ['municipality', 'competency'],
  participation: ['municipality', 'school', 'experience'],
  growth: ['municipality', 'school', 'competency', 'experience'],
  programs: ['competency'],
  routes: ['municipality', 'school'],
  indicators: ['municipality'],
  mentoring: ['municipality', 'experience'],
  measures: ['competency'],
};

/** Every column key with its CSV header and what it means. */
export const summaryColumns = {
  period: ['Учебный год', 'учебный год сводки, 2025-2026'],
  municipality: ['Муниципалитет', 'название муниципалитета'],
  school: ['Образовательная организация', 'название школы (ОО)'],
  band: ['Стаж', 'группа по педагогическому стажу; первая — молодые педагоги (стаж до 3 лет)'],
  competency: ['Компетенция', 'название компетенции'],
  competencyId: ['Код компетенции', 'subject, methodical, psychoPedagogical, communicative, digital'],
  scored: ['Педагогов с результатом', 'педагоги, у которых в этом году есть балл по компетенции'],
  deficit: ['С дефицитом', 'из них с выраженным или умеренным дефицитом («недостаточно данных» — не дефицит)'],
  highDeficit: ['Выраженный дефицит', 'из них с выраженным дефицитом (балл ниже 60)'],
  moderateDeficit: ['Умеренный дефицит', 'из них с умеренным дефицитом (60–80)'],
  deficitShare: ['Доля с дефицитом, %', 'С дефицитом / Педагогов с результатом, в процентах'],
  meanScore: ['Средний балл', 'средний балл по компетенции, 0–100'],
  roster: ['Педагогов в реестре', 'педагоги в загруженном списке (сейчас)'],
  connected: ['Подключили расширение', 'педагоги, хотя бы раз подключившие расширение кодом'],
  diagnosed: ['Прошли диагностику', 'педагоги с результатом хотя бы по одной компетенции в этом году'],
  diagnosedShare: ['Доля прошедших диагностику, %', 'Прошли диагностику / Педагогов в реестре, в процентах'],
  paired: ['Педагогов с результатом в обоих годах', 'педагоги с баллом по компетенции и в этом, и в прошлом учебном году'],
  meanBefore: ['Средний балл в прошлом году', 'их средний балл в прошлом учебном году'],
  meanAfter: ['Средний балл в этом году', 'их средний балл в этом учебном году'],
  growth: ['Приращение, баллов', 'разность двух средних, баллов из 100'],
  deficitBefore: ['С дефицитом в прошлом году', 'из них с дефицитом в прошлом году'],
  deficitAfter: ['С дефицитом в этом году', 'из них с дефицитом в этом году'],
  seatsLocal: ['Мест в программах муниципалитета', 'места в потоках программ муниципалитета, начинающихся в этом году'],
  seatsRepublic: ['Мест в республиканских программах', 'места в потоках республиканских программ (для всех муниципалитетов)'],
  unmet: ['Не обеспечено местами', 'С дефицитом минус места (по муниципалитету — только места его программ, по республике — все), не меньше 0'],
  programId: ['Код программы', 'код программы в каталоге'],
  program: ['Программа', 'название программы'],
  completers: ['Завершили обучение', 'педагоги, завершившие поток, закончившийся в этом году'],
  completersMeasured: ['Завершивших с диагностикой до и после', 'из них с баллом до начала и после окончания потока'],
  completersGrowth: ['Приращение завершивших, баллов', 'их средний рост балла по компетенции'],
  comparisonMeasured: ['Сопоставимых педагогов без программы', 'педагоги без этой программы с тем же уровнем до и диагностикой за те же даты'],
  comparisonGrowth: ['Приращение сопоставимых, баллов', 'их средний рост, взвешенный по уровням завершивших'],
  feedback: ['Оставили отзыв', 'завершившие, оставившие отзыв'],
  usefulShare: ['Считают полезной, %', 'доля отзывов «полезна»'],
  recommendShare: ['Рекомендуют коллегам, %', 'доля отзывов «рекомендую»'],
  withRoute: ['С ИОМ', 'педагоги, у которых есть ИОМ, построенный по диагностике (сейчас)'],
  routeShare: ['Доля с ИОМ, %', 'С ИОМ / Педагогов в реестре, в процентах'],
  agreed: ['С согласованным ИОМ', 'из них педагоги, чей ИОМ согласован методистом (сейчас)'],
  agreedShare: ['Доля согласованных, %', 'С согласованным ИОМ / С ИОМ, в процентах'],
  teachersDone: ['Выполнили пункты ИОМ', 'педагоги, отметившие в этом году хотя бы один пункт ИОМ выполненным'],
  itemsDone: ['Выполнено пунктов ИОМ', 'пункты ИОМ, отмеченные выполненными в этом году (скрыты вместе с числом педагогов)'],
  deficitsAtFirst: ['Дефицитов на первой диагностике года', 'пары «педагог — компетенция» с дефицитом на первой в этом году диагностике по компетенции'],
  deficitsClosed: ['Закрыто дефицитов за год', 'из них без дефицита на последней в этом году диагностике по компетенции'],
  closedShare: ['Доля закрытых дефицитов, %', 'Закрыто дефицитов за год / Дефицитов на первой диагностике года, в процентах'],
  withDeficit: ['С дефицитом хотя бы по одной компетенции', 'педагоги реестра с выраженным или умеренным дефицитом хотя бы по одной компетенции в этом году'],
  withDeficitShare: ['Доля с дефицитом, %', 'С дефицитом хотя бы по одной компетенции / Педагогов в реестре, в процентах'],
  dpoCompleted: ['Завершили программу ДПО', 'педагоги реестра, завершившие поток программы ДПО, закончившийся в этом году'],
  dpoShare: ['Доля завершивших ДПО, %', 'Завершили программу ДПО / Педагогов в реестре, в процентах'],
  attendedMo: ['Участвовали в работе МО', 'педагоги реестра, отмеченные на заседании МО этого учебного года'],
  moShare: ['Доля участвовавших в МО, %', 'Участвовали в работе МО / Педагогов в реестре, в процентах'],
  competed: ['Участвовали в конкурсах', 'педагоги реестра, отмеченные участниками этапа конкурса профмастерства этого года'],
  competedShare: ['Доля участвовавших в конкурсах, %', 'Участвовали в конкурсах / Педагогов в реестре, в процентах'],
  awarded: ['Лауреаты, призёры, победители', 'из них с результатом «лауреат», «призёр» или «победитель»'],
  awardedShare: ['Доля лауреатов, призёров, победителей, %', 'Лауреаты, призёры, победители / Педагогов в реестре, в процентах'],
  categoryNone: ['Без категории', 'педагоги реестра без квалификационной категории (соответствие занимаемой должности)'],
  categoryFirst: ['Первая категория', 'педагоги реестра с первой квалификационной категорией'],
  categoryHighest: ['Высшая категория', 'педагоги реестра с высшей квалификационной категорией'],
  statusMethodist: ['Педагог-методист', 'из них со статусом «педагог-методист»'],
  statusMentor: ['Педагог-наставник', 'из них со статусом «педагог-наставник»'],
  rated: ['Оценили мероприятия', 'педагоги, оценившие хотя бы одно методическое мероприятие этого года'],
  satisfied: ['Довольны мероприятиями', 'из них ответившие «да» на вопрос «Довольны ли вы мероприятием?» по каждому оценённому'],
  satisfiedShare: ['Доля довольных, %', 'Довольны мероприятиями / Оценили мероприятия, в процентах'],
  subject: ['Предмет', 'школьный предмет по реестру педагогов; учитель двух предметов считается в каждом, поэтому строки предметов не складываются в итог'],
  earlyCareer: ['Молодых педагогов', 'педагоги со стажем до 3 лет в реестре (сейчас)'],
  withMentor: ['С наставником', 'из них педагоги, у которых есть наставник (пара наставничества действует сейчас)'],
  mentorShare: ['Доля с наставником, %', 'С наставником / Молодых педагогов, в процентах'],
  mentors: ['Наставников', 'педагоги-наставники (по реестру или вызвавшиеся в расширении), работающие здесь; сами не молодые педагоги'],
  meetings: ['Встреч наставников за год', 'встречи действующих пар, отмеченные наставниками в этом учебном году (скрыты вместе с числом пар)'],
  meetingsPerPairMonth: ['Встреч на пару в месяц', 'Встреч наставников за год / С наставником / месяцев учебного года до сегодняшнего дня'],
  measureId: ['Код меры', 'номер меры в журнале мер'],
  measureKind: ['Вид меры', 'вид меры или управленческого решения (название меры — свободный текст методиста — не передаётся: в нём может быть имя)'],
  start: ['Начало', 'дата начала меры'],
  end: ['Окончание', 'дата окончания меры'],
  targetTeachers: ['Педагогов в целевой группе', 'педагоги группы, для которой принята мера (группа зафиксирована при записи меры)'],
  targetMeasured: ['Из них с диагностикой до и после', 'педагоги группы с баллом до начала и после окончания меры'],
  targetBefore: ['Значение до', 'их средний балл по компетенции (или показателю меры) до начала, 0–100'],
  targetAfter: ['Значение после', 'их средний балл после окончания, 0–100'],
  targetChange: ['Изменение, баллов', 'Значение после минус Значение до'],
  comparableMeasured: ['Сравнимых педагогов с диагностикой', 'педагоги того же муниципалитета (или республики) вне группы, с баллом до и после'],
  comparableChange: ['Изменение у сравнимых, баллов', 'их среднее изменение за те же даты'],
} as const satisfies Record<string, readonly [header: string, meaning: string]>;
export type SummaryColumnKey = keyof typeof summaryColumns;

/** The CSV header of each column. */
export const summaryColumnHeaders = Object.fromEntries(Object.entries(summaryColumns).map(([key, [header]]) => [key, header])) as Record<
  SummaryColumnKey,
  string
>;

/** The columns of a summary under a grouping, in order. */
export function columnsOf(name: SummaryName, by: SummaryGrouping): SummaryColumnKey[] {
  const unit: SummaryColumnKey[] =
    by === 'school'
      ? ['municipality', 'school']
      : by === 'municipality'
        ? ['municipality']
        : by === 'experience'
          ? ['band']
          : by === 'subject'
            ? ['subject']
            : [];
  switch (name) {
    case 'deficits':
      return ['period', ...unit, 'competency', 'competencyId', 'scored', 'deficit', 'highDeficit', 'moderateDeficit', 'deficitShare', 'meanScore'];
    case 'participation':
      return ['period', ...unit, 'roster', 'connected', 'diagnosed', 'diagnosedShare'];
    case 'growth':
      return ['period', ...unit, 'competency', 'competencyId', 'paired', 'meanBefore', 'meanAfter', 'growth', 'deficitBefore', 'deficitAfter'];
    case 'demand':
      return ['period', ...unit, 'competency', 'competencyId', 'deficit', 'seatsLocal', 'seatsRepublic', 'unmet'];
    case 'routes':
      return [
        'period',
        ...unit,
        'roster',
        'withRoute',
        'routeShare',
        'agreed',
        'agreedShare',
        'teachersDone',
        'itemsDone',
        'deficitsAtFirst',
        'deficitsClosed',
        'closedShare',
      ];
    case 'indicators':
      return [
        'period',
        ...unit,
        'roster',
        'diagnosed',
        'diagnosedShare',
        'withDeficit',
        'withDeficitShare',
        'withRoute',
        'routeShare',
        'dpoCompleted',
        'dpoShare',
        'attendedMo',
        'moShare',
        'competed',
        'competedShare',
        'awarded',
        'awardedShare',
        'categoryNone',
        'categoryFirst',
        'categoryHighest',
        'statusMethodist',
        'statusMentor',
        'rated',
        'satisfied',
        'satisfiedShare',
      ];
    case 'mentoring':
      return ['period', ...unit, 'earlyCareer', 'withMentor', 'mentorShare', 'mentors', 'meetings', 'meetingsPerPairMonth'];
    case 'measures':
      return [
        'period',
        'measureId',
        'measureKind',
        'municipality',
        'competency',
        'competencyId',
        'start',
        'end',
        'targetTeachers',
        'targetMeasured',
        'targetBefore',
        'targetAfter',
        'targetChange',
        'comparableMeasured',
        'comparableChange',
      ];
    case 'programs':
      return [
        'period',
        'programId',
        'program',
        'competency',
        'competencyId',
        'completers',
        'completersMeasured',
        'completersGrowth',
        'comparisonMeasured',
        'comparisonGrowth',
        'feedback',
        'usefulShare',
        'recommendShare',
      ];
  }
}

export const periodSchema = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}, 'учебный год пишется как 2025-2026: год начала и следующий за ним');

export const summaryQuerySchema = z.object({
  /** Учебный год; the running one when omitted. */
  period: periodSchema.optional(),
  by: z.enum(summaryGroupings).optional(),
  /** `1`: UTF-8 with BOM, `;` between cells and a decimal comma, for Russian Excel (CSV only). */
  excel: z.enum(['0', '1']).optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

/** A JSON summary: the CSV's rows as objects by column key; a suppressed value is null and listed in `suppressed`. */
export const summaryJsonSchema = z.object({
  report: z.enum(summaryNames),
  period: z.string(),
  by: z.enum(summaryGroupings),
  /** K: numbers describing fewer teachers than this are suppressed. */
  minGroup: z.number().int(),
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.array(z.string())]))),
});
export type SummaryJson = z.infer<typeof summaryJsonSchema>;

const summaryTitles: Record<SummaryName, string> = {
  deficits: 'Дефициты: педагоги с дефицитом по компетенциям',
  demand: 'Спрос (образовательный заказ): дефициты против мест в программах',
  participation: 'Охват: педагоги в реестре, подключившиеся и прошедшие диагностику',
  growth: 'Приращение: рост баллов тех же педагогов к прошлому учебному году',
  programs: 'Эффективность программ: рост завершивших рядом с ростом сопоставимых педагогов и отзывы',
  routes: 'ИОМ: педагоги с маршрутом и согласованным маршрутом, выполненные пункты, закрытые за учебный год дефициты',
  indicators: 'Показатели мониторинга: диагностика, дефициты, ИОМ, ДПО, участие в МО и конкурсах, категории и статусы, удовлетворённость мероприятиями',
  mentoring: 'Наставничество: молодые педагоги с наставником, наставники, встречи наставнических пар',
  measures: 'Меры и управленческие решения учебного года: целевая группа, значение до и после рядом со сравнимыми педагогами',
};

function describe(name: SummaryName): string {
  const by = groupingsOf[name];
  const keys = new Set(by.flatMap((grouping) => columnsOf(name, grouping)));
  return [
    `Группировка by: ${by.join(', ')} (по умолчанию ${by[0]}). Числа меньше K педагогов (по умолчанию 5) и числа, из которых их можно вычислить (в том числе вместе с другими сводками), скрыты: в CSV «скрыто», в JSON null.`,
    'Колонки (ключ JSON — заголовок CSV — смысл):',
    ...[...keys].map((key) => `- ${key} — ${summaryColumns[key][0]} — ${summaryColumns[key][1]}`),
  ].join('\n');
}

/** A summary's two endpoints: the CSV for spreadsheets and the JSON for programs. */
function summaryEndpointsOf<Name extends SummaryName>(name: Name) {
  return {
    csv: {
      method: 'get',
      path: `/api/v1/reports/${name}.csv`,
      summary: `${summaryTitles[name]} (CSV)`,
      description: describe(name),
      auth: 'council',
      query: summaryQuerySchema,
      response: { status: 200, schema: z.string(), contentType: 'text/csv' },
    },
    json: {
      method: 'get',
      path: `/api/v1/reports/${name}.json`,
      summary: `${summaryTitles[name]} (JSON)`,
      description: describe(name),
      auth: 'council',
      query: summaryQuerySchema.omit({ excel: true }),
      response: { status: 200, schema: summaryJsonSchema },
    },
  } as const satisfies Record<string, Endpoint>;
}

type SummaryEndpoints<Name extends SummaryName> = ReturnType<typeof summaryEndpointsOf<Name>>;

/** `deficitsSummaryCsv`, `deficitsSummaryJson`, `demandSummaryCsv`, …: each summary's pair, in the order of `summaryNames`. */
export const summaryEndpoints = Object.fromEntries(
  summaryNames.flatMap((name) => {
    const { csv, json } = summaryEndpointsOf(name);
    return [
      [`${name}SummaryCsv`, csv],
      [`${name}SummaryJson`, json],
    ];
  }),
  // Object.fromEntries cannot know the keys' template: this says what the lines above make.
) as { [Name in SummaryName as `${Name}SummaryCsv`]: SummaryEndpoints<Name>['csv'] } & {
  [Name in SummaryName as `${Name}SummaryJson`]: SummaryEndpoints<Name>['json'];
};
