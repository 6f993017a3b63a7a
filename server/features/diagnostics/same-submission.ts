import type { AttemptRequest } from '../../../shared/api/diagnostics.ts';
import type { AnswerValue, Answers } from '../../../shared/schemas/instrument.ts';
import type { StoredAttempt } from './attempt-store.ts';

/**
 * Whether a submission under a stored attempt's id is a retry of it: the same
 * instrument version, completion time and answers. Answers are compared item
 * by item, so a client that re-serialises them in another key order still
 * counts as retrying. Only a submission whose id is already stored pays for
 * this; a new one is stored without computing anything for it.
 */
export function isSameSubmission(stored: StoredAttempt, body: AttemptRequest): boolean {
  return (
    stored.instrumentId === body.instrumentId &&
    stored.instrumentVersion === body.instrumentVersion &&
    stored.completedAt === body.completedAt &&
    sameAnswers(stored.answers as Answers, body.answers)
  );
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key]!, b[key]!));
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((option, i) => option === b[i]);
  }
  return a === b;
}
