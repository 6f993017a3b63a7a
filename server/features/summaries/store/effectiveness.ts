import { feedbackRequestSchema } from '../../../../shared/api/programs.ts';
import { catalogueDay } from '../../../../shared/schemas/program.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { columns, competencyValues } from '../columns.ts';
import { competencyOrderSql } from './grouping.ts';
import { mean, percent, type Summary, type SummaryRow, withSuppression } from '../summary.ts';
import { cellKey, flatLattice, suppressComponent } from '../suppression.ts';
import { families } from '../base.ts';
import { periodDates } from '../../aggregates/period.ts';

export interface EffectivenessOptions {
  period: string;
  municipalityId?: number;
  minGroup: number;
  /** Today by default: a confirmed place on a run that has ended by then counts as completed. */
  asOf?: string;
}

/** One programme and one competency it targets, before suppression. */
export interface ProgramEffect {
  programId: string;
  title: string;
  area: string;
  completers: number;
  completersMeasured: number;
  completersGrowthSum: number;
  comparisonMeasured: number;
  /** Growth of comparable teachers, standardised to the completers' mix of starting levels. */
  comparisonGrowth: number | null;
  feedback: number;
  useful: number;
  recommend: number;
}

interface PairRow {
  runId: string;
  programId: string;
  area: string;
  teacherId: number;
  instrumentId: string;
  levelBefore: string;
  growth: number;
  completer: number;
}

/**
 * Эффективность программ. Runs that ended in the period, programme by
 * programme and competency by competency it targets.
 *
 * Completers: sign-ups marked completed, or confirmed on a run that has ended
 * by the as-of date. Their growth: for each targeted competency, the score of
 * the teacher's last attempt completed before the run started (any instrument
 * that scored the competency) against the first attempt of the same
 * instrument completed after the run ended; only teachers with both count.
 * Comparison: teachers who completed no run of this programme, measured over
 * the same dates in the same way, grouped by instrument and their level
 * before (выраженный / умеренный / нет дефицита), and weighted by how many
 * completers started in each group; so a programme that took mostly teachers
 * with a deficit is compared with other teachers who had one, not with
 * everyone. The difference between the two is the programme's apparent
 * effect, not proof of it: teachers chose the programme themselves.
 */
export function programEffects(db: Db, { period, municipalityId, asOf = catalogueDay(new Date()) }: EffectivenessOptions): ProgramEffect[] {
  const { start, end } = periodDates(period);
  const scoped = municipalityId !== undefined;
  const params = { start, end, asOf, ...(scoped ? { municipalityId } : {}) };
  const inScope = scoped ? 'AND t.school_id IN (SELECT id FROM schools WHERE municipality_id = @municipalityId)' : '';
  const completersSql = `
    SELECT e.teacher_id, e.run_id, e.feedback_json FROM enrollments e JOIN program_runs r ON r.id = e.run_id
    JOIN teachers t ON t.id = e.teacher_id
    WHERE (e.status = 'completed' OR (e.status = 'confirmed' AND r.end_date < @asOf)) ${inScope}`;

  const targets = prepared(
    db,
    `SELECT p.id AS programId, p.title, c.value AS area,
       (SELECT count(DISTINCT x.teacher_id) FROM (${completersSql}) x JOIN program_runs r2 ON r2.id = x.run_id
        WHERE r2.program_id = p.id AND r2.end_date BETWEEN @start AND @end) AS completers
     FROM programs p, json_each(p.competencies_json) c
     WHERE EXISTS (SELECT 1 FROM program_runs r WHERE r.program_id = p.id AND r.end_date BETWEEN @start AND @end AND r.end_date < @asOf)
     ORDER BY p.title, p.id, ${competencyOrderSql('c.value')}`,
  ).all(params) as { programId: string; title: string; area: string; completers: number }[];

  const pairs = prepared(
    db,
    `WITH runs AS (
       SELECT r.id AS runId, r.program_id AS programId, r.start_date, date(r.end_date, '+1 day') AS afterDate, c.value AS area
       FROM program_runs r JOIN programs p ON p.id = r.program_id, json_each(p.competencies_json) c
       WHERE r.end_date BETWEEN @start AND @end AND r.end_date < @asOf),
     completed AS (SELECT DISTINCT x.teacher_id, r.program_id FROM (${completersSql}) x JOIN program_runs r ON r.id = x.run_id),
     before AS (
       SELECT runs.runId, runs.programId, runs.area, runs.afterDate, a.teacher_id AS teacherId, a.instrument_id AS instrumentId,
         s.score, s.level,
         row_number() OVER (PARTITION BY runs.runId, runs.area, a.teacher_id ORDER BY a.completed_at DESC, a.id DESC) AS n
       FROM runs JOIN attempt_scores s ON s.area = runs.area AND s.score IS NOT NULL
       JOIN attempts a ON a.seq = s.attempt_seq AND a.completed_at < runs.start_date
       JOIN teachers t ON t.id = a.teacher_id
       WHERE 1 ${inScope})
     SELECT b.runId, b.programId, b.area, b.teacherId, b.instrumentId, b.level AS levelBefore,
       (SELECT s2.score FROM attempts a2 JOIN attempt_scores s2 ON s2.attempt_seq = a2.seq AND s2.area = b.area
        WHERE a2.teacher_id = b.teacherId AND a2.instrument_id = b.instrumentId AND a2.completed_at >= b.afterDate AND s2.score IS NOT NULL
        ORDER BY a2.completed_at, a2.id LIMIT 1) - b.score AS growth,
       EXISTS (SELECT 1 FROM completed c WHERE c.teacher_id = b.teacherId AND c.program_id = b.programId) AS completer
     FROM before b WHERE b.n = 1 AND growth IS NOT NULL`,
  ).all(params) as PairRow[];

  const feedback = prepared(
    db,
    `SELECT r.program_id AS programId, x.feedback_json AS feedbackJson FROM (${completersSql}) x JOIN program_runs r ON r.id = x.run_id
     WHERE r.end_date BETWEEN @start AND @end AND x.feedback_json IS NOT NULL`,
  ).all(params) as { programId: string; feedbackJson: string }[];
  const feedbackByProgram = new Map<string, { feedback: number; useful: number; recommend: number }>();
  for (const { programId, feedbackJson } of feedback) {
    const answer = readFeedback(feedbackJson);
    if (!answer) continue;
    const sums = feedbackByProgram.get(programId) ?? { feedback: 0, useful: 0, recommend: 0 };
    sums.feedback++;
    sums.useful += Number(answer.useful);
    sums.recommend += Number(answer.recommend);
    feedbackByProgram.set(programId, sums);
  }

  return targets.map((target) => {
    const own = pairs.filter((p) => p.programId === target.programId && p.area === target.area);
    const completers = own.filter((p) => p.completer);
    const others = own.filter((p) => !p.completer);
    // Direct standardisation: each completer's stratum (run, instrument, level before) gets the comparison mean of that stratum.
    const stratum = (p: PairRow) => `${p.runId}|${p.instrumentId}|${p.levelBefore}`;
    const comparisonByStratum = new Map<string, number[]>();
    for (const p of others) comparisonByStratum.set(stratum(p), [...(comparisonByStratum.get(stratum(p)) ?? []), p.growth]);
    let weighted = 0;
    let weights = 0;
    const used = new Set<number>();
    for (const p of completers) {
      const group = comparisonByStratum.get(stratum(p));
      if (!group) continue;
      weighted += group.reduce((a, b) => a + b, 0) / group.length;
      weights++;
    }
    for (const p of others) if (completers.some((c) => stratum(c) === stratum(p))) used.add(p.teacherId);
    const sums = feedbackByProgram.get(target.programId) ?? { feedback: 0, useful: 0, recommend: 0 };
    return {
      programId: target.programId,
      title: target.title,
      area: target.area,
      completers: target.completers,
      completersMeasured: new Set(completers.map((p) => p.teacherId)).size,
      completersGrowthSum: completers.reduce((a, p) => a + p.growth, 0),
      comparisonMeasured: used.size,
      comparisonGrowth: weights > 0 ? Math.round((10 * weighted) / weights) / 10 : null,
      ...sums,
    };
  });
}

