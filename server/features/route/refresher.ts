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
  // Teachers whose route could not be rebuilt (their stored results unreadable, say): logged once, then
  // left out, so that one cannot hold up the others; their note stays and a read tries again.
  const failed = new Set<number>();
  function tick() {
    timer = undefined;
    if (!db.open) return;
    try {
      const teachers = pendingRouteTeachers(db, perTurn + failed.size).filter((id) => !failed.has(id));
      for (const teacherId of teachers) {
        try {
          rebuildRoute(db, teacherId, 'teacher');
        } catch (error) {
          failed.add(teacherId);
          console.error(`ИОМ педагога ${teacherId} не перестроен:`, error);
        }
      }
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
