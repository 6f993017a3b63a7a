import type { Db } from '../../platform/database/database.ts';
import { rebuildRoute } from './rebuild.ts';
import { pendingRouteTeachers } from './store.ts';

/**
 * Rebuilds the routes a new attempt or sign-up noted (route_pending), in the
 * background after the writes that noted them, a few teachers a turn so that
 * requests are answered in between. A teacher who opens «Маршрут» first gets
 * theirs rebuilt on that read (rebuild.ts, settleRoute); a note left at exit
 * is applied after the next start.
 */
export function startRouteRefresher(db: Db, { quietMs = 200, perTurn = 20 }: { quietMs?: number; perTurn?: number } = {}) {
  // biome-ignore lint/correctness/noUnusedVariables: arm() reads it (`??=`), which Biome counts as a write only.
  let timer: NodeJS.Timeout | undefined;
  const arm = (delayMs: number) => {
    timer ??= setTimeout(tick, delayMs).unref();
  };
  function tick() {
    timer = undefined;
    if (!db.open) return;
    try {
      const teachers = pendingRouteTeachers(db, perTurn);
      for (const teacherId of teachers) rebuildRoute(db, teacherId, 'teacher');
      if (teachers.length === perTurn) arm(0);
    } catch (error) {
      console.error(error);
      arm(quietMs * 10);
    }
  }
  arm(quietMs);
  return {
    /** Call after a commit that may have noted a route. */
    noted(): void {
      arm(quietMs);
    },
  };
}
