import type { Handler } from 'hono';
import type { ProfileResponse } from '../../../shared/api/profile.ts';
import { currentProfile } from '../../../shared/profile/current-profile.ts';
import { growth } from '../../../shared/profile/growth.ts';
import { weakestIndicators } from '../../../shared/profile/weak-indicators.ts';
import { indicatorTitle } from '../route/rebuild.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { AttemptStore } from '../diagnostics/attempt-store.ts';

/** `getCompetencyProfile`, computed from the stored results with the shared logic. */
export function profileApi(attempts: AttemptStore): { getCompetencyProfile: Handler<TeacherEnv> } {
  return {
    getCompetencyProfile: (c) => {
      const scored = attempts.byTeacher(c.get('device').teacherId).map((attempt) => ({
        attemptId: attempt.id,
        instrumentId: attempt.instrumentId,
        instrumentVersion: attempt.instrumentVersion,
        completedAt: attempt.completedAt,
        result: attempt.result as AttemptResult,
      }));
      const weak = weakestIndicators(scored);
      const weakIndicators = Object.fromEntries(
        Object.entries(weak).map(([competency, list]) => [competency, list.map((indicator) => ({ ...indicator, title: indicatorTitle(indicator.id) }))]),
      );
      return c.json({ profile: currentProfile(scored), growth: growth(scored), weakIndicators } satisfies ProfileResponse);
    },
  };
}
