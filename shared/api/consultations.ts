import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/input.ts';
import { isoDateSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

/**
 * Консультации (issue 23): the expert council asks teachers. A consultation has a title, a text, 1–10
 * questions and an audience, and is open from one day to another (inclusive). A teacher of its audience
 * answers in the panel, once, and may change her answer until it closes (one answer per teacher, the
 * latest `version` wins); the council sees counts only, suppressed as every summary, and comments without
 * authors where enough teachers answered.
 */

export const questionKinds = ['single', 'multiple', 'scale', 'comment'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** A question's options: 2–6 for a choice; a 1–5 scale has its five points as options «1»…«5»; a comment none. */
export const maxOptions = 6;
export const maxQuestions = 10;
export const maxCommentLength = 500;
import { scaleOptions } from '../limits/panel-limits.ts';

export { scaleOptions };

export const questionSchema = z.object({
  kind: z.enum(questionKinds, { error: 'вид вопроса: один вариант, несколько вариантов, шкала 1–5 или комментарий' }),
  text: z.string().trim().min(1, 'напишите вопрос').max(500, 'вопрос — не длиннее 500 знаков'),
  options: z.array(z.string().trim().min(1, 'вариант ответа не может быть пустым').max(200, 'вариант — не длиннее 200 знаков')).max(maxOptions),
});
export type Question = z.infer<typeof questionSchema>;

/** Кому адресована: всем, педагогам муниципалитета, педагогам предмета (по «Предметам» реестра), молодым педагогам (стаж до 3 лет). */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('municipality'), municipalityId: z.number().int().positive(), municipality: z.string() }),
  z.object({ kind: z.literal('subject'), subject: z.string().trim().min(2, 'укажите предмет').max(100) }),
  z.object({ kind: z.literal('earlyCareer') }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** One question's answer: an option's index (single, scale), indexes (multiple), or text (comment; empty: no comment). */
export const questionAnswerSchema = z.union(
  [
    z
      .number()
      .int()
      .min(0)
      .max(maxOptions - 1),
    z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(maxOptions - 1),
      )
      .max(maxOptions),
    z.string().trim().max(maxCommentLength, `комментарий — не длиннее ${maxCommentLength} знаков`),
  ],
  { error: 'ответ на вопрос — номер варианта, список номеров или текст комментария' },
);

/** `PUT /api/v1/me/consultations/:id/answer`: the whole answer, with the device's counter of its edits. */
export const consultationAnswerRequestSchema = withoutControlCharacters(
  z.object({
    /** Made by the extension for this answer on this device; the same id and version sent again changes nothing. */
    id: z.uuid('номер ответа должен быть UUID'),
    /** Grows with each edit on the device; an older version arriving late is ignored. */
    version: z.number().int().min(1).max(1_000_000),
    answers: z.array(questionAnswerSchema).min(1).max(maxQuestions),
  }),
);
export type ConsultationAnswerRequest = z.infer<typeof consultationAnswerRequestSchema>;

export const consultationStates = ['upcoming', 'open', 'closed'] as const;

/** A consultation as the teacher's panel shows it. */
export const teacherConsultationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  text: z.string(),
  questions: z.array(questionSchema),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  state: z.enum(consultationStates),
  /** Her answer as the server has it, or null. */
  myAnswer: z.object({ answers: z.array(questionAnswerSchema), version: z.number().int(), updatedAt: z.string() }).nullable(),
  /** The council's conclusion, once published. */
  conclusion: z.string().nullable(),
});
export type TeacherConsultation = z.infer<typeof teacherConsultationSchema>;

export const myConsultationsResponseSchema = z.object({
  /** K: comments reach the council only where at least this many teachers answered; the panel says so. */
  minGroup: z.number().int(),
  items: z.array(teacherConsultationSchema),
});
export type MyConsultationsResponse = z.infer<typeof myConsultationsResponseSchema>;

export const consultationAnswerResponseSchema = z.object({ version: z.number().int(), updatedAt: z.string() });

/** Whether an answer fits the questions: every choice question answered with existing options, a single one with one. */
export function answerProblem(questions: readonly Question[], answers: readonly unknown[]): string | undefined {
  if (answers.length !== questions.length) return 'ответов должно быть столько же, сколько вопросов';
  for (const [index, question] of questions.entries()) {
    const answer = answers[index];
    const options = question.kind === 'scale' ? scaleOptions.length : question.options.length;
    const n = index + 1;
    if (question.kind === 'comment') {
      if (typeof answer !== 'string') return `вопрос ${n}: нужен текст комментария`;
    } else if (question.kind === 'multiple') {
      if (!Array.isArray(answer) || answer.length === 0) return `вопрос ${n}: отметьте хотя бы один вариант`;
      if (new Set(answer).size !== answer.length || answer.some((i) => i >= options)) return `вопрос ${n}: такого варианта нет`;
    } else if (typeof answer !== 'number') return `вопрос ${n}: выберите один вариант`;
    else if (answer >= options) return `вопрос ${n}: такого варианта нет`;
  }
  return undefined;
}

export const consultationEndpoints = {
  listMyConsultations: {
    method: 'get',
    path: '/api/v1/me/consultations',
    summary: 'Консультации экспертного совета, адресованные педагогу: открытые, будущие и закрытые с выводами, с её ответом',
    auth: 'teacher',
    response: { status: 200, schema: myConsultationsResponseSchema },
  },
  answerConsultation: {
    method: 'put',
    path: '/api/v1/me/consultations/:id/answer',
    summary: 'Ответить на консультацию или изменить ответ до её закрытия (один ответ педагога; более старая версия не заменяет новую)',
    auth: 'teacher',
    body: consultationAnswerRequestSchema,
    response: { status: 200, schema: consultationAnswerResponseSchema },
  },
} as const satisfies Record<string, Endpoint>;
