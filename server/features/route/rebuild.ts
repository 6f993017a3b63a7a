import { framework } from '../../../shared/content/shipped-framework.ts';
import { currentProfile } from '../../../shared/profile/current-profile.ts';
import { weakestIndicators } from '../../../shared/profile/weak-indicators.ts';
import { buildRoute } from '../../../shared/route/build-route.ts';
import type { Recommendation } from '../../../shared/route/recommendation.ts';
import { reconcileRoute } from '../../../shared/route/reconcile.ts';
import { catalogueDay } from '../../../shared/schemas/program.ts';
import type { Db } from '../../platform/database/database.ts';
import { liveEnrollmentsByRun } from '../catalogue/enrollment-store.ts';
import { listPrograms, runStartsBetween } from '../catalogue/program-store.ts';
import { scoredAttemptsOf } from '../diagnostics/attempt-store.ts';
import { readTeacherRecord } from '../me/store.ts';
import {
  applyRouteChanges,
  catalogueGeneration,
  dropRouteNote,
  isRoutePending,
  listRouteItems,
  type RouteBasis,
  type RouteState,
  readRouteState,
} from './store.ts';

const indicatorTitles = new Map(framework.indicators.map((indicator) => [indicator.id, indicator.title]));

/** An indicator's title in the shipped framework (its id if the framework has no such indicator). */
export function indicatorTitle(id: string): string {
  return indicatorTitles.get(id) ?? id;
}

/**
 * Rebuilds the teacher's ИОМ from their scored attempts, the catalogue of
 * their municipality and the republic, their sign-ups and preferences, and
 * reconciles it with the stored one (reconcileRoute: the teacher's decisions
 * stay). Before any scored diagnostic the route holds nothing: it asks for
 * one. One IMMEDIATE transaction, so two rebuilds never interleave.
 */
export function rebuildRoute(db: Db, teacherId: number, cause: RouteBasis['cause'], at: Date = new Date()): void {
  db.transaction(() => {
    const teacher = readTeacherRecord(db, teacherId);
    if (!teacher) return dropRouteNote(db, teacherId);
    const generation = catalogueGeneration(db);
    const scored = scoredAttemptsOf(db, teacherId);
    const day = catalogueDay(at);
    const diagnosed = scored.length > 0;
    let fresh: Recommendation[] = [];
    const profile = diagnosed ? currentProfile(scored) : null;
    if (profile) {
      const catalogue = listPrograms(db, { municipality: teacher.municipality, limit: 100_000, offset: 0 }).items;
      const enrollments = [
        ...liveEnrollmentsByRun(
          db,
          teacherId,
          catalogue.flatMap((p) => p.runs.map((r) => r.id)),
        ).values(),
      ];
      const weak = weakestIndicators(scored);
      fresh = buildRoute({
        profile,
        catalogue,
        enrollments,
        preferences: teacher.preferences,
        today: day,
        municipality: teacher.municipality,
        weakIndicators: Object.fromEntries(Object.entries(weak).map(([c, list]) => [c, list.map((i) => i.id)])),
        indicatorTitle,
      }).recommendations;
    }
    const kept = listRouteItems(db, teacherId, { includePrivate: true }).map((item) => ({ ...item, retired: item.retiredAt !== null }));
    const changes = reconcileRoute(kept, fresh, profile);
    applyRouteChanges(db, teacherId, changes, fresh, { day, generation, diagnosed, cause });
  }).immediate();
}

/**
 * Whether the stored route (`state`) is out of date: noted by a new attempt or sign-up, a newer catalogue, or
 * built before a run started. The day enters the builder only through the courses' start window (no run starting
 * before today: shared/route/courses.ts, startWindow), so a route built on an earlier day is the one the builder
 * would give today unless some run's start fell on a day from then until yesterday; otherwise every teacher's
 * first read of every day rebuilt her route on the read.
 */
function staleness(db: Db, teacherId: number, state: RouteState | undefined, at: Date): RouteBasis['cause'] | null {
  if (!state) return 'first';
  if (isRoutePending(db, teacherId)) return 'teacher';
  if (state.catalogueGeneration !== catalogueGeneration(db)) return 'catalogue';
  const today = catalogueDay(at);
  if (state.builtDay !== today && (state.builtDay > today || runStartsBetween(db, state.builtDay, today))) return 'catalogue';
  return null;
}

/** Whether the stored route is out of date, and why. */
export function routeIsStale(db: Db, teacherId: number, at: Date = new Date()): RouteBasis['cause'] | null {
  return staleness(db, teacherId, readRouteState(db, teacherId), at);
}

/**
 * Rebuilds the route if it is stale; a fresh one is only read. Returns the route's state as it stands
 * after, so that the reader (routeView) need not read it again.
 */
export function settleRoute(db: Db, teacherId: number, at: Date = new Date()): RouteState | undefined {
  const state = readRouteState(db, teacherId);
  const cause = staleness(db, teacherId, state, at);
  if (!cause) return state;
  rebuildRoute(db, teacherId, cause, at);
  return readRouteState(db, teacherId);
}
