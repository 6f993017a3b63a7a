import { z } from 'zod';
import { competencyIds } from '../competencies.ts';
import { isoDateSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

/**
 * Диагностическая кампания (issues 22, 23; seed 001: diagnostics «не реже одного раза в год»): the days of a
 * учебный год in which the teachers of the republic or of one municipality take the diagnostic. A teacher
 * has taken it when she sent an attempt with a score in a competency (one of the campaign's, if it names
 * any) completed within those days. A methodist may remind those who have not; the panel shows her open
 * campaigns she has not taken and their reminders, and the launcher's mark says something awaits her.
 */

export const myCampaignSchema = z.object({
  id: z.number().int(),
  /** Учебный год, `2025-2026`. */
  period: z.string(),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  /** The competencies the campaign asks for; empty: any competency diagnostic counts. */
  competencies: z.array(z.enum(competencyIds)),
  /** Who opened it: the republic, or her municipality (its name). */
  municipality: z.string().nullable(),
  /** She has an attempt that counts for it. */
  taken: z.boolean(),
  /** Reminders the methodist sent her for it, newest first. */
  reminders: z.array(z.object({ sentAt: z.string(), text: z.string() })),
});
export type MyCampaign = z.infer<typeof myCampaignSchema>;

export const myCampaignsResponseSchema = z.object({
  /** The campaigns of her municipality or the republic open today. */
  items: z.array(myCampaignSchema),
});
export type MyCampaignsResponse = z.infer<typeof myCampaignsResponseSchema>;

export const campaignEndpoints = {
  listMyCampaigns: {
    method: 'get',
    path: '/api/v1/me/campaigns',
    summary: 'Открытые диагностические кампании педагога: сроки, компетенции, пройдена ли диагностика, напоминания методиста',
    auth: 'teacher',
    response: { status: 200, schema: myCampaignsResponseSchema },
  },
} as const satisfies Record<string, Endpoint>;
