import type { ScoredAttempt } from './scored-attempt.ts';

/**
 * Oldest first. Timestamps are compared as instants (they may carry different
 * offsets), then by attempt id, so the order never depends on how the caller
 * listed the attempts unless two attempts are indistinguishable.
 */
export function chronologically<T extends ScoredAttempt>(attempts: readonly T[]): T[] {
  return attempts
    .map((attempt) => ({ attempt, at: instant(attempt.completedAt) }))
    .sort((a, b) => a.at - b.at || compareIds(a.attempt.attemptId, b.attempt.attemptId))
    .map(({ attempt }) => attempt);
}

/** Attempts grouped by instrument id (ids in sorted order), each group oldest first. */
export function byInstrument<T extends ScoredAttempt>(attempts: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const attempt of chronologically(attempts)) {
    const group = groups.get(attempt.instrumentId);
    if (group) group.push(attempt);
    else groups.set(attempt.instrumentId, [attempt]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function instant(completedAt: string): number {
  const at = Date.parse(completedAt);
  if (Number.isNaN(at)) throw new RangeError(`время завершения попытки не распознано: «${completedAt}»`);
  return at;
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
