import { decodeResult, encodeResult } from '../../../shared/scoring/compact-result.ts';
import type { AreaResult, AttemptResult } from '../../../shared/scoring/result.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

export interface StoredAttempt {
  id: string;
  teacherId: number;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  receivedAt: string;
  answers: unknown;
  result: AttemptResult;
}

interface AttemptRow {
  id: string;
  teacherId: number;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  receivedAt: string;
  answersJson: string;
  resultJson: string;
}

/** An attempt ready to insert: its row's values, already serialised, and its per-area scores. */
export interface EncodedAttempt extends AttemptRow {
  scores: [area: string, score: number | null, level: string][];
}

/** Stored now, or not: another row was already there under the id. */
export type SaveOutcome = { created: true } | { created: false; stored: StoredAttempt };

/** A scored attempt as its row stores it. */
export function encodeAttempt(attempt: StoredAttempt): EncodedAttempt {
  return {
    id: attempt.id,
    teacherId: attempt.teacherId,
    instrumentId: attempt.instrumentId,
    instrumentVersion: attempt.instrumentVersion,
    completedAt: attempt.completedAt,
    receivedAt: attempt.receivedAt,
    answersJson: JSON.stringify(attempt.answers),
    resultJson: encodeResult(attempt.result),
    scores: (Object.entries(attempt.result.areas) as [string, AreaResult][]).map(([area, { score, level }]) => [area, score, level]),
  };
}

const columns = `id, teacher_id AS teacherId, instrument_id AS instrumentId, instrument_version AS instrumentVersion,
  completed_at AS completedAt, received_at AS receivedAt,
  answers_json AS answersJson, result_json AS resultJson FROM attempts`;

export interface AttemptStoreOptions {
  /** Called after a commit that stored new attempts (the report aggregates' refresher listens: a trigger noted each attempt). */
  onStored?: () => void;
}

/**
 * Attempts are the hot path of the server (every finished diagnostic, and
 * every retry of one), so the statements are prepared once per database.
 */
export function attemptStore(db: Db, { onStored }: AttemptStoreOptions = {}) {
  const selectOne = db.prepare(`SELECT ${columns} WHERE id = ?`);
  const selectByTeacher = db.prepare(`SELECT ${columns} WHERE teacher_id = ? ORDER BY completed_at, received_at`);
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  // Read from the attempts_teacher index alone; the latest is picked as an instant, since offsets may differ.
  const selectCompleted = db.prepare('SELECT instrument_id AS instrumentId, completed_at AS completedAt FROM attempts WHERE teacher_id = ?');
  // Keyed by the attempt's seq, which only grows: a batch's scores are appended to one page.
  const insertScore = db.prepare('INSERT INTO attempt_scores (attempt_seq, area, score, level) VALUES (?, ?, ?, ?)');

  const load = (row: AttemptRow | undefined): StoredAttempt | undefined =>
    row && {
      id: row.id,
      teacherId: row.teacherId,
      instrumentId: row.instrumentId,
      instrumentVersion: row.instrumentVersion,
      completedAt: row.completedAt,
      receivedAt: row.receivedAt,
      answers: JSON.parse(row.answersJson),
      result: decodeResult(row.resultJson),
    };

  /** Inserts the attempt with its per-area scores, or finds it already there. */
  const saveOne = (attempt: EncodedAttempt): SaveOutcome => {
    const inserted = insertAttempt.run(
      attempt.id,
      attempt.teacherId,
      attempt.instrumentId,
      attempt.instrumentVersion,
      attempt.completedAt,
      attempt.receivedAt,
      attempt.answersJson,
      attempt.resultJson,
    );
    if (inserted.changes === 0) return { created: false, stored: load(selectOne.get(attempt.id) as AttemptRow)! };
    for (const [area, score, level] of attempt.scores) insertScore.run(inserted.lastInsertRowid, area, score, level);
    return { created: true };
  };
  /** The usual case: the whole batch in one transaction, which any failure rolls back entirely. */
  const saveAll = db.transaction((batch: readonly EncodedAttempt[]) => batch.map((attempt) => ({ saved: saveOne(attempt) })));
  /**
   * After a failure: each attempt in a savepoint of its own (a nested
   * transaction), so that one that cannot be stored leaves nothing behind and
   * does not take the rest of the batch with it. Savepoints cost about a tenth
   * of an insert, so they are used only when needed.
   */
  const saveOneAlone = db.transaction(saveOne);
  const saveEach = db.transaction((batch: readonly EncodedAttempt[]) =>
    batch.map((attempt): { saved: SaveOutcome } | { failed: unknown } => {
      try {
        return { saved: saveOneAlone(attempt) };
      } catch (error) {
        return { failed: error };
      }
    }),
  );
  const saveOnce = groupCommit((batch) => {
    let outcomes;
    try {
      outcomes = saveAll.immediate(batch);
    } catch {
      outcomes = saveEach.immediate(batch);
    }
    if (outcomes.some((outcome) => 'saved' in outcome && outcome.saved.created)) onStored?.();
    return outcomes;
  });

  return {
    /** When the teacher last completed each instrument, without loading the answers. */
    lastCompleted: (teacherId: number) => {
      const latest = new Map<string, string>();
      for (const { instrumentId, completedAt } of selectCompleted.all(teacherId) as { instrumentId: string; completedAt: string }[]) {
        const known = latest.get(instrumentId);
        if (known === undefined || Date.parse(completedAt) > Date.parse(known)) latest.set(instrumentId, completedAt);
      }
      return latest;
    },
    byTeacher: (teacherId: number) => (selectByTeacher.all(teacherId) as AttemptRow[]).map((row) => load(row)!),
    /**
     * Stores the attempt once; resolves after the transaction holding it has
     * committed. Two submissions of one id (even in one batch) make one row:
     * the later one gets `created: false` and the row that was there.
     */
    saveOnce,
    /**
     * The same write in a transaction of its own, at once: for seeding and
     * tests that write outside a request, where there is nothing to batch with.
     */
    saveNow: (attempt: StoredAttempt): SaveOutcome => saveAll.immediate([encodeAttempt(attempt)])[0]!.saved,
  };
}
export type AttemptStore = ReturnType<typeof attemptStore>;

