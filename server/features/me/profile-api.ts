import { Hono } from 'hono';
import type { ProfileResponse } from '../../../shared/api/profile.ts';
import { currentProfile } from '../../../shared/profile/current-profile.ts';
import { growth } from '../../../shared/profile/growth.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { type TeacherEnv, teacherAuth } from '../../platform/auth/teacher-auth.ts';
import type { AttemptStore } from '../diagnostics/attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';

/** `GET /api/v1/me/profile`, computed from the stored results with the shared logic. */
export function profileApi(db: Db, attempts: AttemptStore) {
  return new Hono<TeacherEnv>().use(teacherAuth(db)).get('/', (c) => {
    const scored = attempts.byTeacher(c.get('device').teacherId).map((attempt) => ({
      attemptId: attempt.id,
      instrumentId: attempt.instrumentId,
      instrumentVersion: attempt.instrumentVersion,
      completedAt: attempt.completedAt,
      result: attempt.result as AttemptResult,
    }));
    return c.json({ profile: currentProfile(scored), growth: growth(scored) } satisfies ProfileResponse);
  });
}
