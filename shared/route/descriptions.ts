import { type CompetencyId, competencyTitlesInText } from '../competencies.ts';

/**
 * What to do, concretely, for each kind of activity that is not a programme
 * run: the teacher reads it on the item and the printed ИОМ. Written with the
 * municipal methodical service in mind (seed 002: наставничество,
 * стажировки, методические объединения, конкурсы, самообразование). `focus`
 * names the weakest indicators, when the diagnostic scored them.
 */
export const descriptions = {
  mentoring: (c: CompetencyId, focus: string) =>
    `Закрепите наставника из педагогов-наставников вашей организации или муниципалитета; 1–2 встречи в месяц: взаимопосещение уроков и их разбор по компетенции «${competencyTitlesInText[c]}»${focus}.`,
  internship: (c: CompetencyId, focus: string) =>
    `Стажировка 2–3 дня на стажировочной площадке муниципалитета у педагога, сильного в компетенции «${competencyTitlesInText[c]}»${focus}; итог — план применения в своих уроках.`,
  methodicalAssociation: (c: CompetencyId, _focus: string) =>
    `Выступите на заседании методического объединения (школьного или муниципального) с опытом по компетенции «${competencyTitlesInText[c]}»: открытый урок или мастер-класс.`,
  competition: (c: CompetencyId, _focus: string) =>
    `Выберите муниципальный или региональный конкурс профессионального мастерства, где оценивается компетенция «${competencyTitlesInText[c]}», и подготовьте конкурсный материал.`,
  selfEducation: (c: CompetencyId, focus: string) =>
    `План самообразования по компетенции «${competencyTitlesInText[c]}»${focus}: методические рекомендации и записи вебинаров ЦНППМ, применение на уроках, краткий отчёт в портфолио.`,
  webinar: (c: CompetencyId, focus: string) =>
    `Вебинары ЦНППМ и института развития образования по компетенции «${competencyTitlesInText[c]}»${focus}; отметьте выполненным после 2–3 вебинаров с применением на уроке.`,
  diagnostics: (c: CompetencyId) => `Пройдите диагностику, которая измеряет компетенцию «${competencyTitlesInText[c]}», во вкладке «Диагностика».`,
  psychologist: () =>
    'Конфиденциальная беседа с педагогом-психологом вашей организации или муниципальной психологической службы: о нагрузке, восстановлении сил и поддержке в коллективе.',
};

/** «, особенно: «…», «…»» or nothing. */
export function focusOn(indicatorTitles: readonly string[]): string {
  return indicatorTitles.length === 0 ? '' : `, особенно: ${indicatorTitles.map((t) => `«${lowerFirst(t)}»`).join(', ')}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
