import type { Db } from '../storage/database.ts';
import { prepared } from '../storage/statements.ts';
import { periodOf } from './period.ts';
import { recomputeStanding } from './recompute-standing.ts';

/**
 * Write-behind for the report aggregates. Recomputing a teacher's standing
 * costs about as much as scoring and storing the attempt itself, and nobody
 * waits for it: the teacher waits for their result, the methodist's overview
 * can be a few seconds behind. So an attempt's transaction only notes which
 * standing is out of date (durably: the note commits with the attempt, and a
 * restart finds it), and the notes are applied later: by the reports
 * refresher when the server is not busy (refresher.ts), and before any report
 * is read (settle-reports.ts). Notes for one teacher and period coalesce.
 */
export function noteStandingToRecompute(db: Db, teacherId: number, completedAt: string): void {
  prepared(db, 'INSERT OR IGNORE INTO report_pending (teacher_id, period) VALUES (?, ?)').run(teacherId, periodOf(completedAt));
}

/** Notes already logged as failing, so that a note retried on every chunk is logged once. */
const loggedFailures = new Set<string>();

/**
 * Applies up to `limit` notes in one transaction. A note that cannot be
 * applied (an unreadable stored result, say) is logged once and kept, in a
 * savepoint of its own, so that it holds up no other note: the report pages
 * keep saying that something is still being counted. Returns how many notes
 * were taken up and how many of them were applied.
 */
export function applyPendingStandings(db: Db, limit = Number.MAX_SAFE_INTEGER): { taken: number; applied: number } {
  const applyOne = db.transaction((teacherId: number, period: string) => {
    recomputeStanding(db, teacherId, period);
    prepared(db, 'DELETE FROM report_pending WHERE teacher_id = ? AND period = ?').run(teacherId, period);
  });
  return db
    .transaction(() => {
      const notes = prepared(db, 'SELECT teacher_id AS teacherId, period FROM report_pending LIMIT ?').all(limit) as { teacherId: number; period: string }[];
      let applied = 0;
      for (const { teacherId, period } of notes) {
        try {
          applyOne(teacherId, period);
          applied++;
        } catch (error) {
          const key = `${teacherId}/${period}`;
          if (!loggedFailures.has(key)) console.error(`report aggregates: teacher ${teacherId}, ${period}:`, error);
          loggedFailures.add(key);
        }
      }
      return { taken: notes.length, applied };
    })
    .immediate();
}

/** How many teachers' standings are waiting to be recomputed. */
export function pendingStandings(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM report_pending').pluck().get() as number;
}

/** Whether some attempt is not yet in the aggregates. */
export function hasPendingStandings(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM report_pending LIMIT 1').get() !== undefined;
}
