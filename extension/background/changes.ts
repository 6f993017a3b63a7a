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
    case 'consultationAnswer':
      return {
        id,
        label,
        kind: 'consultationAnswer',
        key: `consultation:${change.consultationId}`,
        request: endpointRequest(routes.answerConsultation, { params: { id: String(change.consultationId) }, body: change.answer }),
      };
    case 'feedback':
      return {
        id,
        label,
        kind: 'feedback',
        key: `feedback:${change.enrollmentId}`,
        request: endpointRequest(routes.submitFeedback, { params: { id: change.enrollmentId }, body: change.feedback }),
      };
    case 'meeting':
      return {
        id,
        label,
        kind: 'meeting',
        key: `meeting:${change.meeting.id}`,
        request: endpointRequest(routes.logMentoringMeeting, { body: change.meeting }),
      };
    case 'mentorOffer':
      return { id, label, kind: 'mentorOffer', key: 'mentorOffer', request: endpointRequest(routes.updateMentorOffer, { body: change.offer }) };
    case 'recommendation':
      // Answering again changes nothing on the server, so a later answer need not replace an earlier one: each has its key.
      return {
        id,
        label,
        kind: 'recommendation',
        key: `recommendation:${change.recommendationId}:${change.answer}`,
        request: endpointRequest(routes.answerRecommendation, { params: { id: String(change.recommendationId) }, body: { answer: change.answer } }),
      };
    case 'eventSignUp':
      return {
        id,
        label,
        kind: 'eventSignUp',
        // The event's id is in the key (ids have no «:»), so the panel knows which event waits.
        key: `eventSignUp:${change.eventId}:${change.signUpId}`,
        request: endpointRequest(routes.signUpForEvent, {
          params: { id: change.eventId },
          body: { id: change.signUpId, ...(change.routeItemId !== undefined && { routeItemId: change.routeItemId }) },
        }),
      };
    case 'cancelEventSignUp':
      return {
        id,
        label,
        kind: 'cancelEventSignUp',
        key: `cancelEventSignUp:${change.signUpId}`,
        request: endpointRequest(routes.cancelEventSignUp, { params: { id: change.signUpId } }),
      };
    case 'eventFeedback':
      return {
        id,
        label,
        kind: 'eventFeedback',
        key: `eventFeedback:${change.signUpId}`,
        request: endpointRequest(routes.submitEventFeedback, { params: { id: change.signUpId }, body: change.feedback }),
      };
  }
}
