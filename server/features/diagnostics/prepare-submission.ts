import { type AttemptRequest, attemptRequestSchema, type AttemptResponse } from '../../../shared/api/diagnostics.ts';
import { AnswersInvalidError } from '../../../shared/errors.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { scoreAttempt } from '../../../shared/scoring/score-attempt.ts';
import { findInstrument } from './instrument-store.ts';
import type { Framework } from '../../../shared/schemas/framework.ts';
import { checkJsonBody } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import { type EncodedAttempt, encodeAttempt, type StoredAttempt } from './attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';

/** A submission read, validated and scored: the row to store and the answer to send, both serialised. */
export interface PreparedSubmission {
  row: EncodedAttempt;
  answerJson: string;
}

/**
 * Why a submission is not stored, as plain data (it may have to cross
 * threads): its body is not JSON or not the contract's (`badBody`), or its
 * answers do not fit the instrument version they name (`unscorable`). The
 * API gives each its HTTP status (submit-attempt.ts).
 */
export interface Refusal {
  kind: 'badBody' | 'unscorable';
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
  const checked = checkJsonBody(text, attemptRequestSchema);
  if ('problem' in checked) return { refused: { kind: 'badBody', ...checked.problem } };
  const scored = scoreSubmission({ db, framework }, teacherId, checked.body);
  if ('refused' in scored) return scored;
  const { attempt } = scored;
  return { prepared: { row: encodeAttempt(attempt), answerJson: JSON.stringify(attemptAnswer(attempt)) } };
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
 * answers were given for; an unknown version, or answers that do not fit it,
 * are a refusal.
 */
export function scoreSubmission(
  { db, framework }: { db: Db; framework: Framework },
  teacherId: number,
  body: AttemptRequest,
): { attempt: StoredAttempt } | { refused: Refusal } {
  const instrument = findInstrument(db, body.instrumentId, body.instrumentVersion);
  if (!instrument) {
    return {
      refused: {
        kind: 'unscorable',
        code: 'instrument_version_unknown',
        message: messages.diagnostics.versionUnknown(body.instrumentId, body.instrumentVersion),
      },
    };
  }
  let result: AttemptResult;
  try {
    result = scoreAttempt(instrument, body, framework);
  } catch (error) {
    if (error instanceof AnswersInvalidError) return { refused: { kind: 'unscorable', code: error.code, message: error.message } };
    throw error;
  }
  return {
    attempt: {
      id: body.id,
      teacherId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      completedAt: body.completedAt,
      receivedAt: new Date().toISOString(),
      answers: body.answers,
      result,
    },
  };
}

/** For seeding and tests, whose answers are made to fit: the scored attempt, or an error naming the refusal. */
export function scoreOrThrow(deps: { db: Db; framework: Framework }, teacherId: number, body: AttemptRequest): StoredAttempt {
  const scored = scoreSubmission(deps, teacherId, body);
  if ('refused' in scored) throw new Error(`submission refused: ${scored.refused.code}: ${scored.refused.message}`);
  return scored.attempt;
}
