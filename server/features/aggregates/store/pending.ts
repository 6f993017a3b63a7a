import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { periodOf } from '../period.ts';
import { CountDeltas, recomputeStanding } from './recompute-standing.ts';

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
 * Applies up to `limit` notes in one transaction, their count changes summed
 * and written once (teachers of one school share them). Should a note fail
 * to apply (an unreadable stored result, say), the notes are applied again
 * each in a savepoint of its own, so that the failing one holds up no other;
 * it is logged once and kept, and the report pages keep saying that
 * something is still being counted. Returns how many notes were taken up
 * and how many of them were applied.
 */
export function applyPendingStandings(db: Db, limit = Number.MAX_SAFE_INTEGER): { taken: number; applied: number } {
  const forget = prepared(db, 'DELETE FROM report_pending WHERE teacher_id = ? AND period = ?');
  const applyAll = db.transaction((notes: readonly Note[]) => {
    const counts = new CountDeltas();
    for (const { teacherId, period } of notes) {
      recomputeStanding(db, teacherId, period, counts);
      forget.run(teacherId, period);
    }
    counts.apply(db);
  });
  const applyOne = db.transaction(({ teacherId, period }: Note) => {
    recomputeStanding(db, teacherId, period);
    forget.run(teacherId, period);
  });
  const applyEach = (notes: readonly Note[]) => {
    let applied = 0;
    for (const note of notes) {
      try {
        applyOne(note);
        applied++;
      } catch (error) {
        if (!loggedFailures.has(keyOf(note))) console.error(`report aggregates: teacher ${note.teacherId}, ${note.period}:`, error);
        loggedFailures.add(keyOf(note));
      }
    }
    return applied;
  };
  return db
    .transaction(() => {
      const notes = prepared(db, 'SELECT teacher_id AS teacherId, period FROM report_pending LIMIT ?').all(limit) as Note[];
      // A note that failed before is tried alone, so that it does not send every chunk it is in down the slow path.
      const failedBefore = notes.filter((note) => loggedFailures.has(keyOf(note)));
      const others = notes.filter((note) => !loggedFailures.has(keyOf(note)));
      let applied = applyEach(failedBefore);
      try {
        applyAll(others);
        applied += others.length;
      } catch {
        applied += applyEach(others);
      }
      return { taken: notes.length, applied };
    })
    .immediate();
}

interface Note {
  teacherId: number;
  period: string;
}

const keyOf = (note: Note) => `${note.teacherId}/${note.period}`;

/** How many teachers' standings are waiting to be recomputed. */
export function pendingStandings(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM report_pending').pluck().get() as number;
}

/** Whether some attempt is not yet in the aggregates. */
export function hasPendingStandings(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM report_pending LIMIT 1').get() !== undefined;
}
