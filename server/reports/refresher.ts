import type { Db } from '../storage/database.ts';
import { applyPendingStandings, hasPendingStandings } from './pending.ts';

export interface RefresherOptions {
  /** Applies notes once no attempt has been stored for this long. */
  quietMs?: number;
  /** ...or, under a load that never pauses, once the oldest note has waited this long. */
  maxLagMs?: number;
  /** Notes applied per turn of the event loop (about 0.3 ms each), so requests are answered in between. */
  chunk?: number;
}

/**
 * Applies the report notes (pending.ts) in the background. A peak of
 * submissions (a whole republic at a deadline) is answered first and the
 * aggregates catch up in the pause after it; a load that never pauses still
 * gets them applied, in small chunks, once the oldest has waited `maxLagMs`.
 * Call `stored()` after each commit that noted something.
 */
export function startReportRefresher(db: Db, { quietMs = 200, maxLagMs = 10_000, chunk = 16 }: RefresherOptions = {}) {
  let lastStoredAt = 0;
  let pendingSince: number | undefined;
  let timer: NodeJS.Timeout | undefined;

  const arm = (delayMs: number) => {
    // unref: a pending note never keeps a process alive; it is durable and the next start applies it.
    timer ??= setTimeout(tick, delayMs).unref();
  };

  function tick() {
    timer = undefined;
    if (!db.open) return;
    const now = Date.now();
    const quietFor = now - lastStoredAt;
    if (quietFor < quietMs && now - (pendingSince ?? now) < maxLagMs) return arm(quietMs - quietFor);
    try {
      const { taken, applied } = applyPendingStandings(db, chunk);
      // Done when the notes ran out, or only ones that cannot be applied are left (pending.ts).
      if (taken < chunk || applied === 0) pendingSince = undefined;
      else arm(0);
    } catch (error) {
      // The database busy with another process, say: the notes stay, and are tried again later.
      console.error(error);
      arm(quietMs * 10);
    }
  }

  if (hasPendingStandings(db)) {
    pendingSince = Date.now();
    arm(quietMs);
  }
  return {
    stored(): void {
      lastStoredAt = Date.now();
      pendingSince ??= lastStoredAt;
      arm(quietMs);
    },
  };
}
export type ReportRefresher = ReturnType<typeof startReportRefresher>;
