import type { AttemptRequest, AttemptResponse } from '../../shared/api/diagnostics.ts';
import { AnswersInvalidError } from '../../shared/errors.ts';
import type { Framework } from '../../shared/schemas/framework.ts';
import type { AttemptResult } from '../../shared/scoring/result.ts';
import { scoreAttempt } from '../../shared/scoring/score-attempt.ts';
import { ApiError } from '../api/api-error.ts';
import { messages } from '../messages.ts';
import type { AttemptStore, StoredAttempt } from '../storage/attempts.ts';
import type { Db } from '../storage/database.ts';
import { findInstrument } from '../storage/instruments.ts';
import { isSameSubmission } from './same-submission.ts';

const t = messages.diagnostics;

export interface AttemptDeps {
  db: Db;
  attempts: AttemptStore;
  framework: Framework;
}

function toResponse(attempt: StoredAttempt): AttemptResponse {
  return {
    id: attempt.id,
    completedAt: attempt.completedAt,
    receivedAt: attempt.receivedAt,
    result: attempt.result as AttemptResult,
  };
}

/**
 * Scores a finished sitting with the shared logic and the exact version the
 * answers were given for, and stores it once. A retry (same id, same body)
 * gets the stored result; the same id with another body, or from another
 * teacher, is a 409 and never overwrites.
 */
export async function submitAttempt(
  { db, attempts, framework }: AttemptDeps,
  teacherId: number,
  body: AttemptRequest,
): Promise<{ created: boolean; attempt: AttemptResponse }> {
  const isRetryOf = (stored: StoredAttempt) => {
    if (stored.teacherId !== teacherId || !isSameSubmission(stored, body)) throw new ApiError(409, 'attempt_conflict', t.attemptConflict);
    return { created: false, attempt: toResponse(stored) };
  };

  const existing = attempts.find(body.id);
  if (existing) return isRetryOf(existing);

  const { created, stored } = await attempts.saveOnce(scoreSubmission({ db, framework }, teacherId, body));
  // Two copies of one submission racing (even in one group commit): the second finds the first's row and answers as a retry.
  return created ? { created, attempt: toResponse(stored) } : isRetryOf(stored);
}

/**
 * The row a submission becomes: scored with the exact instrument version its
 * answers were given for. Throws the API's 422 for an unknown version or
 * answers that do not fit it.
 */
export function scoreSubmission(
  { db, framework }: Pick<AttemptDeps, 'db' | 'framework'>,
  teacherId: number,
  body: AttemptRequest,
): StoredAttempt {
  const instrument = findInstrument(db, body.instrumentId, body.instrumentVersion);
  if (!instrument) throw new ApiError(422, 'instrument_version_unknown', t.versionUnknown(body.instrumentId, body.instrumentVersion));
  let result: AttemptResult;
  try {
    result = scoreAttempt(instrument, body, framework);
  } catch (error) {
    if (error instanceof AnswersInvalidError) throw new ApiError(422, error.code, error.message);
    throw error;
  }
  return {
    id: body.id,
    teacherId,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    completedAt: body.completedAt,
    receivedAt: new Date().toISOString(),
    answers: body.answers,
    result,
  };
}
