import { randomUUID } from 'node:crypto';
import { type ProgramInput, programSchema } from '../../shared/schemas/program.ts';
import type { Db } from '../storage/database.ts';
import { signUp } from '../storage/enrollments.ts';
import { upsertPrograms } from '../storage/programs.ts';

/**
 * The demo ДПО catalogue: invented programmes of invented providers across
 * the five competencies, runs in the 2026/27 academic year. Two runs are
 * full (one with a waitlist), filled by demo teachers other than the first,
 * whom the demo journal shows.
 */

const iro = 'ГАУ ДПО «Институт развития образования»';
const cnppm = 'Центр непрерывного повышения профессионального мастерства педагогических работников (ЦНППМ)';
const college = 'ГБПОУ «Белоозёрский педагогический колледж»';
const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';
const sosn = 'Сосновский муниципальный район';

type DemoProgram = ProgramInput & { runs: { id: string; start: string; end: string; seats: number }[] };

const p = (
  id: string,
  title: string,
  provider: string,
  hours: number,
  format: ProgramInput['format'],
  competencies: ProgramInput['competencies'],
  municipality: string | null,
  runs: [string, string, number][],
  extra: Partial<ProgramInput> = {},
): DemoProgram => ({
  id,
  title,
  provider,
  hours,
  format,
  competencies,
  municipality,
  runs: runs.map(([start, end, seats], index) => ({ id: `${id}-${index + 1}`, start, end, seats })),
  ...extra,
});

export const demoPrograms: DemoProgram[] = [
  p('math-fgos', 'Содержание и методика преподавания математики в условиях обновлённых ФГОС ООО и СОО', iro, 72, 'ochnoZaochno', ['subject', 'methodical'], null, [
    ['2027-01-18', '2027-02-12', 25],
    ['2027-03-15', '2027-04-09', 25],
  ]),
  p('russian-gia', 'Подготовка обучающихся к ГИА по русскому языку: трудные вопросы', iro, 36, 'distance', ['subject'], null, [['2026-12-07', '2026-12-25', 60]], {
    registryUrl: 'https://dppo.example.ru/programs/10234',
  }),
  p('native-language', 'Современные подходы к преподаванию родного языка и литературы', college, 72, 'ochnoZaochno', ['subject'], zarech, [['2027-02-01', '2027-03-05', 20]]),
  p('functional-literacy', 'Формирование функциональной грамотности обучающихся: читательская, математическая, естественнонаучная', cnppm, 36, 'ochnoZaochno', ['methodical'], null, [
    ['2026-12-14', '2026-12-26', 30],
    ['2027-02-15', '2027-02-27', 30],
  ]),
  p('mentoring', 'Наставничество в образовательной организации: программа и инструменты наставника', cnppm, 36, 'ochnoZaochno', ['methodical', 'communicative'], null, [['2027-03-01', '2027-03-20', 25]]),
  p('digital-lesson', 'Проектирование урока в цифровой образовательной среде', cnppm, 36, 'distance', ['methodical', 'digital'], null, [['2027-01-25', '2027-02-20', 100]], {
    registryUrl: 'https://dppo.example.ru/programs/11871',
  }),
  p('inclusive-class', 'Организация работы с обучающимися с ОВЗ в инклюзивном классе', iro, 72, 'ochno', ['psychoPedagogical'], belo, [['2027-01-11', '2027-01-30', 2]]),
  p('burnout', 'Профилактика профессионального выгорания педагога', cnppm, 16, 'ochno', ['psychoPedagogical'], null, [
    ['2026-12-03', '2026-12-05', 3],
    ['2027-04-05', '2027-04-07', 20],
  ]),
  p('class-teacher', 'Воспитательная деятельность классного руководителя: современные практики', iro, 36, 'ochno', ['psychoPedagogical', 'communicative'], belo, [['2027-02-08', '2027-02-19', 25]]),
  p('parents-dialogue', 'Эффективная коммуникация с родителями обучающихся: конструктивный диалог и урегулирование конфликтов', iro, 24, 'ochnoZaochno', ['communicative'], zarech, [['2027-03-22', '2027-04-02', 20]]),
  p('school-mediation', 'Школьная служба медиации: технологии восстановительного подхода', college, 36, 'ochno', ['communicative', 'psychoPedagogical'], sosn, [['2027-04-12', '2027-04-24', 15]]),
  p('digital-assessment', 'Цифровые инструменты оценивания: онлайн-тесты, формы, интерактивные задания', iro, 36, 'distance', ['digital'], null, [
    ['2026-12-01', '2026-12-20', 80],
    ['2027-05-10', '2027-05-29', 80],
  ]),
  p('ai-for-teachers', 'Искусственный интеллект в работе учителя: возможности и ограничения', cnppm, 16, 'distance', ['digital'], null, [['2027-02-22', '2027-03-05', 150]]),
  p('retraining-informatics', 'Профессиональная переподготовка «Педагогическое образование: учитель информатики»', iro, 260, 'distance', ['subject', 'digital'], null, [['2027-01-15', '2027-06-30', 40]]),
  p('interactive-board', 'Использование интерактивной доски на уроке', college, 16, 'ochno', ['digital'], belo, [['2025-10-06', '2025-10-08', 20]], { archived: true }),
];

/** Fills the full runs with demo teachers; the first teacher is left free to try signing up. */
const fullRuns: { programId: string; runId: string; teachers: number }[] = [
  { programId: 'inclusive-class', runId: 'inclusive-class-1', teachers: 2 },
  { programId: 'burnout', runId: 'burnout-1', teachers: 4 }, // 3 seats: the fourth waits
];

/** Seeds the demo catalogue; call inside seedDemo's transaction, after the teachers. */
export function seedDemoCatalogue(db: Db): void {
  upsertPrograms(
    db,
    demoPrograms.map((program) => programSchema.parse(program)),
  );
  const teacherIds = (db.prepare('SELECT id FROM teachers ORDER BY id LIMIT -1 OFFSET 2').all() as { id: number }[]).map((row) => row.id);
  for (const run of fullRuns) {
    for (const teacherId of teacherIds.slice(0, run.teachers)) {
      signUp(db, { id: randomUUID(), teacherId, programId: run.programId, runId: run.runId });
    }
  }
}
