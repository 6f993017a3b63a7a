import { decodeResult, encodeResult } from '../../shared/scoring/compact-result.ts';
import type { AttemptResult } from '../../shared/scoring/result.ts';
import type { Db } from './database.ts';

export interface AreaScore {
  area: string;
  score: number | null;
  level: string;
}

export interface StoredAttempt {
  id: string;
  teacherId: number;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  receivedAt: string;
  requestHash: string;
  answers: unknown;
  result: AttemptResult;
  areas: AreaScore[];
}

interface AttemptRow {
  id: string;
  teacherId: number;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  receivedAt: string;
  requestHash: string;
  answersJson: string;
  resultJson: string;
}

const columns = `id, teacher_id AS teacherId, instrument_id AS instrumentId, instrument_version AS instrumentVersion,
  completed_at AS completedAt, received_at AS receivedAt, request_hash AS requestHash,
  answers_json AS answersJson, result_json AS resultJson FROM attempts`;

/**
 * Attempts are the hot path of the server (every finished diagnostic, and
 * every retry of one), so the statements are prepared once per database.
 */
export function attemptStore(db: Db) {
  const selectOne = db.prepare(`SELECT ${columns} WHERE id = ?`);
  const selectByTeacher = db.prepare(`SELECT ${columns} WHERE teacher_id = ? ORDER BY completed_at, received_at`);
  const selectScores = db.prepare('SELECT area, score, level FROM attempt_scores WHERE attempt_id = ? ORDER BY rowid');
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, request_hash, answers_json, result_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectLastCompleted = db.prepare(
    'SELECT instrument_id AS instrumentId, max(completed_at) AS completedAt FROM attempts WHERE teacher_id = ? GROUP BY instrument_id',
  );
  const insertScore = db.prepare('INSERT INTO attempt_scores (attempt_id, area, score, level) VALUES (?, ?, ?, ?)');

  const load = (row: AttemptRow | undefined): StoredAttempt | undefined =>
    row && {
      id: row.id,
      teacherId: row.teacherId,
      instrumentId: row.instrumentId,
      instrumentVersion: row.instrumentVersion,
      completedAt: row.completedAt,
      receivedAt: row.receivedAt,
      requestHash: row.requestHash,
      answers: JSON.parse(row.answersJson),
      result: decodeResult(row.resultJson),
      areas: selectScores.all(row.id) as AreaScore[],
    };

  /** Inserts the attempt with its per-area scores, or finds it already there; one transaction. */
  const saveOnce = db.transaction((attempt: StoredAttempt): { created: boolean; stored: StoredAttempt } => {
    const existing = load(selectOne.get(attempt.id) as AttemptRow | undefined);
    if (existing) return { created: false, stored: existing };
    insertAttempt.run(
      attempt.id,
      attempt.teacherId,
      attempt.instrumentId,
      attempt.instrumentVersion,
      attempt.completedAt,
      attempt.receivedAt,
      attempt.requestHash,
      JSON.stringify(attempt.answers),
      encodeResult(attempt.result),
    );
    for (const area of attempt.areas) insertScore.run(attempt.id, area.area, area.score, area.level);
    return { created: true, stored: attempt };
  });

  return {
    find: (id: string) => load(selectOne.get(id) as AttemptRow | undefined),
    /** When the teacher last completed each instrument, without loading the answers. */
    lastCompleted: (teacherId: number) =>
      new Map((selectLastCompleted.all(teacherId) as { instrumentId: string; completedAt: string }[]).map((r) => [r.instrumentId, r.completedAt])),
    byTeacher: (teacherId: number) => (selectByTeacher.all(teacherId) as AttemptRow[]).map((row) => load(row)!),
    saveOnce: (attempt: StoredAttempt) => saveOnce.immediate(attempt),
  };
}
export type AttemptStore = ReturnType<typeof attemptStore>;
