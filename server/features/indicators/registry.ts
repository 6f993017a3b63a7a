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
 * Not yet computed (issue 22, to be added after the merges): the base's
 * participation family does not yet carry event, ИОМ-per-teacher or category
 * measures, «категории и статусы» waits for the categories' counts.
 * «Молодые педагоги с наставником» is the base's `mentoring.withMentor` of its `earlyCareer` (issue 20).
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
    source: null,
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
    source: null,
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
    source: null,
  },
  {
    id: 'competition',
    name: 'Участвовали в конкурсах профмастерства',
    howComputed: 'Доля педагогов реестра, отмеченных участниками хотя бы одного этапа конкурса профессионального мастерства в учебном году.',
    of: 'roster',
    source: null,
  },
  {
    id: 'competitionAwarded',
    name: 'Лауреаты, призёры и победители конкурсов',
    howComputed: 'Доля педагогов реестра, получивших в учебном году на каком-либо этапе конкурса результат «лауреат», «призёр» или «победитель».',
    of: 'roster',
    source: null,
  },
  {
    id: 'categories',
    name: 'Категории и статусы',
    howComputed: 'Доли педагогов реестра с первой и высшей квалификационной категорией и со статусами «педагог-методист» и «педагог-наставник».',
    of: 'roster',
    source: null,
  },
  {
    id: 'satisfaction',
    name: 'Удовлетворённость методической работой',
    howComputed: 'Доля оценок мероприятий учебного года с ответом «да» на вопрос «Довольны ли вы мероприятием?» среди всех оценок, по организатору.',
    of: 'rated',
    source: null,
  },
];
