import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/input.ts';
import { competencyIds, programFormats } from '../competencies.ts';
import { idSchema } from '../schemas/framework.ts';
import { enrollmentSchema, enrollmentStatuses, isoDateSchema, programSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

/** The largest page of the catalogue a client may ask for. */
export const maxProgramsPageSize = 100;

/** A whole number in a query string. */
const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'нужно целое неотрицательное число')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * `GET /api/v1/programs`. `municipality` omitted: the teacher's own
 * municipality's programmes and the republic-wide ones; a name: that
 * municipality's and the republic-wide ones; `all`: the whole catalogue.
 * `startingAfter` keeps runs that start on that day or later.
 */
export const programsQuerySchema = withoutControlCharacters(
  z.object({
    competency: z.enum(competencyIds).optional(),
    format: z.enum(programFormats).optional(),
    municipality: z.string().trim().min(1).max(200).optional(),
    startingAfter: isoDateSchema.optional(),
    q: z.string().trim().max(200).optional(),
    limit: queryInt(1, maxProgramsPageSize).default(20),
    offset: queryInt(0, 1_000_000).default(0),
  }),
);
export type ProgramsQuery = z.infer<typeof programsQuerySchema>;

/** The teacher's own sign-up for a run, as the catalogue shows it. */
export const myEnrollmentSchema = z.object({
  id: z.uuid(),
  status: z.enum(enrollmentStatuses),
  waitlistPosition: z.number().int().min(1).nullable(),
});
export type MyEnrollment = z.infer<typeof myEnrollmentSchema>;

export const catalogueRunSchema = z.object({
  id: idSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  seats: z.number().int().min(0),
  /** Seats held by confirmed (and completed) sign-ups. */
  seatsTaken: z.number().int().min(0),
  /** How many wait for a seat. */
  waitlisted: z.number().int().min(0),
  /** The calling teacher's live sign-up (not cancelled), if any. */
  myEnrollment: myEnrollmentSchema.nullable(),
});
export type CatalogueRun = z.infer<typeof catalogueRunSchema>;

export const catalogueProgramSchema = programSchema.omit({ runs: true, archived: true }).extend({
  runs: z.array(catalogueRunSchema),
});
export type CatalogueProgram = z.infer<typeof catalogueProgramSchema>;

export const programsResponseSchema = z.object({
  items: z.array(catalogueProgramSchema),
  /** Programmes matching the filters, over all pages. */
  total: z.number().int().min(0),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ProgramsResponse = z.infer<typeof programsResponseSchema>;

/** `POST /api/v1/programs/:id/enrollments`: the id is made by the client, so a retry is recognised. */
export const enrollmentRequestSchema = withoutControlCharacters(
  z.strictObject({
    id: z.uuid(),
    runId: idSchema,
  }),
);
export type EnrollmentRequest = z.infer<typeof enrollmentRequestSchema>;

export const enrollmentResponseSchema = enrollmentSchema;
export type EnrollmentResponse = z.infer<typeof enrollmentResponseSchema>;

/** How useful a completed programme was. */
export const feedbackUsefulness = ['yes', 'partly', 'no'] as const;
export type FeedbackUsefulness = (typeof feedbackUsefulness)[number];

/**
 * `POST /api/v1/enrollments/:id/feedback`: three short answers after a
 * completed programme. Stored exactly in this shape in
 * `enrollments.feedback_json`; a second answer replaces the first.
 */
export const feedbackRequestSchema = withoutControlCharacters(
  z.strictObject({
    /** Was it useful. */
    useful: z.enum(feedbackUsefulness),
    /** What changed in my lessons. */
    changedInLessons: z.string().trim().max(2000),
    /** Would I recommend it to a colleague. */
    wouldRecommend: z.boolean(),
  }),
);
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const feedbackResponseSchema = z.object({
  enrollmentId: z.uuid(),
  feedback: feedbackRequestSchema,
  submittedAt: z.iso.datetime(),
});
export type FeedbackResponse = z.infer<typeof feedbackResponseSchema>;

/**
 * One entry of `GET /api/v1/me/enrollments`: the teacher's sign-up with what
 * the panel shows of its programme. A confirmed sign-up whose run has ended
 * is `completed` (see server/features/catalogue/enrollment-store.ts).
 */
export const myEnrollmentEntrySchema = enrollmentSchema.extend({
  programTitle: z.string(),
  provider: z.string(),
  format: z.enum(programFormats),
  hours: z.number().int(),
  competencies: z.array(z.enum(competencyIds)),
  start: isoDateSchema,
  end: isoDateSchema,
  /** The teacher's feedback, once given (only on a completed programme). */
  feedback: feedbackRequestSchema.nullable(),
  updatedAt: z.string(),
});
export type MyEnrollmentEntry = z.infer<typeof myEnrollmentEntrySchema>;

export const myEnrollmentsResponseSchema = z.object({ items: z.array(myEnrollmentEntrySchema) });
export type MyEnrollmentsResponse = z.infer<typeof myEnrollmentsResponseSchema>;

export const programEndpoints = {
  listPrograms: {
    method: 'get',
    path: '/api/v1/programs',
    summary: 'Каталог программ ДПО с фильтрами и постраничным выводом',
    auth: 'teacher',
    query: programsQuerySchema,
    response: { status: 200, schema: programsResponseSchema },
  },
  enrollInRun: {
    method: 'post',
    path: '/api/v1/programs/:id/enrollments',
    summary: 'Записаться на поток программы (повтор с тем же id безопасен)',
    auth: 'teacher',
    body: enrollmentRequestSchema,
    response: { status: 201, schema: enrollmentResponseSchema },
  },
  cancelEnrollment: {
    method: 'delete',
    path: '/api/v1/enrollments/:id',
    summary: 'Отменить свою запись; место переходит первому в листе ожидания',
    auth: 'teacher',
    response: { status: 200, schema: enrollmentResponseSchema },
  },
  submitFeedback: {
    method: 'post',
    path: '/api/v1/enrollments/:id/feedback',
    summary: 'Отзыв о пройденной программе: была ли полезна, что изменилось на уроках, порекомендовал бы (повтор заменяет отзыв)',
    auth: 'teacher',
    body: feedbackRequestSchema,
    response: { status: 200, schema: feedbackResponseSchema },
  },
  listMyEnrollments: {
    method: 'get',
    path: '/api/v1/me/enrollments',
    summary: 'Мои записи на программы: статус, место в листе ожидания, отзыв',
    auth: 'teacher',
    response: { status: 200, schema: myEnrollmentsResponseSchema },
  },
} as const satisfies Record<string, Endpoint>;
