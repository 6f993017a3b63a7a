import { z } from 'zod';
import { areaIds, bandLevels, competencyIds, deficitLevels } from '../competencies.ts';
import { idSchema } from '../schemas/framework.ts';
import { answersSchema, bandsSchema, instrumentKinds } from '../schemas/instrument.ts';

export const levelSchema = z.enum([...bandLevels, 'insufficientData']);

const scoreSchema = z.number().min(0).max(100);

/** The result in one area, or one indicator: `score` is null exactly when the level is insufficientData. */
export const areaResultSchema = z.object({
  /** 0–100, one decimal, higher is better. */
  score: scoreSchema.nullable(),
  level: levelSchema,
  /** Items of this area that were answered, and all items of this area in the instrument. */
  answered: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type AreaResult = z.infer<typeof areaResultSchema>;

export const indicatorResultSchema = areaResultSchema.extend({ area: z.enum(areaIds) });
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

export const deficitSchema = z.object({
  competency: z.enum(competencyIds),
  level: z.enum(deficitLevels),
  score: scoreSchema,
});
export type Deficit = z.infer<typeof deficitSchema>;

/**
 * The scored result of one attempt. It records the exact instrument id,
 * version and bands it was scored with: a stored result is never re-scored by
 * a later version, and a profile can re-level combined scores with the same bands.
 */
export const attemptResultSchema = z.object({
  instrumentId: idSchema,
  instrumentVersion: z.number().int().min(1),
  instrumentKind: z.enum(instrumentKinds),
  bands: bandsSchema,
  /** Only the areas the instrument measures. */
  areas: z.partialRecord(z.enum(areaIds), areaResultSchema),
  indicators: z.record(idSchema, indicatorResultSchema),
  /** Competencies at highDeficit or moderateDeficit, worst first. Wellbeing never appears here. */
  deficits: z.array(deficitSchema),
});
export type AttemptResult = z.infer<typeof attemptResultSchema>;

/** What a teacher submits: the answers and the instrument version they were given for. */
export const submissionSchema = z.object({
  instrumentId: idSchema,
  instrumentVersion: z.number().int().min(1),
  /** Item id → answer; an unanswered item is a missing key. */
  answers: answersSchema,
});
export type Submission = z.infer<typeof submissionSchema>;
