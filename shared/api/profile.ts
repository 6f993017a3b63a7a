import { z } from 'zod';
import { competencyIds } from '../competencies.ts';
import { deficitSchema, levelSchema } from '../scoring/result.ts';
import type { Endpoint } from './endpoint.ts';

const standingSchema = z.object({
  score: z.number().min(0).max(100).nullable(),
  level: levelSchema,
  answered: z.number().int(),
  sources: z.array(
    z.object({
      instrumentId: z.string(),
      instrumentVersion: z.number().int(),
      attemptId: z.string().optional(),
      completedAt: z.string(),
      score: z.number(),
      answered: z.number().int(),
    }),
  ),
});

const growthPointSchema = z.object({
  instrumentVersion: z.number().int(),
  attemptId: z.string().optional(),
  completedAt: z.string(),
  score: z.number().nullable(),
});

const growthEntrySchema = z.object({
  instrumentId: z.string(),
  previous: growthPointSchema,
  latest: growthPointSchema,
  delta: z.number().nullable(),
  notComparable: z.enum(['notMeasuredBefore', 'notMeasuredNow', 'insufficientData']).optional(),
});

/** `GET /api/v1/me/profile`: where the teacher stands now, and the growth between their sittings. */
export const profileResponseSchema = z.object({
  profile: z.object({
    competencies: z.record(z.enum(competencyIds), standingSchema),
    /** Only ever shown to the teacher themself. */
    wellbeing: standingSchema,
    deficits: z.array(deficitSchema),
  }),
  growth: z.object({
    competencies: z.record(z.enum(competencyIds), z.array(growthEntrySchema)),
    wellbeing: z.array(growthEntrySchema),
  }),
  /** Each competency's weakest indicators at a deficit level, weakest first, at most three (shared/profile/weak-indicators.ts). */
  weakIndicators: z
    .partialRecord(
      z.enum(competencyIds),
      z.array(z.object({ id: z.string(), title: z.string(), score: z.number(), level: z.enum(['highDeficit', 'moderateDeficit']) })),
    )
    .default({}),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

export const profileEndpoints = {
  getCompetencyProfile: {
    method: 'get',
    path: '/api/v1/me/profile',
    summary: 'Текущий профиль компетенций, дефициты и приращение между диагностиками',
    auth: 'teacher',
    response: { status: 200, schema: profileResponseSchema },
  },
} as const satisfies Record<string, Endpoint>;
