import { randomUUID } from 'node:crypto';
import { catalogueDay, type ProgramInput, programSchema } from '../../../shared/schemas/program.ts';
import type { Db } from '../../platform/database/database.ts';
import { signUp } from '../catalogue/enrollment-store.ts';
import { upsertPrograms } from '../catalogue/program-store.ts';
import { allTeacherIds } from '../roster/store.ts';

/**
 * The demo ДПО catalogue: invented programmes of invented providers across
 * the five competencies, with runs over the half year after the day the demo
 * is seeded (dates here are days from that day), so that a demo started at
 * any time shows runs one can still sign up for. Two runs are full (one with
 * a waitlist), filled by demo teachers other than the first, whom the demo
 * journal shows.
 */

const iro = 'ГАУ ДПО «Институт развития образования»';
const cnppm = 'Центр непрерывного повышения профессионального мастерства педагогических работников (ЦНППМ)';
const college = 'ГБПОУ «Белоозёрский педагогический колледж»';
const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';
const sosn = 'Сосновский муниципальный район';

/** A demo programme whose runs' dates are counted in days from the seeding day. */
type DemoProgram = Omit<ProgramInput, 'runs'> & { runs: { id: string; startDay: number; endDay: number; seats: number }[] };

const p = (
  id: string,
  title: string,
  provider: string,
  hours: number,
  format: ProgramInput['format'],
  competencies: ProgramInput['competencies'],
  municipality: string | null,
  runs: [startDay: number, endDay: number, seats: number][],
  extra: Partial<Omit<ProgramInput, 'runs'>> = {},
): DemoProgram => ({
  id,
  title,
  provider,
  hours,
  format,
  competencies,
  municipality,
  runs: runs.map(([startDay, endDay, seats], index) => ({ id: `${id}-${index + 1}`, startDay, endDay, seats })),
  ...extra,
});

export const demoPrograms: DemoProgram[] = [
  p(
    'math-fgos',
    'Содержание и методика преподавания математики в условиях обновлённых ФГОС ООО и СОО',
    iro,
    72,
    'ochnoZaochno',
    ['subject', 'methodical'],
    null,
    [
      [57, 82, 25],
      [113, 138, 25],
    ],
  ),
  p('russian-gia', 'Подготовка обучающихся к ГИА по русскому языку: трудные вопросы', iro, 36, 'distance', ['subject'], null, [[15, 33, 60]], {
    registryUrl: 'https://dppo.example.ru/programs/10234',
  }),
  p('native-language', 'Современные подходы к преподаванию родного языка и литературы', college, 72, 'ochnoZaochno', ['subject'], zarech, [[71, 103, 20]]),
  p(
    'functional-literacy',
    'Формирование функциональной грамотности обучающихся: читательская, математическая, естественнонаучная',
    cnppm,
    36,
    'ochnoZaochno',
    ['methodical'],
    null,
    [
      [22, 34, 30],
      [85, 97, 30],
    ],
  ),
  p(
    'mentoring',
    'Наставничество в образовательной организации: программа и инструменты наставника',
    cnppm,
    36,
    'ochnoZaochno',
    ['methodical', 'communicative'],
    null,
    [[99, 118, 25]],
  ),
  p('digital-lesson', 'Проектирование урока в цифровой образовательной среде', cnppm, 36, 'distance', ['methodical', 'digital'], null, [[64, 90, 100]], {
    registryUrl: 'https://dppo.example.ru/programs/11871',
  }),
  p('inclusive-class', 'Организация работы с обучающимися с ОВЗ в инклюзивном классе', iro, 72, 'ochno', ['psychoPedagogical'], belo, [[50, 69, 2]]),
  p('burnout', 'Профилактика профессионального выгорания педагога', cnppm, 16, 'ochno', ['psychoPedagogical'], null, [
    [11, 13, 3],
    [134, 136, 20],
  ]),
  p(
    'class-teacher',
    'Воспитательная деятельность классного руководителя: современные практики',
    iro,
    36,
    'ochno',
    ['psychoPedagogical', 'communicative'],
    belo,
    [[78, 89, 25]],
  ),
  p(
    'parents-dialogue',
    'Эффективная коммуникация с родителями обучающихся: конструктивный диалог и урегулирование конфликтов',
    iro,
    24,
    'ochnoZaochno',
    ['communicative'],
    zarech,
    [[120, 131, 20]],
  ),
  p('school-mediation', 'Школьная служба медиации: технологии восстановительного подхода', college, 36, 'ochno', ['communicative', 'psychoPedagogical'], sosn, [
    [141, 153, 15],
  ]),
  p('digital-assessment', 'Цифровые инструменты оценивания: онлайн-тесты, формы, интерактивные задания', iro, 36, 'distance', ['digital'], null, [
    [9, 28, 80],
    [169, 188, 80],
  ]),
  p('ai-for-teachers', 'Искусственный интеллект в работе учителя: возможности и ограничения', cnppm, 16, 'distance', ['digital'], null, [[92, 103, 150]]),
  p(
    'retraining-informatics',
    'Профессиональная переподготовка «Педагогическое образование: учитель информатики»',
    iro,
    260,
    'distance',
    ['subject', 'digital'],
    null,
    [[54, 220, 40]],
  ),
  p('interactive-board', 'Использование интерактивной доски на уроке', college, 16, 'ochno', ['digital'], belo, [[-412, -410, 20]], { archived: true }),
];

/** The catalogue as seeded on the day `today` (UTC, as the catalogue's dates are compared). */
export function datedDemoPrograms(today: Date): ProgramInput[] {
  return demoPrograms.map(({ runs, ...program }) => ({
    ...program,
    runs: runs.map(({ id, startDay, endDay, seats }) => ({ id, start: catalogueDay(today, startDay), end: catalogueDay(today, endDay), seats })),
  }));
}

/** Fills the full runs with demo teachers; the first teacher is left free to try signing up. */
const fullRuns: { programId: string; runId: string; teachers: number }[] = [
  { programId: 'inclusive-class', runId: 'inclusive-class-1', teachers: 2 },
  { programId: 'burnout', runId: 'burnout-1', teachers: 4 }, // 3 seats: the fourth waits
];

/** Seeds the demo catalogue; call inside seedDemo's transaction, after the teachers. */
export function seedDemoCatalogue(db: Db, today: Date): void {
  upsertPrograms(
    db,
    datedDemoPrograms(today).map((program) => programSchema.parse(program)),
  );
  // The first two demo teachers stay without sign-ups.
  const teacherIds = allTeacherIds(db).slice(2);
  for (const run of fullRuns) {
    for (const teacherId of teacherIds.slice(0, run.teachers)) {
      const result = signUp(db, { id: randomUUID(), teacherId, programId: run.programId, runId: run.runId }, today);
      // A demo whose full runs are not full would show nothing of the waitlist, and no test would say why.
      if (result.kind !== 'created') throw new Error(`demo: the sign-up for ${run.runId} was refused (${result.kind})`);
    }
  }
}
