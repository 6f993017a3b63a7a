import { describe, expect, it } from 'vitest';
import { outboxEntryFor } from './changes.ts';
import type { Change } from './protocol.ts';

const enrollmentId = '5f0c6f2e-8a1b-4c3d-9e4f-0a1b2c3d4e5f';

/**
 * The outbox keeps each request on the teacher's device, and an update of
 * the extension sends what an earlier version queued. So the stored shape,
 * `{ method, path, body }`, is pinned here with the paths written out.
 */
describe('the outbox entry for a change', () => {
  it('keeps a finished sitting as a POST of the attempt', () => {
    const attempt = {
      id: enrollmentId,
      instrumentId: 'self-digital',
      instrumentVersion: 2,
      answers: { q1: 3 },
      completedAt: '2026-11-23T10:00:00+03:00',
    };
    const entry = outboxEntryFor({ kind: 'attempt', attempt, label: 'Самодиагностика' }, 'e1');
    expect(entry).toEqual({
      id: 'e1',
      label: 'Самодиагностика',
      kind: 'attempt',
      key: `attempt:${enrollmentId}`,
      request: { method: 'POST', path: '/api/v1/attempts', body: attempt },
    });
  });

  it("keeps a sign-up as a POST to its programme's enrollments, the programme's id encoded", () => {
    const change: Change = { kind: 'signUp', enrollmentId, programId: 'ПК 2026/1', runId: 'run-1', label: 'Программа' };
    expect(outboxEntryFor(change, 'e2').request).toEqual({
      method: 'POST',
      path: '/api/v1/programs/%D0%9F%D0%9A%202026%2F1/enrollments',
      body: { id: enrollmentId, runId: 'run-1' },
    });
  });

  it('keeps a cancellation as a DELETE without a body', () => {
    const request = outboxEntryFor({ kind: 'cancelEnrollment', enrollmentId, label: 'Программа' }, 'e3').request;
    expect(request).toStrictEqual({ method: 'DELETE', path: `/api/v1/enrollments/${enrollmentId}` });
  });

  it('keeps a route item moved on as a PUT of the update', () => {
    const update = { status: 'postponed' as const, plannedDate: '2027-01-15' };
    expect(outboxEntryFor({ kind: 'routeItem', itemId: 'item 7', update, label: 'Пункт маршрута' }, 'e4').request).toEqual({
      method: 'PUT',
      path: '/api/v1/me/route/items/item%207',
      body: update,
    });
  });

  it("keeps feedback as a POST to its enrollment's feedback", () => {
    const feedback = { useful: 'partly' as const, changedInLessons: 'Больше групповой работы', wouldRecommend: true };
    expect(outboxEntryFor({ kind: 'feedback', enrollmentId, feedback, label: 'Программа' }, 'e5').request).toEqual({
      method: 'POST',
      path: `/api/v1/enrollments/${enrollmentId}/feedback`,
      body: feedback,
    });
  });
});
