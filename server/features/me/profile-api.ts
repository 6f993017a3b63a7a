import type { Handler } from 'hono';
import type { ProfileResponse } from '../../../shared/api/profile.ts';
import { currentProfile } from '../../../shared/profile/current-profile.ts';
import { growth } from '../../../shared/profile/growth.ts';
import { weakestIndicators } from '../../../shared/profile/weak-indicators.ts';
import { indicatorTitle } from '../route/rebuild.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import { scoredAttemptsOf } from '../diagnostics/attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';

/** `getCompetencyProfile`, computed from the stored results (their answers left unread) with the shared logic. */
export function profileApi(db: Db): { getCompetencyProfile: Handler<TeacherEnv> } {
  return {
    getCompetencyProfile: (c) => {
      const scored = scoredAttemptsOf(db, c.get('device').teacherId);
      const weak = weakestIndicators(scored);
      const weakIndicators = Object.fromEntries(
        Object.entries(weak).map(([competency, list]) => [competency, list.map((indicator) => ({ ...indicator, title: indicatorTitle(indicator.id) }))]),
      );
      return c.json({ profile: currentProfile(scored), growth: growth(scored), weakIndicators } satisfies ProfileResponse);
    },
  };
}
