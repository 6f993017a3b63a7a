import { attemptRequestSchema } from '../../../shared/api/diagnostics.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { messages } from './messages.ts';
import type { AttemptStore } from './attempt-store.ts';
import { attemptAnswer, type PrepareSubmission } from './prepare-submission.ts';
import { isSameSubmission } from './same-submission.ts';

const t = messages.diagnostics;

export interface AttemptDeps {
  attempts: AttemptStore;
  prepare: PrepareSubmission;
}

/**
 * Scores a finished sitting with the shared logic and the exact version the
 * answers were given for (prepare-submission.ts), and stores it once. A retry
 * (same id, same body) gets the stored result; the same id with another
 * body, or from another teacher, is a 409 and never overwrites. Takes the
 * request's text and gives the answer's JSON, so that neither has to be
 * serialised again on the requests' thread.
 */
export async function submitAttempt({ attempts, prepare }: AttemptDeps, teacherId: number, text: string): Promise<{ created: boolean; answerJson: string }> {
  const preparation = await prepare(teacherId, text);
  if ('refused' in preparation) {
    const { kind, code, message } = preparation.refused;
    throw new ApiError(kind === 'badBody' ? 400 : 422, code, message);
  }
  const { row, answerJson } = preparation.prepared;
  const outcome = await attempts.saveOnce(row);
  if (outcome.created) return { created: true, answerJson };
  // The id is stored already (a retry, or two copies racing even in one group commit): the text was valid, so it parses.
  const stored = outcome.stored;
  const body = attemptRequestSchema.parse(JSON.parse(text));
  if (stored.teacherId !== teacherId || !isSameSubmission(stored, body)) throw new ApiError(409, 'attempt_conflict', t.attemptConflict);
  return { created: false, answerJson: JSON.stringify(attemptAnswer(stored)) };
}
