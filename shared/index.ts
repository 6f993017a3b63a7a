/**
 * The public API of `shared/`: vocabulary, schemas and the pure domain logic
 * (no I/O) used by both the extension and the server. The API contracts in
 * `shared/api/` are imported from there directly.
 */
export * from './competencies.ts';
export * from './errors.ts';
export * from './schemas/framework.ts';
export * from './schemas/instrument.ts';
export * from './schemas/program.ts';
export * from './schemas/locale.ts';

export { parseFramework } from './scoring/parse-framework.ts';
export { parseInstrument, instrumentFrameworkIssues } from './scoring/parse-instrument.ts';
export { levelFor } from './scoring/levels.ts';
export { scoreAttempt } from './scoring/score-attempt.ts';
export { checkAnswers, type CheckedAnswer } from './scoring/answers.ts';
export { itemScore } from './scoring/item-score.ts';
export { roundScore } from './scoring/round.ts';
export {
  levelSchema,
  areaResultSchema,
  indicatorResultSchema,
  deficitSchema,
  attemptResultSchema,
  submissionSchema,
  type AreaResult,
  type IndicatorResult,
  type Deficit,
  type AttemptResult,
  type Submission,
} from './scoring/result.ts';

export { scoredAttemptSchema, type ScoredAttempt } from './profile/scored-attempt.ts';
export { currentProfile, type Profile, type Standing, type StandingSource } from './profile/current-profile.ts';
export { growth, type Growth, type GrowthEntry, type GrowthPoint, type NotComparable } from './profile/growth.ts';

export { buildRoute, type Route, type RouteInput, type RouteProfile } from './route/build-route.ts';
export { recommendationId, type Recommendation } from './route/recommendation.ts';
export { reasons, type Finding } from './route/reasons.ts';
