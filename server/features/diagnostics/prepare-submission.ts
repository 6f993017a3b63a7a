import { type AttemptRequest, attemptRequestSchema, type AttemptResponse } from '../../../shared/api/diagnostics.ts';
import { AnswersInvalidError } from '../../../shared/errors.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { scoreAttempt } from '../../../shared/scoring/score-attempt.ts';
import { findInstrument } from './instrument-store.ts';
import type { Framework } from '../../../shared/schemas/framework.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { parseJsonBody } from '../../platform/http/validate.ts';
import { messages } from '../../messages.ts';
import { type EncodedAttempt, encodeAttempt, type StoredAttempt } from './attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';

/** A submission read, validated and scored: the row to store and the answer to send, both serialised. */
export interface PreparedSubmission {
  row: EncodedAttempt;
  answerJson: string;
}

/** What the API refuses a submission with, as plain data (it may have to cross threads). */
export interface Refusal {
  status: ApiError['status'];
  code: string;
  message: string;
}

export type Preparation = { prepared: PreparedSubmission } | { refused: Refusal };

/**
 * Everything a submission needs before it touches the attempts table, and
 * nothing that depends on what is stored: the JSON parsed, validated with the
 * shared schema, scored with the exact instrument version, and the row and
 * the 201 answer serialised. It is about a third of a submission's work and
 * needs the database only to read an instrument version once, so the server
 * runs it on a thread of its own (scoring-worker.ts).
 */
export function prepareSubmission(db: Db, framework: Framework, teacherId: number, text: string): Preparation {
  try {
    const attempt = scoreSubmission({ db, framework }, teacherId, parseJsonBody(text, attemptRequestSchema));
    return { prepared: { row: encodeAttempt(attempt), answerJson: JSON.stringify(attemptAnswer(attempt)) } };
  } catch (error) {
    if (error instanceof ApiError) return { refused: { status: error.status, code: error.code, message: error.message } };
    throw error;
  }
}

/** What the API answers about a stored attempt, new or found again. */
export function attemptAnswer(attempt: StoredAttempt): AttemptResponse {
  return { id: attempt.id, completedAt: attempt.completedAt, receivedAt: attempt.receivedAt, result: attempt.result };
}

/** Prepares submissions somewhere: on this thread, or on the scoring thread. */
export type PrepareSubmission = (teacherId: number, text: string) => Promise<Preparation>;

/** On the thread that asks: for tests, and wherever no scoring thread runs. */
export function prepareInThread(db: Db, framework: Framework): PrepareSubmission {
  return async (teacherId, text) => prepareSubmission(db, framework, teacherId, text);
}

/**
 * The row a submission becomes: scored with the exact instrument version its
 * answers were given for. Throws the API's 422 for an unknown version or
 * answers that do not fit it.
 */
export function scoreSubmission(
  { db, framework }: { db: Db; framework: Framework },
  teacherId: number,
  body: AttemptRequest,
): StoredAttempt {
  const instrument = findInstrument(db, body.instrumentId, body.instrumentVersion);
  if (!instrument) throw new ApiError(422, 'instrument_version_unknown', messages.diagnostics.versionUnknown(body.instrumentId, body.instrumentVersion));
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
