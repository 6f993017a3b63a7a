import type { Question } from '../../../../shared/api/consultations.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import type { FineRow } from '../base.ts';
import { optionMeasure } from '../base.ts';

/**
 * The консультации's finest rows for the summaries' base (issue 23): per consultation, school and
 * municipality × experience band (the teacher's as they are now, as the roster is counted), the teachers
 * who answered and how many chose each option. Read from the answers (a few hundred rows a consultation)
 * when the base is rebuilt, which every change of an answer causes (its triggers move the generation).
 */

export const experienceBandSql = `CASE WHEN t.experience_years IS NULL THEN 'unknown' WHEN t.experience_years < 3 THEN 'early'
  WHEN t.experience_years <= 10 THEN 'y3to10' WHEN t.experience_years <= 20 THEN 'y11to20' ELSE 'y21plus' END`;

interface Grain {
  consultation: number;
  schoolId: number;
  municipalityId: number;
  band: string;
  respondents: number;
}

/** A question of a consultation with its kind and number of options, as the base's families need them. */
export interface CountedQuestion {
  consultation: number;
  question: number;
  kind: Question['kind'];
  options: number;
}

export function countedQuestions(db: Db): CountedQuestion[] {
  const rows = prepared(db, 'SELECT id, questions_json AS questions FROM consultations ORDER BY id').all() as { id: number; questions: string }[];
  return rows.flatMap(({ id, questions }) =>
    (JSON.parse(questions) as Question[]).map((q, index) => ({
      consultation: id,
      question: index,
      kind: q.kind,
      options: q.kind === 'scale' ? 5 : q.options.length,
    })),
  );
}

function grains(db: Db): Grain[] {
  return prepared(
    db,
    `SELECT a.consultation_id AS consultation, t.school_id AS schoolId, s.municipality_id AS municipalityId, ${experienceBandSql} AS band,
       count(*) AS respondents
     FROM consultation_answers a JOIN teachers t ON t.id = a.teacher_id JOIN schools s ON s.id = t.school_id
     GROUP BY a.consultation_id, t.school_id, band`,
  ).all() as Grain[];
}

/** Chosen counts by consultation, question, option, school and band. */
function choiceCounts(db: Db): Map<string, number> {
  const rows = prepared(
    db,
    `SELECT c.consultation_id AS consultation, c.question, c.option, t.school_id AS schoolId, ${experienceBandSql} AS band, count(*) AS chose
     FROM consultation_choices c JOIN teachers t ON t.id = c.teacher_id
     GROUP BY c.consultation_id, c.question, c.option, t.school_id, band`,
  ).all() as { consultation: number; question: number; option: number; schoolId: number; band: string; chose: number }[];
  return new Map(rows.map((r) => [`${r.consultation}:${r.question}:${r.option}@${r.schoolId}/${r.band}`, r.chose]));
}

function* both(grain: Grain, area: string, counts: Record<string, number>): Generator<FineRow> {
  yield { unit: { school: grain.schoolId }, area, counts, sums: {} };
  yield { unit: { municipality: grain.municipalityId, band: grain.band }, area, counts: { ...counts }, sums: {} };
}

/** Respondents per consultation (area: its id). */
export function* respondentRows(db: Db): Generator<FineRow> {
  for (const grain of grains(db)) yield* both(grain, String(grain.consultation), { respondents: grain.respondents });
}

/** Per option of every multiple-choice question (area `c:q:o`): respondents and those who chose it. */
export function* optionRows(db: Db): Generator<FineRow> {
  const chosen = choiceCounts(db);
  const questions = countedQuestions(db).filter((q) => q.kind === 'multiple');
  const all = grains(db);
  for (const q of questions) {
    for (const grain of all.filter((g) => g.consultation === q.consultation)) {
      for (let option = 0; option < q.options; option++) {
        const chose = chosen.get(`${q.consultation}:${q.question}:${option}@${grain.schoolId}/${grain.band}`) ?? 0;
        yield* both(grain, `${q.consultation}:${q.question}:${option}`, { respondents: grain.respondents, chose });
      }
    }
  }
}

/** Per single-choice or 1–5 question with `n` options (area `c:q`): respondents and each option's count. */
export function* choiceRows(db: Db, n: number): Generator<FineRow> {
  const chosen = choiceCounts(db);
  const questions = countedQuestions(db).filter((q) => (q.kind === 'single' || q.kind === 'scale') && q.options === n);
  const all = grains(db);
  for (const q of questions) {
    for (const grain of all.filter((g) => g.consultation === q.consultation)) {
      const counts: Record<string, number> = { respondents: grain.respondents };
      for (let option = 0; option < n; option++) {
        counts[optionMeasure(option)] = chosen.get(`${q.consultation}:${q.question}:${option}@${grain.schoolId}/${grain.band}`) ?? 0;
      }
      yield* both(grain, `${q.consultation}:${q.question}`, counts);
    }
  }
}
