import { z } from 'zod';
import { competencyIds } from '../competencies.ts';
import { idSchema } from '../schemas/framework.ts';
import type { Endpoint } from './endpoint.ts';

/**
 * Адресные рекомендации: a methodist writes one to a group of teachers chosen
 * by filters, with programmes attached; each teacher of the group reads it
 * in the panel, and may add it to her ИОМ. Seen and accepted come back
 * through the outbox (reach: server/features/recommendations/).
 */

/** What can be attached: a programme of the catalogue now; methodical events join as another kind. */
export const attachmentKinds = ['program'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const recommendationAttachmentSchema = z.object({
  kind: z.enum(attachmentKinds),
  id: idSchema,
  title: z.string(),
});

export const myRecommendationSchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  text: z.string(),
  /** Who sent it, as the teacher reads it: «Методист: <municipality>». */
  from: z.string(),
  sentAt: z.iso.datetime(),
  competency: z.enum(competencyIds).nullable(),
  attachments: z.array(recommendationAttachmentSchema),
  seen: z.boolean(),
  /** The teacher added it to her ИОМ. */
  accepted: z.boolean(),
});
export type MyRecommendation = z.infer<typeof myRecommendationSchema>;

export const myRecommendationsResponseSchema = z.object({ recommendations: z.array(myRecommendationSchema) });
export type MyRecommendationsResponse = z.infer<typeof myRecommendationsResponseSchema>;

/** Seen, or added to the ИОМ (which also means seen). Sent again, it changes nothing. */
export const recommendationAnswerSchema = z.strictObject({ answer: z.enum(['seen', 'accepted']) });
export type RecommendationAnswer = z.infer<typeof recommendationAnswerSchema>;

export const recommendationEndpoints = {
  listMyRecommendations: {
    method: 'get',
    path: '/api/v1/me/recommendations',
    summary: 'Адресные рекомендации методиста, полученные педагогом, с приложенными программами',
    auth: 'teacher',
    response: { status: 200, schema: myRecommendationsResponseSchema },
  },
  answerRecommendation: {
    method: 'put',
    path: '/api/v1/me/recommendations/:id',
    summary: 'Отметить рекомендацию прочитанной или добавить её в ИОМ (приложенные программы становятся пунктами маршрута)',
    description: 'Повтор того же ответа ничего не меняет. Добавление в ИОМ отмечает рекомендацию и прочитанной.',
    auth: 'teacher',
    body: recommendationAnswerSchema,
    response: { status: 200, schema: myRecommendationSchema },
  },
} as const satisfies Record<string, Endpoint>;
