import type { Handler } from 'hono';
import {
  type EventSignUp,
  type EventsResponse,
  eventFeedbackSchema,
  eventSignUpRequestSchema,
  eventsQuerySchema,
  type MyEventSignUpsResponse,
} from '../../../shared/api/events.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson, readQuery } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import { cancelEventSignUp, eventsForTeacher, saveEventFeedback, signUpForEvent, teacherEventSignUps } from './store.ts';

const t = messages.events;

/** Methodical events for the teacher: `listEvents`, `signUpForEvent`, `cancelEventSignUp`, `submitEventFeedback`, `listMyEventSignUps`. */
export function eventsApi(
  db: Db,
): Record<'listEvents' | 'signUpForEvent' | 'cancelEventSignUp' | 'submitEventFeedback' | 'listMyEventSignUps', Handler<TeacherEnv>> {
  return {
    listEvents: (c) => {
      const query = readQuery(c, eventsQuerySchema);
      return c.json({ items: eventsForTeacher(db, c.get('device').teacherId, query.kind) } satisfies EventsResponse);
    },
    signUpForEvent: async (c) => {
      const request = await readJson(c, eventSignUpRequestSchema);
      const result = signUpForEvent(db, {
        id: request.id,
        teacherId: c.get('device').teacherId,
        eventId: c.req.param('id')!,
        routeItemId: request.routeItemId,
      });
      switch (result.kind) {
        case 'created':
          return c.json(result.signUp satisfies EventSignUp, 201);
        case 'replayed':
          return c.json(result.signUp satisfies EventSignUp, 200);
        case 'idReused':
          throw new ApiError(409, 'id_reused', t.idReused);
        case 'alreadySignedUp':
          throw new ApiError(409, 'already_signed_up', t.alreadySignedUp(t.statusNames[result.signUp.status]));
        case 'eventNotFound':
          throw new ApiError(404, 'event_not_found', t.eventNotFound);
        case 'archived':
          throw new ApiError(409, 'event_archived', t.archived);
        case 'ended':
          throw new ApiError(409, 'event_ended', t.ended);
        case 'notForTeacher':
          throw new ApiError(403, 'not_for_teacher', t.notForTeacher(result.municipality));
        case 'routeItemNotFitting':
          throw new ApiError(422, 'route_item_not_fitting', t.routeItemNotFitting);
      }
    },
    // The teacher's own sign-ups only: another's id is as unknown as a made-up one.
    cancelEventSignUp: (c) => {
      const result = cancelEventSignUp(db, c.get('device').teacherId, c.req.param('id')!);
      if (result.kind === 'notFound') throw new ApiError(404, 'sign_up_not_found', t.signUpNotFound);
      if (result.kind === 'attended') throw new ApiError(409, 'attended', t.cannotCancelAttended);
      return c.json(result.signUp satisfies EventSignUp);
    },
    submitEventFeedback: async (c) => {
      const feedback = await readJson(c, eventFeedbackSchema);
      const result = saveEventFeedback(db, c.get('device').teacherId, c.req.param('id')!, feedback);
      if (result.kind === 'notFound') throw new ApiError(404, 'sign_up_not_found', t.signUpNotFound);
      if (result.kind === 'notAttended') throw new ApiError(409, 'not_attended', t.feedbackNotAttended);
      return c.json(result.signUp satisfies EventSignUp);
    },
    listMyEventSignUps: (c) => c.json({ items: teacherEventSignUps(db, c.get('device').teacherId) } satisfies MyEventSignUpsResponse),
  };
}
