import type { NewOutboxEntry } from '../sync/outbox.ts';
import type { Change } from './protocol.ts';

const part = encodeURIComponent;

/** The outbox entry (request and dedupe key) for a change the teacher made. */
export function outboxEntryFor(change: Change, id: string): NewOutboxEntry {
  const { label } = change;
  switch (change.kind) {
    case 'attempt':
      return { id, label, kind: 'attempt', key: `attempt:${change.attempt.id}`, request: { method: 'POST', path: '/api/v1/attempts', body: change.attempt } };
    case 'signUp':
      return {
        id,
        label,
        kind: 'signUp',
        key: `signUp:${change.enrollmentId}`,
        request: { method: 'POST', path: `/api/v1/programs/${part(change.programId)}/enrollments`, body: { id: change.enrollmentId, runId: change.runId } },
      };
    case 'cancelEnrollment':
      return { id, label, kind: 'cancelEnrollment', key: `cancel:${change.enrollmentId}`, request: { method: 'DELETE', path: `/api/v1/enrollments/${part(change.enrollmentId)}` } };
    case 'routeItem':
      return { id, label, kind: 'routeItem', key: `routeItem:${change.itemId}`, request: { method: 'PUT', path: `/api/v1/me/route/items/${part(change.itemId)}`, body: change.update } };
    case 'feedback':
      return {
        id,
        label,
        kind: 'feedback',
        key: `feedback:${change.enrollmentId}`,
        request: { method: 'POST', path: `/api/v1/enrollments/${part(change.enrollmentId)}/feedback`, body: change.feedback },
      };
  }
}
