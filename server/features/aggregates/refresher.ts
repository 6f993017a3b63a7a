import type { Db } from '../../platform/database/database.ts';
import { applyPendingStandings, hasPendingStandings } from './store/pending.ts';

export interface RefresherOptions {
  /** Applies notes once no attempt has been stored for this long. */
  quietMs?: number;
  /** ...or, under a load that never pauses, once the oldest note has waited this long. */
  maxLagMs?: number;
  /**
   * How long applying may hold the event loop at a time, so that requests are
   * answered in between: the notes of each turn are as many as took that long
   * in the turn before. 16 ms is about what a busy moment's 50 requests take
   * to answer; a note costs 120-195 µs in turns of 128-256 notes, and 250-300
   * in turns of 16-32 (their count changes are shared: pending.ts).
   */
  sliceMs?: number;
  /** Notes in the first turn, before any has been timed. */
  firstChunk?: number;
  /** Called once the notes of a run are applied (the aggregates have changed), e.g. to recount what is read from them before a page asks. */
  settled?: () => void;
}

/** Bounds on the notes of one turn, whatever the timing says. */
const minChunk = 2;
const maxChunk = 1000;

/**
 * Applies the report notes (pending.ts) in the background. A peak of
 * submissions (a whole republic at a deadline) is answered first and the
 * aggregates catch up in the pause after it; a load that never pauses still
 * gets them applied, in short turns, once the oldest has waited `maxLagMs`.
 * Call `stored()` after each commit that noted something.
 */
export function startReportRefresher(db: Db, { quietMs = 200, maxLagMs = 10_000, sliceMs = 16, firstChunk = 16, settled }: RefresherOptions = {}) {
  let chunk = firstChunk;
  let appliedInRun = 0;
  let lastStoredAt = 0;
  let pendingSince: number | undefined;
  // biome-ignore lint/correctness/noUnusedVariables: arm() reads it (`??=`), which Biome counts as a write only.
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
      const started = performance.now();
      const { taken, applied } = applyPendingStandings(db, chunk);
      const asked = chunk;
      appliedInRun += applied;
      if (taken > 0) {
        const fits = Math.floor(sliceMs / ((performance.now() - started) / taken));
        // At most twice the last turn: a few quick notes say little about the next ones.
        chunk = Math.min(maxChunk, 2 * asked, Math.max(minChunk, fits));
      }
      // Done when the notes ran out, or only ones that cannot be applied are left (pending.ts).
      if (taken < asked || applied === 0) {
        pendingSince = undefined;
        if (appliedInRun > 0) setImmediate(() => db.open && settled?.());
        appliedInRun = 0;
      } else arm(0);
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
