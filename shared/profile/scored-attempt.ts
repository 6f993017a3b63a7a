import { z } from 'zod';
import { idSchema } from '../schemas/framework.ts';
import { attemptResultSchema } from '../scoring/result.ts';

/** An attempt as stored: when it was completed and what scoring returned for it. */
export const scoredAttemptSchema = z
  .object({
    /** The attempt's own id, when it has one; breaks ties between attempts completed at the same instant. */
    attemptId: z.string().min(1).max(64).optional(),
    instrumentId: idSchema,
    instrumentVersion: z.number().int().min(1),
    completedAt: z.iso.datetime({ offset: true }),
    result: attemptResultSchema,
  })
  .refine((a) => a.result.instrumentId === a.instrumentId && a.result.instrumentVersion === a.instrumentVersion, {
    message: 'результат посчитан для другого инструмента или версии',
    path: ['result'],
  });
export type ScoredAttempt = z.infer<typeof scoredAttemptSchema>;
