import { applyPendingStandings } from '../aggregates/store/pending.ts';
import { randomUUID } from 'node:crypto';
import { framework, instrumentById } from '../../../shared/content/index.ts';
import { competencyIds } from '../../../shared/competencies.ts';
import type { Instrument } from '../../../shared/schemas/instrument.ts';
import { programSchema } from '../../../shared/schemas/program.ts';
import { scoreOrThrow } from '../diagnostics/prepare-submission.ts';
import { installShippedInstruments } from '../diagnostics/install-shipped.ts';
import { periodDates, periodOf, previousPeriod } from '../aggregates/period.ts';
import { attemptStore } from '../diagnostics/attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { markEnrollmentCompleted, saveFeedback, signUp } from '../catalogue/enrollment-store.ts';
import { upsertPrograms } from '../catalogue/program-store.ts';
import { insertTeacher, allTeacherIds, schoolsWithMunicipality } from '../roster/store.ts';

/**
 * Results for the report pages of the demo: without them Обзор, Спрос and
 * Эффективность would be empty, and with only the eight named teachers every
 * number would be suppressed (fewer than 5 teachers). So each demo school
 * gets a few more invented teachers (no connection codes: nobody logs in as
 * them), and most of the others (not the first named teacher, whom the demo
 * journal shows, so that they can take their first diagnostic themselves) take the
 * self-assessment in the previous учебный год and in the running one, through
 * the real scoring and storage. A past run of one programme was completed by
 * some of them, with feedback, so effectiveness has something to compare.
 */

const extraNames: [string, string, string][] = [
  ['Никифорова', 'Мария', 'Ивановна'],
  ['Слепцов', 'Айсен', 'Петрович'],
  ['Васильева', 'Ольга', 'Николаевна'],
  ['Сивцева', 'Туйаара', 'Егоровна'],
  ['Попов', 'Андрей', 'Васильевич'],
  ['Яковлева', 'Елена', 'Сергеевна'],
  ['Федоров', 'Иван', 'Иннокентьевич'],
  ['Петрова', 'Саргылана', 'Алексеевна'],
  ['Максимова', 'Людмила', 'Гаврильевна'],
  ['Степанов', 'Василий', 'Егорович'],
  ['Гоголева', 'Надежда', 'Афанасьевна'],
  ['Решетникова', 'Анастасия', 'Юрьевна'],
];
const extraPerSchool = 5;

/** Deterministic, so the demo looks the same on every fresh start. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Answers of a teacher whose command of each competency is `ability` (0–1). */
function answersFor(instrument: Instrument, ability: Record<string, number>, next: () => number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const item of instrument.items) {
    if (item.kind !== 'likert') continue;
    const area = item.measures[0]!.indicator.split('.')[0]!;
    const agree = Math.min(5, Math.max(1, Math.round(1 + 4 * ((ability[area] ?? 0.6) + (next() - 0.5) * 0.3))));
    answers[item.id] = item.reverse ? 6 - agree : agree;
  }
  return answers;
}

export const demoPastProgram = 'formative-assessment';

/**
 * Called by `npm start` and `profrost demo` right after seedDemo created the
 * demo (not by seedDemo itself: tests build on the bare demo republic), in
 * one transaction.
 */
export function seedDemoResults(db: Db, today: Date = new Date()): void {
  db.transaction(() => {
    seedResults(db, today);
    // The attempts' triggers noted the standings to compute; the demo opens with its reports counted.
    applyPendingStandings(db);
  })();
}

function seedResults(db: Db, today: Date): void {
  installShippedInstruments(db);
  const selfAssessment = instrumentById('selfAssessment')!;
  const deps = { db, attempts: attemptStore(db), framework };
  const next = random(7);

  const schools = schoolsWithMunicipality(db);
  let nameIndex = 0;
  for (const { school, municipality } of schools) {
    for (let i = 0; i < extraPerSchool; i++) {
      const [lastName, firstName, middleName] = extraNames[nameIndex++ % extraNames.length]!;
      insertTeacher(db, { municipality, school, lastName, firstName, middleName, position: 'учитель', subjects: '', experienceYears: Math.floor(next() * 30) });
    }
  }

  const current = periodOf(today.toISOString());
  const previous = previousPeriod(current);
  const earlier = `${periodDates(previous).start.slice(0, 4)}-10-15T10:00:00+09:00`;
  const recentDay = new Date(Math.max(Date.parse(periodDates(current).start), today.getTime() - 14 * 86_400_000));
  const recent = `${recentDay.toISOString().slice(0, 10)}T10:00:00+09:00`;

  // A programme whose only run ended in the previous year, between the two diagnostics.
  const runYear = Number(periodDates(previous).start.slice(0, 4)) + 1;
  const run = { id: `${demoPastProgram}-1`, start: `${runYear}-01-20`, end: `${runYear}-02-14`, seats: 30 };
  upsertPrograms(db, [
    programSchema.parse({
      id: demoPastProgram,
      title: 'Формирующее оценивание на уроке: приёмы и инструменты',
      provider: 'ГАУ ДПО «Институт развития образования»',
      hours: 36,
      format: 'ochnoZaochno',
      competencies: ['methodical'],
      runs: [run],
    }),
  ]);

  for (const [index, teacherId] of allTeacherIds(db).slice(1).entries()) {
    // Some have not taken a diagnostic yet: participation is never complete, and its gap is large enough to show.
    if (index % 6 === 5) continue;
    const ability = Object.fromEntries(competencyIds.map((area) => [area, 0.35 + next() * 0.6]));
    const completer = index % 3 === 0;
    for (const [completedAt, gain] of [
      [earlier, 0],
      [recent, completer ? 0.15 : 0.03],
    ] as const) {
      const grown = Object.fromEntries(Object.entries(ability).map(([area, value]) => [area, Math.min(1, value + gain)]));
      deps.attempts.saveNow(
        scoreOrThrow(deps, teacherId, {
          id: randomUUID(),
          instrumentId: selfAssessment.id,
          instrumentVersion: selfAssessment.version,
          answers: answersFor(selfAssessment, grown, next),
          completedAt,
        }),
      );
    }
    if (!completer) continue;
    const enrollmentId = randomUUID();
    const signed = signUp(db, { id: enrollmentId, teacherId, programId: demoPastProgram, runId: run.id }, new Date(`${run.start}T00:00:00Z`));
    if (signed.kind !== 'created') continue;
    markEnrollmentCompleted(db, enrollmentId, 'demo', new Date(`${run.end}T12:00:00Z`));
    if (index % 2 === 0)
      saveFeedback(db, teacherId, enrollmentId, { useful: index % 4 === 2 ? 'partly' : 'yes', changedInLessons: '', wouldRecommend: index % 4 !== 2 });
  }
}
