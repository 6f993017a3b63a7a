import { describe, expect, it } from 'vitest';
import type { AttemptRequest } from '../../../shared/api/diagnostics.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import type { StoredAttempt } from './attempt-store.ts';
import { isSameSubmission } from './same-submission.ts';

const body: AttemptRequest = {
  id: '6a1f0c1e-2f47-4d55-9a43-0f3c2b1d9e10',
  instrumentId: 'selfAssessment',
  instrumentVersion: 2,
  completedAt: '2026-03-10T09:00:00+03:00',
  answers: { q1: 4, q2: ['b', 'a'], q3: 'текст' },
};

/** The attempt as stored from `body`. */
const stored: StoredAttempt = {
  ...body,
  answers: { ...body.answers },
  teacherId: 7,
  receivedAt: '2026-03-10T06:00:05.000Z',
  result: {} as AttemptResult, // a retry is told by what the client sent, never by the result
};

describe('a retry of a stored attempt', () => {
  it('is the same instrument version, completion time and answers', () => {
    expect(isSameSubmission(stored, body)).toBe(true);
  });

  it('is still a retry when the client sends the answers in another key order', () => {
    expect(isSameSubmission(stored, { ...body, answers: { q3: 'текст', q2: ['b', 'a'], q1: 4 } })).toBe(true);
  });

  it.each([
    ['another instrument', { instrumentId: 'methodicalTest' }],
    ['another version', { instrumentVersion: 3 }],
    ['another completion time, even the same instant written with another offset', { completedAt: '2026-03-10T06:00:00Z' }],
    ['another answer', { answers: { ...body.answers, q1: 5 } }],
    ['one option fewer', { answers: { ...body.answers, q2: ['b'] } }],
    ['one option more', { answers: { ...body.answers, q2: ['b', 'a', 'c'] } }],
    ['an answer more', { answers: { ...body.answers, q4: 1 } }],
    ['an answer fewer', { answers: { q1: 4, q2: ['b', 'a'] } }],
    ['a number sent as text', { answers: { ...body.answers, q1: '4' } }],
  ])('is a different submission with %s', (_, change) => {
    expect(isSameSubmission(stored, { ...body, ...change } as AttemptRequest)).toBe(false);
  });
});
