/**
 * A realistic slice of a republic's ДПО catalogue, as of 1 September 2026:
 * programmes across the five competencies, some runs full, some distance,
 * some already past, one archived, one municipal.
 */
import { type Program, type ProgramInput, programSchema } from '../schemas/program.ts';

export const today = '2026-09-01';

const run = (id: string, start: string, end: string, seats: number, seatsTaken: number) => ({ id, start, end, seats, seatsTaken });

const inputs: ProgramInput[] = [
  {
    id: 'pk-subject-math-72',
    title: 'Методика решения задач повышенной сложности по математике',
    provider: 'Институт развития образования',
    hours: 72,
    format: 'ochno',
    competencies: ['subject'],
    runs: [run('math-72-autumn', '2026-10-05', '2026-10-16', 25, 10)],
  },
  {
    id: 'pk-subject-rus-36',
    title: 'Трудные вопросы орфографии и пунктуации',
    provider: 'Институт развития образования',
    hours: 36,
    format: 'distance',
    competencies: ['subject'],
    runs: [run('rus-36-autumn', '2026-11-02', '2026-11-20', 30, 30)],
  },
  {
    id: 'pk-subject-olymp-36',
    title: 'Подготовка обучающихся к олимпиадам',
    provider: 'Педагогический университет',
    hours: 36,
    format: 'ochno',
    competencies: ['subject'],
    runs: [run('olymp-36-summer', '2026-08-20', '2026-08-28', 20, 5), run('olymp-36-spring', '2027-03-15', '2027-03-26', 20, 0)],
  },
  {
    id: 'pk-methodical-fgos-36',
    title: 'Реализация обновлённых ФГОС: проектирование урока',
    provider: 'Центр непрерывного повышения профессионального мастерства',
    hours: 36,
    format: 'ochnoZaochno',
    competencies: ['methodical'],
    runs: [run('fgos-36-autumn', '2026-10-12', '2026-10-23', 20, 20), run('fgos-36-winter', '2027-02-01', '2027-02-12', 20, 0)],
  },
  {
    id: 'pk-methodical-assess-16',
    title: 'Формирующее оценивание на уроке',
    provider: 'Центр непрерывного повышения профессионального мастерства',
    hours: 16,
    format: 'distance',
    competencies: ['methodical'],
    runs: [run('assess-16-sept', '2026-09-20', '2026-09-27', 100, 40)],
  },
  {
    id: 'pk-methodical-old-72',
    title: 'Функциональная грамотность: методика',
    provider: 'Институт развития образования',
    hours: 72,
    format: 'ochno',
    competencies: ['methodical'],
    runs: [run('old-72-spring', '2026-03-01', '2026-03-20', 25, 25)],
  },
  {
    id: 'pp-retraining-260',
    title: 'Педагогическое образование: учитель математики (переподготовка)',
    provider: 'Педагогический университет',
    hours: 260,
    format: 'distance',
    competencies: ['subject', 'methodical'],
    runs: [run('retraining-260-2026', '2026-09-10', '2027-05-30', 40, 12)],
  },
  {
    id: 'pk-psy-inclusion-72',
    title: 'Инклюзивное образование детей с ОВЗ',
    provider: 'Институт развития образования',
    hours: 72,
    format: 'ochno',
    competencies: ['psychoPedagogical'],
    runs: [run('inclusion-72-autumn', '2026-10-19', '2026-10-30', 25, 3)],
  },
  {
    id: 'pk-psy-burnout-16',
    title: 'Профилактика профессионального выгорания педагога',
    provider: 'Центр психолого-педагогической помощи',
    hours: 16,
    format: 'distance',
    competencies: ['psychoPedagogical'],
    runs: [run('burnout-16-dec', '2026-12-07', '2026-12-14', 200, 20)],
  },
  {
    id: 'pk-comm-parents-36',
    title: 'Эффективное взаимодействие с родителями',
    provider: 'Институт развития образования',
    hours: 36,
    format: 'ochno',
    competencies: ['communicative'],
    runs: [run('parents-36-sept', '2026-09-14', '2026-09-25', 20, 20)],
  },
  {
    id: 'pk-comm-conflict-16',
    title: 'Медиация и разрешение конфликтов в школе',
    provider: 'Алатырская методическая служба',
    hours: 16,
    format: 'distance',
    competencies: ['communicative'],
    municipality: 'Алатырь',
    runs: [run('conflict-16-jan', '2027-01-18', '2027-01-25', 30, 0)],
  },
  {
    id: 'pk-digital-ai-36',
    title: 'Цифровые инструменты и ИИ в работе учителя',
    provider: 'Центр цифровой трансформации образования',
    hours: 36,
    format: 'distance',
    competencies: ['digital'],
    runs: [run('ai-36-oct', '2026-10-01', '2026-10-20', 500, 120)],
  },
  {
    id: 'pk-digital-lms-72',
    title: 'Смешанное обучение на региональной образовательной платформе',
    provider: 'Центр цифровой трансформации образования',
    hours: 72,
    format: 'ochnoZaochno',
    competencies: ['digital', 'methodical'],
    runs: [run('lms-72-nov', '2026-11-16', '2026-12-04', 30, 8)],
  },
  {
    id: 'pk-digital-archived-16',
    title: 'Электронный журнал: первые шаги',
    provider: 'Центр цифровой трансформации образования',
    hours: 16,
    format: 'distance',
    competencies: ['digital'],
    archived: true,
    runs: [run('archived-16-sept', '2026-09-15', '2026-09-18', 100, 0)],
  },
];

export const catalogue: Program[] = inputs.map((input) => programSchema.parse(input));
