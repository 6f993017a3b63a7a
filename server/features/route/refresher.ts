import type { Db } from '../../platform/database/database.ts';
import { rebuildRoute } from './rebuild.ts';
import { pendingRouteTeachers } from './store.ts';

export interface RouteRefresherOptions {
  /** Rebuilds once no route has been noted for this long… */
  quietMs?: number;
  /** …or, under writes that never pause, once the oldest note has waited this long. */
  maxLagMs?: number;
  /** How long rebuilding may hold the event loop at a time, so that requests are answered in between. */
  sliceMs?: number;
}

/** Teachers read from the notes at a time. */
const batch = 20;

/**
 * Rebuilds the routes a new attempt or sign-up noted (route_pending), in the
 * background, as the report aggregates are (aggregates/refresher.ts): a peak
 * of submissions is answered first and the routes catch up in the pause after
 * it, or, under writes that never pause, once the oldest note has waited
 * `maxLagMs`; either way in slices of `sliceMs`, so that requests are answered
 * in between. A rebuild costs about a millisecond on the bench republic, and
 * one followed every attempt: rebuilt as soon as noted, they held the core the
 * answers needed. A teacher who opens «Маршрут» first gets hers rebuilt on that
 * read (rebuild.ts, settleRoute); a note left at exit is applied after the
 * next start.
 */
export function startRouteRefresher(db: Db, { quietMs = 200, maxLagMs = 10_000, sliceMs = 16 }: RouteRefresherOptions = {}) {
  let lastNotedAt = 0;
  let pendingSince: number | undefined;
  // biome-ignore lint/correctness/noUnusedVariables: arm() reads it (`??=`), which Biome counts as a write only.
  let timer: NodeJS.Timeout | undefined;
  const arm = (delayMs: number) => {
    timer ??= setTimeout(tick, delayMs).unref();
  };
  // Teachers whose route could not be rebuilt (their stored results unreadable, say): logged once, then
  // left out, so that one cannot hold up the others; their note stays and a read tries again.
  const failed = new Set<number>();
  function tick() {
    timer = undefined;
    if (!db.open) return;
    const now = Date.now();
    const quietFor = now - lastNotedAt;
    if (quietFor < quietMs && now - (pendingSince ?? now) < maxLagMs) return arm(quietMs - quietFor);
    try {
      const started = performance.now();
      let teachers: number[];
      do {
        teachers = pendingRouteTeachers(db, batch + failed.size).filter((id) => !failed.has(id));
        for (const teacherId of teachers) {
          try {
            rebuildRoute(db, teacherId, 'teacher');
          } catch (error) {
            failed.add(teacherId);
            console.error(`ИОМ педагога ${teacherId} не перестроен:`, error);
          }
          if (performance.now() - started >= sliceMs) break;
        }
      } while (teachers.length === batch && performance.now() - started < sliceMs);
      if (teachers.length > 0) arm(0);
      else pendingSince = undefined;
    } catch (error) {
      console.error(error);
      arm(quietMs * 10);
    }
  }
  pendingSince = Date.now();
  arm(quietMs);
  return {
    /** Call after a commit that may have noted a route. */
    noted(): void {
      lastNotedAt = Date.now();
      pendingSince ??= lastNotedAt;
      arm(quietMs);
    },
  };
}
