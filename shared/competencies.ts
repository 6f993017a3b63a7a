/**
 * The vocabulary of the domain (see DOMAIN.md): the five competency areas the
 * diagnostics measure, the wellbeing screening area that is never a deficit,
 * the labour functions of the Профстандарт педагога, and the result levels.
 */

/** Areas in which a teacher can have a professional deficit (профессиональный дефицит). */
export const competencyIds = [
  'subject',
  'methodical',
  'psychoPedagogical',
  'communicative',
  'digital',
] as const;
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
export const activityKinds = [
  'course',
  'mentoring',
  'internship',
  'methodicalAssociation',
  'competition',
  'selfEducation',
  'webinar',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
