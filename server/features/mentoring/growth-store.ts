import { type CompetencyId, competencyIds } from '../../../shared/competencies.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { type MentoringScope, schoolFilter } from './scope.ts';

/** One competency: the mentees' growth since their pair began, beside comparable early-career teachers without a mentor. */
export interface MenteeGrowthRow {
  competency: CompetencyId;
  /** Mentees with a score before the pair's start and a score of the same instrument since. */
  menteesMeasured: number;
  /** Their mean growth, points of 100; null without anyone measured. */
  menteesGrowth: number | null;
  /** Early-career teachers never paired, measured over the same dates with the same instrument and at the same level before. */
  comparisonMeasured: number;
  /** Their growth, weighted by the mentees' mix of (start date, instrument, level before); null without a comparable one. */
  comparisonGrowth: number | null;
}

interface Score {
  teacherId: number;
  instrumentId: string;
  completedAt: string;
  area: string;
  score: number;
  level: string;
}

interface Measured {
  teacherId: number;
  stratum: string;
  growth: number;
}

/**
 * The growth of one teacher in one competency around a date: her last score before it (any instrument), against
 * the latest score of the same instrument on or after it. Undefined without both.
 */
function growthAround(scores: readonly Score[], start: string): { instrumentId: string; level: string; growth: number } | undefined {
  const before = scores.filter((s) => s.completedAt < start).at(-1);
  if (!before) return undefined;
  const after = scores.filter((s) => s.instrumentId === before.instrumentId && s.completedAt >= start).at(-1);
  return after && { instrumentId: before.instrumentId, level: before.level, growth: after.score - before.score };
}

const round = (value: number) => Math.round(10 * value) / 10;

/**
 * Наставничество's effect, as «Эффективность» measures a programme's (summaries/store/effectiveness.ts): for each
 * mentee of a live pair within the scope, per competency, her score before the pair began against the latest of the
 * same instrument since; comparison: early-career teachers of the scope who never had a mentor, measured around
 * the same start date with the same instrument, grouped by that and their level before, and weighted by how many
 * mentees are in each group. The difference is the apparent effect, not proof: pairs are not chosen at random.
 */
export function menteeGrowth(db: Db, scope: MentoringScope): MenteeGrowthRow[] {
  const filter = schoolFilter(scope);
  const mentees = prepared(
    db,
    `SELECT p.mentee_id AS teacherId, p.started_on AS startedOn FROM mentoring_pairs p JOIN teachers t ON t.id = p.mentee_id
       JOIN schools s ON s.id = t.school_id WHERE p.ended_at IS NULL AND ${filter.sql}`,
  ).all(...filter.params) as { teacherId: number; startedOn: string }[];
  if (mentees.length === 0) return [];
  const scores = prepared(
    db,
    `SELECT a.teacher_id AS teacherId, a.instrument_id AS instrumentId, a.completed_at AS completedAt, x.area, x.score, x.level
       FROM teachers t JOIN schools s ON s.id = t.school_id JOIN attempts a ON a.teacher_id = t.id JOIN attempt_scores x ON x.attempt_seq = a.seq
       WHERE t.erased_at IS NULL AND t.experience_years IS NOT NULL AND t.experience_years < 3 AND x.score IS NOT NULL AND ${filter.sql}
       ORDER BY a.completed_at, a.seq`,
  ).all(...filter.params) as Score[];
  const paired = new Set(prepared(db, 'SELECT DISTINCT mentee_id FROM mentoring_pairs').pluck().all() as number[]);
  const byTeacherArea = new Map<string, Score[]>();
  for (const score of scores) {
    const key = `${score.teacherId}|${score.area}`;
    byTeacherArea.set(key, [...(byTeacherArea.get(key) ?? []), score]);
  }
  const others = [...new Set(scores.map((s) => s.teacherId))].filter((id) => !paired.has(id));
  const rows: MenteeGrowthRow[] = [];
  for (const competency of competencyIds) {
    const of = (teacherId: number) => byTeacherArea.get(`${teacherId}|${competency}`) ?? [];
    const measured: Measured[] = [];
    const comparison = new Map<string, Measured[]>();
    for (const { teacherId, startedOn } of mentees) {
      const own = growthAround(of(teacherId), startedOn);
      if (!own) continue;
      const stratum = `${startedOn}|${own.instrumentId}|${own.level}`;
      measured.push({ teacherId, stratum, growth: own.growth });
      if (comparison.has(stratum)) continue;
      comparison.set(
        stratum,
        others.flatMap((other) => {
          const theirs = growthAround(of(other), startedOn);
          return theirs && theirs.instrumentId === own.instrumentId && theirs.level === own.level ? [{ teacherId: other, stratum, growth: theirs.growth }] : [];
        }),
      );
    }
    if (measured.length === 0) continue;
    let weighted = 0;
    let weights = 0;
    const used = new Set<number>();
    for (const mentee of measured) {
      const group = comparison.get(mentee.stratum) ?? [];
      if (group.length === 0) continue;
      weighted += group.reduce((sum, m) => sum + m.growth, 0) / group.length;
      weights++;
      for (const m of group) used.add(m.teacherId);
    }
    rows.push({
      competency,
      menteesMeasured: measured.length,
      menteesGrowth: round(measured.reduce((sum, m) => sum + m.growth, 0) / measured.length),
      comparisonMeasured: used.size,
      comparisonGrowth: weights > 0 ? round(weighted / weights) : null,
    });
  }
  return rows;
}
