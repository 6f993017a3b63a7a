/**
 * «Показатели»: the seeds' monitoring indicators (seed 001, section 8; seed
 * 000; seed 004), one entry each, so that adding one is one entry. Each says
 * in one Russian sentence how it is computed (the page and the council's
 * summary print it beside the number) and what it counts: a share of the
 * roster, or of those counted by another entry. `source` names the family of
 * the suppressed summaries' base (server/features/summaries/base.ts) and the
 * measure the numerator is read from; `null` while the base has no such
 * measure yet — such an indicator is listed as «пока не вычисляется» and
 * never shown as a number.
 *
 * Every indicator reads the suppressed base: participation (roster, diagnosed,
 * ИОМ), the `indicator…` families (summaries/store/indicator-rows.ts), and
 * «молодые педагоги с наставником» the `mentoring` family's `withMentor` of
 * its `earlyCareer` (issue 20).
 */
export interface MonitoringIndicator {
  id: string;
  /** The name on the page and the summary's column. */
  name: string;
  /** One Russian sentence: how it is computed. */
  howComputed: string;
  /** What the share is of: the roster of the unit, or another indicator's count; `earlyCareer`: the unit's early-career teachers (the base's `mentoring.earlyCareer`, the roster of the band `early`). */
  of: 'roster' | 'rated' | 'earlyCareer';
  /** Where the numerator comes from in the suppressed base; null: not computed yet. */
  source: { family: string; measure: string } | null;
  /** An indicator shown as several lines (categories and statuses): each a share of the roster, its measure of `source.family`. */
  parts?: readonly { name: string; measure: string }[];
}

export const monitoringIndicators: readonly MonitoringIndicator[] = [
  {
    id: 'diagnosed',
    name: 'Прошли диагностику в учебном году',
    howComputed: 'Доля педагогов реестра, у которых в этом учебном году есть результат хотя бы одной диагностики по какой-либо компетенции.',
    of: 'roster',
    source: { family: 'participation', measure: 'diagnosed' },
  },
  {
    id: 'withDeficit',
    name: 'С профессиональным дефицитом',
    howComputed: 'Доля педагогов реестра, у которых по итогам диагностик учебного года выраженный или умеренный дефицит хотя бы по одной компетенции.',
    of: 'roster',
    source: { family: 'indicatorDeficit', measure: 'withDeficit' },
  },
  {
    id: 'withRoute',
    name: 'С ИОМ',
    howComputed: 'Доля педагогов реестра, у которых есть индивидуальный образовательный маршрут, построенный по результатам диагностики.',
    of: 'roster',
    source: { family: 'participation', measure: 'withRoute' },
  },
  {
    id: 'dpoCompleted',
    name: 'Завершили программу ДПО',
    howComputed: 'Доля педагогов реестра, завершивших в учебном году хотя бы один поток программы ДПО (отмечено методистом или поток закончился).',
    of: 'roster',
    source: { family: 'indicatorDpo', measure: 'dpoCompleted' },
  },
  {
    id: 'earlyCareerWithMentor',
    name: 'Молодые педагоги с наставником',
    howComputed: 'Доля молодых педагогов (стаж до 3 лет), у которых сейчас есть наставник (действующая пара наставничества).',
    of: 'earlyCareer',
    source: { family: 'mentoring', measure: 'withMentor' },
  },
  {
    id: 'methodicalAssociation',
    name: 'Участвовали в работе МО',
    howComputed: 'Доля педагогов реестра, отмеченных участниками хотя бы одного заседания МО в учебном году.',
    of: 'roster',
    source: { family: 'indicatorMo', measure: 'attendedMo' },
  },
  {
    id: 'competition',
    name: 'Участвовали в конкурсах профмастерства',
    howComputed: 'Доля педагогов реестра, отмеченных участниками хотя бы одного этапа конкурса профессионального мастерства в учебном году.',
    of: 'roster',
    source: { family: 'indicatorCompetition', measure: 'competed' },
  },
  {
    id: 'competitionAwarded',
    name: 'Лауреаты, призёры и победители конкурсов',
    howComputed: 'Доля педагогов реестра, получивших в учебном году на каком-либо этапе конкурса результат «лауреат», «призёр» или «победитель».',
    of: 'roster',
    source: { family: 'indicatorCompetition', measure: 'awarded' },
  },
  {
    id: 'categories',
    name: 'Категории и статусы',
    howComputed:
      'Доли педагогов реестра с первой и с высшей квалификационной категорией, без категории и со статусами «педагог-методист» и «педагог-наставник».',
    of: 'roster',
    source: { family: 'indicatorCategory', measure: 'categoryHighest' },
    parts: [
      { name: 'Первая категория', measure: 'categoryFirst' },
      { name: 'Высшая категория', measure: 'categoryHighest' },
      { name: 'Педагог-методист', measure: 'statusMethodist' },
      { name: 'Педагог-наставник', measure: 'statusMentor' },
      { name: 'Без категории (соответствие занимаемой должности)', measure: 'categoryNone' },
    ],
  },
  {
    id: 'satisfaction',
    name: 'Удовлетворённость методической работой',
    howComputed:
      'Доля педагогов, оценивших мероприятия учебного года, которые на вопрос «Довольны ли вы мероприятием?» ответили «да» о каждом оценённом мероприятии.',
    of: 'rated',
    source: { family: 'indicatorSatisfaction', measure: 'satisfied' },
  },
];
