import { type AreaId, type CompetencyId, competencyIds, type DeficitLevel, type Level, type RiskLevel } from '../competencies.ts';
import type { Band } from '../schemas/instrument.ts';
import { deficitsOf, isDeficitScaleLevel } from '../scoring/deficits.ts';
import { levelFor } from '../scoring/levels.ts';
import type { Deficit } from '../scoring/result.ts';
import { roundScore } from '../scoring/round.ts';
import { byInstrument } from './chronology.ts';
import type { ScoredAttempt } from './scored-attempt.ts';

/** One instrument's contribution to a standing: the score of its latest attempt. */
export interface StandingSource {
  instrumentId: string;
  instrumentVersion: number;
  attemptId?: string;
  completedAt: string;
  score: number;
  answered: number;
}

/** Where a teacher stands in one area now; `score` is null exactly when the level is insufficientData. */
export interface Standing<L extends Level> {
  score: number | null;
  level: L | 'insufficientData';
  /** Answered items behind the score, over all contributing instruments. */
  answered: number;
  /** Contributing instruments, sorted by instrument id. */
  sources: StandingSource[];
}

export interface Profile {
  competencies: Record<CompetencyId, Standing<DeficitLevel>>;
  /** Kept apart: a burnout screening is never a deficit and is shown per teacher only to the teacher. */
  wellbeing: Standing<RiskLevel>;
  /** Worst first, as in a single result. */
  deficits: Deficit[];
}

/**
 * The teacher's current profile from all their scored attempts.
 *
 * Per area, each instrument contributes its latest attempt that measured the
 * area (whatever the version: the instrument id is the stable identity). If
 * that latest attempt had too few answers in the area, the instrument
 * contributes nothing: the newest sitting decides, an older score is not
 * brought back.
 *
 * When several instruments measure one area (a self-assessment and a test of
 * the same competency), their latest scores are combined as a mean weighted by
 * the number of answered items, so a 30-item test outweighs a 5-item
 * self-assessment. The combined score is levelled with the bands of the most
 * recently completed contributing attempt; with one instrument this is exactly
 * that attempt's own level.
 */
export function currentProfile(attempts: readonly ScoredAttempt[]): Profile {
  const latestPerInstrument = [...byInstrument(attempts).values()];
  const standingIn = (area: AreaId): Standing<Level> => {
    const latest = latestPerInstrument.flatMap((group) => {
      const measured = group.filter((attempt) => attempt.result.areas[area] !== undefined);
      const last = measured.at(-1);
      return last ? [last] : [];
    });
    return combine(latest, area);
  };

  const competencies = Object.fromEntries(competencyIds.map((competency) => [competency, narrow(standingIn(competency), isDeficitScaleLevel)])) as Record<
    CompetencyId,
    Standing<DeficitLevel>
  >;
  return {
    competencies,
    wellbeing: narrow(standingIn('wellbeing'), isRiskLevel),
    deficits: deficitsOf(competencies),
  };
}

function combine(latest: readonly ScoredAttempt[], area: AreaId): Standing<Level> {
  const contributing: { attempt: ScoredAttempt; source: StandingSource }[] = [];
  for (const attempt of latest) {
    const result = attempt.result.areas[area];
    if (!result || result.score === null) continue;
    contributing.push({
      attempt,
      source: {
        instrumentId: attempt.instrumentId,
        instrumentVersion: attempt.instrumentVersion,
        ...(attempt.attemptId === undefined ? {} : { attemptId: attempt.attemptId }),
        completedAt: attempt.completedAt,
        score: result.score,
        answered: result.answered,
      },
    });
  }
  const sources = contributing.map((c) => c.source); // already by instrument id, see byInstrument
  const answered = sources.reduce((sum, s) => sum + s.answered, 0);
  if (sources.length === 0 || answered === 0) return { score: null, level: 'insufficientData', answered, sources };

  const score = roundScore(sources.reduce((sum, s) => sum + s.score * s.answered, 0) / answered);
  return { score, level: levelFor(score, bandsOfMostRecent(contributing.map((c) => c.attempt))), answered, sources };
}

function bandsOfMostRecent(attempts: readonly ScoredAttempt[]): Band[] {
  const mostRecent = attempts.reduce((a, b) => (Date.parse(b.completedAt) > Date.parse(a.completedAt) ? b : a));
  return mostRecent.result.bands;
}

function isRiskLevel(level: Level): level is RiskLevel {
  return level === 'highRisk' || level === 'moderateRisk' || level === 'lowRisk';
}

/** parseInstrument keeps risk bands on screenings and deficit bands elsewhere; stored data that breaks this is refused. */
function narrow<L extends Level>(standing: Standing<Level>, isExpected: (level: Level) => level is L): Standing<L> {
  const { level } = standing;
  if (level !== 'insufficientData' && !isExpected(level)) {
    throw new RangeError(`уровень «${level}» не подходит для этой области: результат посчитан с чужими уровнями`);
  }
  return { ...standing, level: level as L | 'insufficientData' };
}
