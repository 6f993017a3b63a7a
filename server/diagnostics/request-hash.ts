import { createHash } from 'node:crypto';
import type { AttemptRequest } from '../../shared/api/diagnostics.ts';

/**
 * What tells a retry from a different submission under the same id: the
 * same instrument version, answers and completion time. Answers are hashed
 * with their keys in a fixed order, so a client that re-serialises them
 * differently still counts as retrying.
 */
export function attemptRequestHash(body: Omit<AttemptRequest, 'id'>): string {
  const answers = Object.keys(body.answers)
    .sort()
    .map((key) => [key, body.answers[key]]);
  return createHash('sha256')
    .update(JSON.stringify([body.instrumentId, body.instrumentVersion, answers, body.completedAt]))
    .digest('hex');
}
