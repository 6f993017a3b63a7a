import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/input.ts';
import { activityKinds, areaIds, programFormats } from '../competencies.ts';
import { idSchema } from '../schemas/framework.ts';
import { enrollmentStatuses, isoDateSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

export const routeItemStatuses = ['suggested', 'accepted', 'postponed', 'done'] as const;
export type RouteItemStatus = (typeof routeItemStatuses)[number];

/** The согласование of a ИОМ: not sent yet, waiting for the methodist, agreed. */
export const routeAgreementStates = ['draft', 'submitted', 'agreed'] as const;
export type RouteAgreementState = (typeof routeAgreementStates)[number];

/** A month as the teacher plans an activity: YYYY-MM. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'месяц в формате ГГГГ-ММ' });

/** Documents of recognised learning (признание результатов неформального обучения). */
export const evidenceKinds = ['certificate', 'diploma', 'attestation', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The document a teacher records for a course taken elsewhere: type, number, provider, hours, date. */
export const evidenceSchema = z.strictObject({
  kind: z.enum(evidenceKinds),
  number: z.string().trim().min(1, { message: 'укажите номер документа' }).max(100, { message: 'номер документа не длиннее 100 знаков' }),
  provider: z.string().trim().min(2, { message: 'укажите организацию, выдавшую документ' }).max(300, { message: 'название организации не длиннее 300 знаков' }),
  hours: z
    .number({ message: 'объём в часах — целое число' })
    .int({ message: 'объём в часах — целое число' })
    .min(1, { message: 'объём — не меньше 1 часа' })
    .max(2000, { message: 'объём — не больше 2000 часов' }),
  date: isoDateSchema,
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A course item's programme and run, read from the catalogue when the route is read: seats are current. */
export const routeCourseSchema = z.object({
  title: z.string(),
  provider: z.string(),
  hours: z.number().int(),
  format: z.enum(programFormats),
  start: isoDateSchema.nullable(),
  end: isoDateSchema.nullable(),
  seats: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  /** The teacher's live sign-up for this programme, if any. */
  enrollment: z.object({ id: z.uuid(), runId: idSchema, status: z.enum(enrollmentStatuses), waitlistPosition: z.number().int().nullable() }).nullable(),
});
export type RouteCourse = z.infer<typeof routeCourseSchema>;

/** One entry of the teacher's ИОМ: a programme run or another activity, for one area. */
export const routeItemSchema = z.object({
  id: idSchema,
  /** A competency; `wellbeing` only for the private suggestion after a high burnout risk. */
  competency: z.enum(areaIds),
  kind: z.enum(activityKinds),
  programId: idSchema.nullable(),
  runId: idSchema.nullable(),
  /** Why the item is in the route, in a sentence the teacher reads. */
  reason: z.string(),
  /** What to do, concretely (for a course: the programme's title). */
  description: z.string(),
  /** Indicators (показатели) the item addresses, weakest first. */
  indicators: z.array(z.object({ id: idSchema, title: z.string() })),
  status: z.enum(routeItemStatuses),
  plannedDate: isoDateSchema.nullable(),
  plannedMonth: monthSchema.nullable(),
  /** Seen only by the teacher: never by staff, never in a report. */
  private: z.boolean(),
  /** Set when the builder took the suggestion back; the sentence says why. */
  retired: z.object({ at: z.iso.datetime(), reason: z.string() }).nullable(),
  course: routeCourseSchema.nullable(),
  evidence: evidenceSchema.extend({ confirmedAt: z.iso.datetime().nullable() }).nullable(),
  /** The methodist's comment. */
  comment: z.object({ text: z.string(), at: z.iso.datetime() }).nullable(),
  updatedAt: z.iso.datetime(),
});
export type RouteItem = z.infer<typeof routeItemSchema>;

export const routeResponseSchema = z.object({
  /** False until the first scored diagnostic: the route then only asks for it. */
  diagnosed: z.boolean(),
  /** Grows each time the route's items change (a version of the ИОМ). */
  version: z.number().int().min(0),
  builtAt: z.iso.datetime().nullable(),
  agreement: z.object({
    state: z.enum(routeAgreementStates),
    agreedAt: z.iso.datetime().nullable(),
    agreedVersion: z.number().int().nullable(),
  }),
  /** Active items first, in the builder's order; retired suggestions after them. */
  items: z.array(routeItemSchema),
});
export type RouteResponse = z.infer<typeof routeResponseSchema>;

/**
 * `PUT /api/v1/me/route/items/:id`. The teacher moves an item on; a
 * suggestion cannot be made again, and «Выполнено» needs an accepted item.
 * `plannedDate` and `plannedMonth` omitted keep them, null clears them.
 * `evidence`: the document of a course taken elsewhere, with «Выполнено».
 */
export const routeItemUpdateSchema = withoutControlCharacters(
  z
    .strictObject({
      status: z.enum(['accepted', 'postponed', 'done']).optional(),
      plannedDate: isoDateSchema.nullable().optional(),
      plannedMonth: monthSchema.nullable().optional(),
      evidence: evidenceSchema.optional(),
    })
    .refine((update) => Object.keys(update).length > 0, { message: 'нечего изменить' })
    .refine((update) => update.evidence === undefined || update.status === 'done', {
      message: 'документ прикладывается к отметке «Выполнено»',
      path: ['evidence'],
    }),
);
export type RouteItemUpdate = z.infer<typeof routeItemUpdateSchema>;

/** `PUT /api/v1/me/route/agreement`: the teacher sends the ИОМ to the methodist (or takes it back). */
export const routeSubmissionSchema = z.strictObject({ submit: z.boolean() });
export type RouteSubmission = z.infer<typeof routeSubmissionSchema>;

export const routeEndpoints = {
  getRoute: {
    method: 'get',
    path: '/api/v1/me/route',
    summary: 'Индивидуальный образовательный маршрут педагога (ИОМ): текущая версия, пункты, согласование',
    auth: 'teacher',
    response: { status: 200, schema: routeResponseSchema },
  },
  updateRouteItem: {
    method: 'put',
    path: '/api/v1/me/route/items/:id',
    summary: 'Принять, отложить или отметить выполненным пункт маршрута; запланировать месяц; приложить документ',
    auth: 'teacher',
    body: routeItemUpdateSchema,
    response: { status: 200, schema: routeItemSchema },
  },
  submitRoute: {
    method: 'put',
    path: '/api/v1/me/route/agreement',
    summary: 'Отправить ИОМ методисту на согласование или отозвать',
    auth: 'teacher',
    body: routeSubmissionSchema,
    response: { status: 200, schema: routeResponseSchema },
  },
} as const satisfies Record<string, Endpoint>;
