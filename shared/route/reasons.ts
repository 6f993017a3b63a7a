import { type CompetencyId, competencyTitlesInText, type DeficitLevel, levelTitles } from '../competencies.ts';
import type { EnrollmentStatus } from '../schemas/program.ts';

const levelNames: Record<DeficitLevel, string> = levelTitles;

/** A competency with its diagnosed level and score, as the reasons mention it. */
export interface Finding {
  competency: CompetencyId;
  level: DeficitLevel;
  score: number;
}

/**
 * Every sentence the route builder writes for a teacher, in one place so that
 * it can be reviewed by methodists and translated (for instance into the
 * republic's state language) without touching the logic. Competency titles are
 * quoted in the nominative («методическая»), which reads right after
 * «по компетенции» and spares declension rules.
 */
export const reasons = {
  course: (f: Finding, start: string) => `Рекомендовано: ${deficit(f)}. Ближайший подходящий поток — с ${date(start)}.`,
  courseFull: (f: Finding, start: string) => `Рекомендовано: ${deficit(f)}. Поток с ${date(start)}: мест нет, можно встать в лист ожидания.`,
  signedUp: (f: Finding, status: Exclude<EnrollmentStatus, 'cancelled'>, waitlistPosition: number | null) => {
    switch (status) {
      case 'confirmed':
        return `Закрывает ${deficit(f)}: вы уже записаны, место подтверждено.`;
      case 'waitlisted':
        return `Закрывает ${deficit(f)}: вы в листе ожидания${waitlistPosition === null ? '' : ` (место ${waitlistPosition})`}.`;
      case 'completed':
        return `Программа по этому дефициту пройдена (${deficit(f)}): пройдите диагностику повторно, чтобы увидеть приращение.`;
    }
  },
  mentoring: (f: Finding) => `Рекомендовано: ${deficit(f)}. При выраженном дефиците маршрут строится с наставником.`,
  internship: (f: Finding) => `Рекомендовано: ${deficit(f)}. ${noCourse} стажировка у педагога, сильного в этой компетенции.`,
  webinar: (f: Finding) => `Рекомендовано: ${deficit(f)}. ${noCourse} вебинары по теме.`,
  selfEducation: (f: Finding) => `Рекомендовано: ${deficit(f)}. ${noCourse} план самообразования.`,
  methodicalAssociation: (f: Finding) => `${strength(f)}: делитесь опытом в методическом объединении или профессиональном сообществе.`,
  competition: (f: Finding) => `${strength(f)}: попробуйте себя в конкурсе профессионального мастерства.`,
  takeDiagnostics: (competency: CompetencyId) =>
    `По компетенции «${competencyTitlesInText[competency]}» пока мало данных: пройдите диагностику, чтобы маршрут подобрал программы.`,
  /** The private suggestion after a high burnout risk: only the teacher sees it. */
  wellbeingProgram: (start: string) =>
    `Скрининг показал высокий риск выгорания. Это видите только вы: ни методист, ни отчёты этого не показывают. Ближайший поток программы профилактики — с ${date(start)}.`,
  wellbeingTalk: () =>
    'Скрининг показал высокий риск выгорания. Это видите только вы: ни методист, ни отчёты этого не показывают. Начать можно с разговора с психологом.',
};

/** Why the builder took a suggestion back: the teacher reads it on the retired item. */
export const retiredReasons = {
  diagnosed: (competency: CompetencyId) => `Диагностика по компетенции «${competencyTitlesInText[competency]}» пройдена: маршрут перестроен по её результатам.`,
  noDeficit: (f: Finding) =>
    `По новой диагностике дефицит по компетенции «${competencyTitlesInText[f.competency]}» не выявлен (${score(f.score)} из 100): предложение снято.`,
  levelChanged: (f: Finding) => `По новой диагностике ${deficit(f)}: предложение заменено другим.`,
  deficitAppeared: (f: Finding) => `По новой диагностике ${deficit(f)}: вместо развития сильной стороны маршрут предлагает закрыть дефицит.`,
  courseUnavailable: (competency: CompetencyId) =>
    `Программа больше не подходит: поток начался, заполнен или снят из каталога, либо не совпадает с вашими предпочтениями. По компетенции «${competencyTitlesInText[competency]}» предложен другой вариант.`,
  noData: (competency: CompetencyId) => `По компетенции «${competencyTitlesInText[competency]}» больше нет данных диагностики: предложение снято.`,
  wellbeingLower: () => 'По новому скринингу риск выгорания не высокий: предложение снято.',
};

const noCourse = 'Подходящих курсов по срокам, формату и часам сейчас нет, поэтому —';

function deficit(f: Finding): string {
  return `${levelNames[f.level]} по компетенции «${competencyTitlesInText[f.competency]}», ${score(f.score)} из 100`;
}

function strength(f: Finding): string {
  return `Дефицит по компетенции «${competencyTitlesInText[f.competency]}» не выявлен (${score(f.score)} из 100)`;
}

/** Russian decimal comma: 42,5. */
function score(value: number): string {
  return String(value).replace('.', ',');
}

/** 2026-10-05 → 05.10.2026, as dates are written in Russian documents. */
function date(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
