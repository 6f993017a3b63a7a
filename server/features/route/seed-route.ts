import { currentProfile } from '../../../shared/profile/current-profile.ts';
import { buildRoute } from '../../../shared/route/build-route.ts';
import { catalogueDay } from '../../../shared/schemas/program.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { attemptStore } from '../diagnostics/attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { liveEnrollmentsByRun } from '../catalogue/enrollment-store.ts';
import { listPrograms } from '../catalogue/program-store.ts';
import type { NewRouteItem } from './store.ts';
import { readTeacherRecord } from '../me/store.ts';

/**
 * The first items of a teacher's ИОМ: what the shared route builder
 * recommends from their current profile, the catalogue of their
 * municipality and the republic, their sign-ups and their preferences.
 */
export function recommendationsFor(db: Db, teacherId: number, today: Date = new Date()): NewRouteItem[] {
  const teacher = readTeacherRecord(db, teacherId);
  if (!teacher) return [];
  const scored = attemptStore(db)
    .byTeacher(teacherId)
    .map((attempt) => ({
      attemptId: attempt.id,
      instrumentId: attempt.instrumentId,
      instrumentVersion: attempt.instrumentVersion,
      completedAt: attempt.completedAt,
      result: attempt.result as AttemptResult,
    }));
  const catalogue = listPrograms(db, { municipality: teacher.municipality, limit: 100_000, offset: 0 }).items;
  const enrollments = [
    ...liveEnrollmentsByRun(
      db,
      teacherId,
      catalogue.flatMap((p) => p.runs.map((r) => r.id)),
    ).values(),
  ];

  const route = buildRoute({
    profile: currentProfile(scored),
    catalogue,
    enrollments,
    preferences: teacher.preferences,
    today: catalogueDay(today),
    municipality: teacher.municipality,
  });
  return route.recommendations.map((r) => ({
    id: r.id,
    competency: r.competency,
    kind: r.kind,
    programId: r.programId ?? null,
    runId: r.runId ?? null,
    reason: r.reason,
  }));
}
