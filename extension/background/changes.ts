import { routes } from '../../shared/api/routes.ts';
import { endpointRequest } from '../sync/api-client.ts';
import type { NewOutboxEntry } from '../sync/outbox.ts';
import type { Change } from './protocol.ts';

/**
 * The outbox entry (request and dedupe key) for a change the teacher made.
 * The request is kept on the device as it is built here, `{ method, path,
 * body }`, and sent as kept: entries queued by an earlier version of the
 * extension are sent after an update just the same.
 */
export function outboxEntryFor(change: Change, id: string): NewOutboxEntry {
  const { label } = change;
  switch (change.kind) {
    case 'attempt':
      return { id, label, kind: 'attempt', key: `attempt:${change.attempt.id}`, request: endpointRequest(routes.submitAttempt, { body: change.attempt }) };
    case 'signUp':
      return {
        id,
        label,
        kind: 'signUp',
        key: `signUp:${change.enrollmentId}`,
        request: endpointRequest(routes.enrollInRun, { params: { id: change.programId }, body: { id: change.enrollmentId, runId: change.runId } }),
      };
    case 'cancelEnrollment':
      return {
        id,
        label,
        kind: 'cancelEnrollment',
        key: `cancel:${change.enrollmentId}`,
        request: endpointRequest(routes.cancelEnrollment, { params: { id: change.enrollmentId } }),
      };
    case 'routeItem':
      return {
        id,
        label,
        kind: 'routeItem',
        key: `routeItem:${change.itemId}`,
        request: endpointRequest(routes.updateRouteItem, { params: { id: change.itemId }, body: change.update }),
      };
    case 'routeSubmission':
      return {
        id,
        label,
        kind: 'routeSubmission',
        key: 'routeSubmission',
        request: endpointRequest(routes.submitRoute, { body: { submit: change.submit } }),
      };
    case 'feedback':
      return {
        id,
        label,
        kind: 'feedback',
        key: `feedback:${change.enrollmentId}`,
        request: endpointRequest(routes.submitFeedback, { params: { id: change.enrollmentId }, body: change.feedback }),
      };
  }
}
