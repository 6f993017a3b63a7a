import { z } from 'zod';
import { areaIds, laborFunctionIds } from '../competencies.ts';

/** A slug-like identifier: stable across versions, safe in URLs and CSV. */
export const idSchema = z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,63}$/, 'идентификатор: латинские буквы, цифры, «_», «.», «-», начинается с буквы');

export const indicatorSchema = z.object({
  id: idSchema,
  area: z.enum(areaIds),
  title: z.string().min(3),
  /** Labour functions of the Профстандарт this indicator evidences; empty only for wellbeing. */
  laborFunctions: z.array(z.enum(laborFunctionIds)),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const areaSchema = z.object({
  id: z.enum(areaIds),
  title: z.string().min(3),
  description: z.string(),
});
export type Area = z.infer<typeof areaSchema>;

/** The competency framework: areas and their observable indicators. */
export const frameworkSchema = z
  .object({
    areas: z.array(areaSchema),
    indicators: z.array(indicatorSchema).min(1),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.indicators.forEach((indicator, index) => {
      if (seen.has(indicator.id)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', index, 'id'], message: `индикатор «${indicator.id}» повторяется` });
      }
      seen.add(indicator.id);
      if (indicator.area !== 'wellbeing' && indicator.laborFunctions.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'laborFunctions'],
          message: 'индикатор компетенции должен ссылаться хотя бы на одну трудовую функцию',
        });
      }
    });
    for (const area of areaIds) {
      if (!framework.areas.some((a) => a.id === area)) {
        ctx.addIssue({ code: 'custom', path: ['areas'], message: `нет описания области «${area}»` });
      }
    }
  });
export type Framework = z.infer<typeof frameworkSchema>;