/** A completer's feedback as the feedback endpoint stores it (shared schema); anything else is ignored. */
function readFeedback(json: string): { useful: boolean; recommend: boolean } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const feedback = feedbackRequestSchema.safeParse(value);
  return feedback.success ? { useful: feedback.data.useful === 'yes', recommend: feedback.data.wouldRecommend } : undefined;
}

/** `programs.csv`: one row per programme and competency it targets. */
export function effectivenessSummary(db: Db, options: EffectivenessOptions): Summary {
  return {
    columns: columns('programs', 'competency'),
    rows: effectivenessRows(programEffects(db, options), options),
  };
}

/**
 * Rows of different programmes add up to nothing published, so each row is a
 * unit of its own in the base's `programs` family (feedback = useful + not =
 * recommends + does not; the shares give `useful` and `recommend` away, so
 * they count as shown).
 */
export function* effectivenessRows(effects: ProgramEffect[], { period, minGroup }: { period: string; minGroup: number }): Generator<SummaryRow> {
  const lattice = flatLattice(['programme']);
  for (const e of effects) {
    const counts = {
      completers: e.completers,
      completersMeasured: e.completersMeasured,
      comparisonMeasured: e.comparisonMeasured,
      feedback: e.feedback,
      useful: e.useful,
      recommend: e.recommend,
      notUseful: e.feedback - e.useful,
      notRecommend: e.feedback - e.recommend,
    };
    const hidden = suppressComponent(new Map([['programme', counts]]), families.programs, lattice, minGroup);
    const suppressed = new Set(Object.keys(counts).filter((measure) => hidden.has(cellKey('programme', measure))));
    yield withSuppression(
      {
        period,
        programId: e.programId,
        program: e.title,
        ...competencyValues(e.area),
        completers: e.completers,
        completersMeasured: e.completersMeasured,
        completersGrowth: mean(e.completersGrowthSum, e.completersMeasured),
        comparisonMeasured: e.comparisonMeasured,
        comparisonGrowth: e.comparisonMeasured > 0 ? e.comparisonGrowth : null,
        feedback: e.feedback,
        usefulShare: percent(e.useful, e.feedback),
        recommendShare: percent(e.recommend, e.feedback),
      },
      suppressed,
      {
        completersGrowth: ['completersMeasured'],
        comparisonGrowth: ['comparisonMeasured'],
        usefulShare: ['useful', 'feedback'],
        recommendShare: ['recommend', 'feedback'],
      },
    );
  }
}
