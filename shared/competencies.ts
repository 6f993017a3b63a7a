/**
 * The vocabulary of the domain (docs/DOMAIN.md): the five competency areas the
 * diagnostics measure and their Russian titles, the wellbeing screening area
 * that is never a deficit, the labour functions of the Профстандарт педагога,
 * and the result levels.
 */

/** Areas in which a teacher can have a professional deficit (профессиональный дефицит). */
export const competencyIds = ['subject', 'methodical', 'psychoPedagogical', 'communicative', 'digital'] as const;
export type CompetencyId = (typeof competencyIds)[number];

/**
 * Every area an instrument can measure. `wellbeing` (профилактика выгорания) is
 * screened, never turned into a deficit, and shown per teacher only to the teacher.
 */
export const areaIds = [...competencyIds, 'wellbeing'] as const;
export type AreaId = (typeof areaIds)[number];

export function isCompetency(area: AreaId): area is CompetencyId {
  return area !== 'wellbeing';
}

/**
 * The competencies' Russian titles: the one spelling that the panel, the admin
 * pages, the council's summaries, the CSV import and the ИОМ's sentences use.
 * Capitalised, as a label or a column heading shows them.
 */
export const competencyTitles: Readonly<Record<CompetencyId, string>> = {
  subject: 'Предметная',
  methodical: 'Методическая',
  psychoPedagogical: 'Психолого-педагогическая',
  communicative: 'Коммуникативная',
  digital: 'Цифровая',
};

/**
 * The same titles as a sentence or a list quotes them, lower-cased:
 * «по компетенции «методическая»», «методическая, цифровая».
 */
export const competencyTitlesInText: Readonly<Record<CompetencyId, string>> = Object.fromEntries(
  competencyIds.map((id) => [id, competencyTitles[id].toLowerCase()]),
) as Record<CompetencyId, string>;

/** Every area's title: the competencies' and the burnout screening's. */
export const areaTitles: Readonly<Record<AreaId, string>> = {
  ...competencyTitles,
  wellbeing: 'Профилактика выгорания',
};

/**
 * Labour functions (трудовые функции) of the Профстандарт педагога
 * (приказ Минтруда № 544н): A — общепедагогическая функция, B — модули
 * по уровням образования и предметное обучение.
 */
export const laborFunctionIds = [
  'A/01.6', // Общепедагогическая функция. Обучение
  'A/02.6', // Воспитательная деятельность
  'A/03.6', // Развивающая деятельность
  'B/01.5', // Дошкольное образование
  'B/02.6', // Начальное общее образование
  'B/03.6', // Основное и среднее общее образование
  'B/04.6', // Модуль «Предметное обучение. Математика»
  'B/05.6', // Модуль «Предметное обучение. Русский язык»
] as const;
export type LaborFunctionId = (typeof laborFunctionIds)[number];

/**
 * Result levels. Competency instruments use the three deficit bands of
 * распоряжение Минпросвещения Р-201; the wellbeing screening uses risk levels.
 * `insufficientData` is never a band: scoring assigns it when too few items
 * of an area were answered.
 */
export const deficitLevels = ['highDeficit', 'moderateDeficit', 'noDeficit'] as const;
export const riskLevels = ['highRisk', 'moderateRisk', 'lowRisk'] as const;
export const bandLevels = [...deficitLevels, ...riskLevels] as const;
export type DeficitLevel = (typeof deficitLevels)[number];
export type RiskLevel = (typeof riskLevels)[number];
export type BandLevel = (typeof bandLevels)[number];
export type Level = BandLevel | 'insufficientData';

/** Formats of ДПО programmes. */
export const programFormats = ['ochno', 'ochnoZaochno', 'distance'] as const;
export type ProgramFormat = (typeof programFormats)[number];

/** Activities other than courses that an individual route (ИОМ) may hold. */
export const activityKinds = ['course', 'mentoring', 'internship', 'methodicalAssociation', 'competition', 'selfEducation', 'webinar'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * The levels' Russian names, as a sentence quotes them (lower-case): the one spelling of the
 * panel, the admin pages, the CSV files and the ИОМ's sentences (docs/DOMAIN.md).
 */
export const levelTitles: Readonly<Record<Level, string>> = {
  highDeficit: 'выраженный дефицит',
  moderateDeficit: 'умеренный дефицит',
  noDeficit: 'дефицит не выявлен',
  insufficientData: 'недостаточно данных',
  highRisk: 'высокий риск',
  moderateRisk: 'умеренный риск',
  lowRisk: 'низкий риск',
};
