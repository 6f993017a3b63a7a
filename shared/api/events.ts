import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/input.ts';
import { idSchema } from '../schemas/framework.ts';
import { isoDateSchema } from '../schemas/program.ts';
import { competitionResults, eventExperienceBands, eventKinds, eventSignUpStatuses } from '../schemas/event.ts';
import type { Endpoint } from './endpoint.ts';
import { eventRatings } from '../events/kinds.ts';

/** `GET /api/v1/events`: the events for me, to come or under way; `kind` narrows them (a route item of kind МО or конкурс asks so). */
export const eventsQuerySchema = withoutControlCharacters(
  z.object({
    kind: z.enum(eventKinds).optional(),
  }),
);
export type EventsQuery = z.infer<typeof eventsQuerySchema>;

export { eventRatings, type EventRating } from '../events/kinds.ts';

/**
 * `POST /api/v1/event-sign-ups/:id/feedback`, after the teacher was marked
 * present: satisfied with the event, useful for her work, and a comment.
 * Stored exactly so; sending again replaces it.
 */
export const eventFeedbackSchema = withoutControlCharacters(
  z.strictObject({
    satisfied: z.enum(eventRatings),
    useful: z.enum(eventRatings),
    comment: z.string().trim().max(2000),
  }),
);
export type EventFeedback = z.infer<typeof eventFeedbackSchema>;

/** A teacher's sign-up for an event. */
export const eventSignUpSchema = z.object({
  id: z.uuid(),
  eventId: idSchema,
  status: z.enum(eventSignUpStatuses),
  waitlistPosition: z.number().int().min(1).nullable(),
  /** Marked present by staff. */
  attended: z.boolean(),
  /** A competition's result, once staff recorded it. */
  result: z.enum(competitionResults).nullable(),
  feedback: eventFeedbackSchema.nullable(),
});
export type EventSignUp = z.infer<typeof eventSignUpSchema>;

export const eventEntrySchema = z.object({
  id: idSchema,
  kind: z.enum(eventKinds),
  title: z.string(),
  topic: z.string(),
  stage: z.string(),
  /** The organising municipality; null: the republic. */
  municipality: z.string().nullable(),
  start: isoDateSchema,
  end: isoDateSchema,
  place: z.string(),
  seats: z.number().int().min(0),
  seatsTaken: z.number().int().min(0),
  waitlisted: z.number().int().min(0),
  audienceSubject: z.string(),
  audienceExperience: z.enum(eventExperienceBands).nullable(),
  /** The calling teacher's live sign-up (not cancelled), if any. */
  mySignUp: eventSignUpSchema.nullable(),
});
export type EventEntry = z.infer<typeof eventEntrySchema>;

export const eventsResponseSchema = z.object({ items: z.array(eventEntrySchema) });
export type EventsResponse = z.infer<typeof eventsResponseSchema>;

/**
 * `POST /api/v1/events/:id/sign-ups`: the id is made by the client, so a
 * retry is recognised; `routeItemId` when she signs up from an item of her
 * ИОМ (the item is accepted, and done once she is marked present).
 */
export const eventSignUpRequestSchema = withoutControlCharacters(
  z.strictObject({
    id: z.uuid(),
    routeItemId: z.string().min(1).max(200).optional(),
  }),
);
export type EventSignUpRequest = z.infer<typeof eventSignUpRequestSchema>;

export const myEventSignUpEntrySchema = eventSignUpSchema.extend({
  kind: z.enum(eventKinds),
  title: z.string(),
  start: isoDateSchema,
  end: isoDateSchema,
  place: z.string(),
});
export type MyEventSignUpEntry = z.infer<typeof myEventSignUpEntrySchema>;
export const myEventSignUpsResponseSchema = z.object({ items: z.array(myEventSignUpEntrySchema) });
export type MyEventSignUpsResponse = z.infer<typeof myEventSignUpsResponseSchema>;

export const eventEndpoints = {
  listEvents: {
    method: 'get',
    path: '/api/v1/events',
    summary: 'Методические мероприятия и конкурсы для меня: моего предмета, стажа и муниципалитета, а также республиканские',
    auth: 'teacher',
    query: eventsQuerySchema,
    response: { status: 200, schema: eventsResponseSchema },
  },
  signUpForEvent: {
    method: 'post',
    path: '/api/v1/events/:id/sign-ups',
    summary: 'Записаться на мероприятие (места и лист ожидания — как у программ; повтор с тем же id безопасен)',
    auth: 'teacher',
    body: eventSignUpRequestSchema,
    response: { status: 201, schema: eventSignUpSchema },
  },
  cancelEventSignUp: {
    method: 'delete',
    path: '/api/v1/event-sign-ups/:id',
    summary: 'Отменить свою запись на мероприятие; место переходит первому в листе ожидания',
    auth: 'teacher',
    response: { status: 200, schema: eventSignUpSchema },
  },
  submitEventFeedback: {
    method: 'post',
    path: '/api/v1/event-sign-ups/:id/feedback',
    summary: 'Оценка мероприятия после участия: довольны ли, пригодится ли в работе, комментарий (повтор заменяет оценку)',
    auth: 'teacher',
    body: eventFeedbackSchema,
    response: { status: 200, schema: eventSignUpSchema },
  },
  listMyEventSignUps: {
    method: 'get',
    path: '/api/v1/me/event-sign-ups',
    summary: 'Мои записи на мероприятия: статус, место в листе ожидания, участие и результат',
    auth: 'teacher',
    response: { status: 200, schema: myEventSignUpsResponseSchema },
  },
} as const satisfies Record<string, Endpoint>;