/** Attempts taken into one transaction at most; a longer queue is committed in several. */
const maxBatch = 100;

/**
 * Group commit. Each commit writes whole pages to the WAL (the table's last
 * page, the index pages, the scores) and now and then checkpoints, and that
 * costs about as much as everything else a submission does; so the
 * submissions that arrive in one turn of the event loop are written in one
 * transaction, committed when the turn's I/O callbacks are done. Every caller
 * hears back only after that commit, so nothing acknowledged can be lost; if
 * the commit itself fails, every attempt of the batch fails with it.
 */
function groupCommit(commit: (batch: readonly EncodedAttempt[]) => ({ saved: SaveOutcome } | { failed: unknown })[]) {
  let queue: { attempt: EncodedAttempt; resolve: (outcome: SaveOutcome) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(maxBatch);
    if (queue.length > 0) setImmediate(flush);
    let outcomes: ReturnType<typeof commit>;
    try {
      outcomes = commit(batch.map((entry) => entry.attempt));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      if ('saved' in outcome) entry.resolve(outcome.saved);
      else entry.reject(outcome.failed);
    });
  };
  return (attempt: EncodedAttempt) =>
    new Promise<SaveOutcome>((resolve, reject) => {
      if (queue.push({ attempt, resolve, reject }) === 1) setImmediate(flush);
    });
}

/** An attempt as the ИОМ reads it: its result without its answers. */
export interface ScoredAttempt {
  attemptId: string;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  result: AttemptResult;
}

/**
 * A teacher's attempts for rebuilding her ИОМ (route/rebuild.ts), oldest first: the results only, from a statement
 * prepared once, rather than a whole attempt store made and every answer parsed on each rebuild (which took most of
 * a rebuild's time on the bench republic, and a rebuild follows every attempt).
 */
export function scoredAttemptsOf(db: Db, teacherId: number): ScoredAttempt[] {
  const rows = prepared(
    db,
    `SELECT id, instrument_id AS instrumentId, instrument_version AS instrumentVersion, completed_at AS completedAt, result_json AS resultJson
     FROM attempts WHERE teacher_id = ? ORDER BY completed_at, received_at`,
  ).all(teacherId) as { id: string; instrumentId: string; instrumentVersion: number; completedAt: string; resultJson: string }[];
  return rows.map((row) => ({
    attemptId: row.id,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    completedAt: row.completedAt,
    result: decodeResult(row.resultJson),
  }));
}
