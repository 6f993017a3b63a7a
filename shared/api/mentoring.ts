import { z } from 'zod';
import { competencyIds } from '../competencies.ts';
import { withoutControlCharacters } from '../schemas/input.ts';
import { isoDateSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

/**
 * Наставничество: a pair of a mentor (наставник) and an early-career teacher
 * (наставляемый, молодой педагог), assigned by a methodist or a school's
 * coordinator, and the meetings the mentor logs. A meeting's note is the
 * pair's alone: only the two of them read it, in the panel; staff see that a
 * meeting happened and how long it was (docs/DOMAIN.md «Наставничество»).
 */

/** How many live pairs one mentor may lead at once: suggestions leave out a mentor who has this many, and an assignment beyond it is refused. */
export const mentorLoadLimit = 3;

/** Minutes a logged meeting may last. */
import { meetingMinutes, meetingNoteMaxLength, mentorContactMaxLength } from '../limits/panel-limits.ts';

export { meetingMinutes, meetingNoteMaxLength };

/** `POST /api/v1/mentoring/meetings`: the id is made by the client, so a retry from the outbox is recognised and counted once. */
export const meetingRequestSchema = withoutControlCharacters(
  z.strictObject({
    id: z.uuid({ message: 'идентификатор встречи должен быть UUID' }),
    pairId: z.number().int().positive(),
    heldOn: isoDateSchema,
    minutes: z
      .number()
      .int()
      .min(meetingMinutes.min, `встреча длится не меньше ${meetingMinutes.min} минут`)
      .max(meetingMinutes.max, `встреча длится не больше ${meetingMinutes.max} минут`),
    competency: z.enum(competencyIds),
    note: z.string().trim().max(meetingNoteMaxLength, `заметка не длиннее ${meetingNoteMaxLength} символов`).default(''),
  }),
);
export type MeetingRequest = z.input<typeof meetingRequestSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  pairId: z.number().int(),
  heldOn: z.string(),
  minutes: z.number().int(),
  competency: z.enum(competencyIds),
  /** Shown only to the pair's two teachers. */
  note: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** The other side of a pair as one teacher of it sees the other. */
const pairPersonSchema = z.object({
  name: z.string(),
  school: z.string(),
  /** What the mentor chose to show (a phone, an e-mail, «каб. 12»); empty for a mentee. */
  contact: z.string(),
});

export const pairViewSchema = z.object({
  pairId: z.number().int(),
  /** The mentor, for the mentee; the mentee, for the mentor. */
  partner: pairPersonSchema,
  /** Focus competencies: the plan's «над чем работаем». */
  focus: z.array(z.enum(competencyIds)),
  startedOn: z.string(),
  endsOn: z.string().nullable(),
  /** Set when one of the two asked to end the pair; staff end it. */
  endRequested: z.object({ by: z.enum(['mentor', 'mentee']), reason: z.string() }).nullable(),
  meetings: z.array(meetingSchema),
});
export type PairView = z.infer<typeof pairViewSchema>;

/** `GET /api/v1/me/mentoring`: the teacher's mentor (if she has one), her mentees, and whether she offers to mentor. */
export const myMentoringSchema = z.object({
  asMentee: pairViewSchema.nullable(),
  asMentor: z.array(pairViewSchema),
  offer: z.object({ volunteer: z.boolean(), contact: z.string() }),
});
export type MyMentoring = z.infer<typeof myMentoringSchema>;

/** `PUT /api/v1/me/mentoring/offer`: the teacher offers to mentor (or stops offering), with the contact mentees will see. */
export const mentorOfferSchema = withoutControlCharacters(
  z.strictObject({
    volunteer: z.boolean(),
    contact: z.string().trim().max(mentorContactMaxLength, `контакт не длиннее ${mentorContactMaxLength} символов`).default(''),
  }),
);

/** `POST /api/v1/mentoring/pairs/:id/end-request`: either side asks to end the pair, saying why. */
export const endRequestSchema = withoutControlCharacters(
  z.strictObject({
    reason: z.string().trim().min(3, 'напишите причину: не короче 3 символов').max(500, 'причина не длиннее 500 символов'),
  }),
);

export const mentoringEndpoints = {
  getMyMentoring: {
    method: 'get',
    path: '/api/v1/me/mentoring',
    summary: 'Наставничество педагога: его наставник, его наставляемые и встречи пары',
    description: 'Заметки встреч видят только двое педагогов пары; методист и администратор видят лишь, что встреча была, и её длительность.',
    auth: 'teacher',
    response: { status: 200, schema: myMentoringSchema },
  },
  logMentoringMeeting: {
    method: 'post',
    path: '/api/v1/mentoring/meetings',
    summary: 'Наставник записывает встречу с наставляемым (дата, минуты, компетенция, заметка)',
    description: 'Идентификатор встречи создаёт расширение: повторная отправка той же встречи отвечает 200 и ничего не добавляет.',
    auth: 'teacher',
    body: meetingRequestSchema,
    response: { status: 201, schema: meetingSchema },
  },
  updateMentorOffer: {
    method: 'put',
    path: '/api/v1/me/mentoring/offer',
    summary: 'Педагог предлагает себя в наставники (или отказывается) и указывает контакт для наставляемых',
    auth: 'teacher',
    body: mentorOfferSchema,
    response: { status: 200, schema: myMentoringSchema.shape.offer },
  },
  requestPairEnd: {
    method: 'post',
    path: '/api/v1/mentoring/pairs/:id/end-request',
    summary: 'Наставник или наставляемый просит завершить пару, указав причину',
    auth: 'teacher',
    body: endRequestSchema,
    response: { status: 200, schema: pairViewSchema },
  },
} as const satisfies Record<string, Endpoint>;
