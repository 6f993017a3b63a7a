import { z } from 'zod';
import { withoutControlCharacters } from './input.ts';
import { bandLevels, deficitLevels, riskLevels } from '../competencies.ts';
import { idSchema } from './framework.ts';

/**
 * A level band covers the scores from the previous band's upper edge up to
 * `upTo`; `inclusive` says whether `upTo` itself belongs to this band.
 * Scores are percentages of the maximum, 0–100, higher is always better.
 */
export const bandSchema = z.object({
  level: z.enum(bandLevels),
  upTo: z.number().min(0).max(100),
  inclusive: z.boolean(),
});
export type Band = z.infer<typeof bandSchema>;

/**
 * Распоряжение Минпросвещения Р-201: below 60 % of the maximum — высокий
 * дефицит; from 60 % to 80 % inclusive — умеренный; above 80 % — не выявлен.
 */
export const defaultDeficitBands: Band[] = [
  { level: 'highDeficit', upTo: 60, inclusive: false },
  { level: 'moderateDeficit', upTo: 80, inclusive: true },
  { level: 'noDeficit', upTo: 100, inclusive: true },
];

export const bandsSchema = z
  .array(bandSchema)
  .min(2)
  .superRefine((bands, ctx) => {
    // Zod runs this even when the array or an element failed its own checks (no bands, a band without `upTo`): those
    // already have their issue, and reading them here would throw instead of answering with a sentence.
    if (bands.length < 2 || !bands.every((band) => typeof band?.upTo === 'number')) return;
    for (let i = 1; i < bands.length; i++) {
      if (bands[i]!.upTo <= bands[i - 1]!.upTo) {
        ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'границы уровней должны возрастать' });
      }
    }
    const last = bands.at(-1)!;
    if (last.upTo !== 100 || !last.inclusive) {
      ctx.addIssue({ code: 'custom', path: [bands.length - 1], message: 'последний уровень должен включать 100' });
    }
    const levels = bands.map((b) => b.level);
    const allDeficit = levels.every((l) => (deficitLevels as readonly string[]).includes(l));
    const allRisk = levels.every((l) => (riskLevels as readonly string[]).includes(l));
    if (!allDeficit && !allRisk) {
      ctx.addIssue({ code: 'custom', message: 'уровни одного инструмента — либо дефициты, либо риски, не вперемешку' });
    }
  });

/** Which indicators an item evidences, and how much. */
export const measureSchema = z.object({
  indicator: idSchema,
  weight: z.number().positive().max(10).default(1),
});

const itemBase = {
  id: idSchema,
  text: z.string().min(3),
  measures: z.array(measureSchema).min(1),
};

export const optionSchema = z.object({ id: idSchema, text: z.string().min(1) });

/** Self-assessment on a 1–5 scale; `reverse` items score 5 as the worst answer. */
export const likertItemSchema = z.object({
  ...itemBase,
  kind: z.literal('likert'),
  reverse: z.boolean().default(false),
});

export const singleChoiceItemSchema = z.object({
  ...itemBase,
  kind: z.literal('single'),
  options: z.array(optionSchema).min(2),
  key: idSchema,
});

export const multipleChoiceItemSchema = z.object({
  ...itemBase,
  kind: z.literal('multiple'),
  options: z.array(optionSchema).min(2),
  key: z.array(idSchema).min(1),
});

export const itemSchema = z.discriminatedUnion('kind', [likertItemSchema, singleChoiceItemSchema, multipleChoiceItemSchema]);
export type Item = z.infer<typeof itemSchema>;
export type LikertItem = z.infer<typeof likertItemSchema>;
export type SingleChoiceItem = z.infer<typeof singleChoiceItemSchema>;
export type MultipleChoiceItem = z.infer<typeof multipleChoiceItemSchema>;

// In a zod-free module, for the scoring the extension's worker runs.
export { likertMax, likertMin } from '../limits/likert.ts';

export const instrumentKinds = ['selfAssessment', 'knowledgeTest', 'screening'] as const;

/** Everything of an instrument but its items. */
const instrumentFields = {
  id: idSchema,
  version: z.number().int().min(1),
  kind: z.enum(instrumentKinds),
  title: z.string().min(3),
  description: z.string(),
  /** Labels of the 1–5 scale, lowest first; needed when the instrument has Likert items. */
  scale: z.array(z.string().min(1)).length(5).optional(),
  bands: bandsSchema.default(defaultDeficitBands),
  /** Share of an area's items that must be answered for its score to count. */
  minAnsweredShare: z.number().min(0).max(1).default(0.5),
};

/**
 * A diagnostic instrument, versioned: a result is always scored with, and
 * records, the exact id and version it was taken with.
 */
export const instrumentSchema = withoutControlCharacters(
  z
    .object({
      ...instrumentFields,
      items: z.array(itemSchema).min(1),
    })
    .superRefine((instrument, ctx) => {
      const itemIds = new Set<string>();
      instrument.items.forEach((item, index) => {
        if (itemIds.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `вопрос «${item.id}» повторяется` });
        }
        itemIds.add(item.id);
        if (item.kind === 'likert' && !instrument.scale) {
          ctx.addIssue({ code: 'custom', path: ['scale'], message: 'для вопросов со шкалой нужны подписи шкалы' });
        }
        if (item.kind !== 'likert') {
          const optionIds = item.options.map((o) => o.id);
          if (new Set(optionIds).size !== optionIds.length) {
            ctx.addIssue({ code: 'custom', path: ['items', index, 'options'], message: 'варианты ответа повторяются' });
          }
          const keys = item.kind === 'single' ? [item.key] : item.key;
          for (const key of keys) {
            if (!optionIds.includes(key)) {
              ctx.addIssue({ code: 'custom', path: ['items', index, 'key'], message: `ключ «${key}» не среди вариантов` });
            }
          }
        }
      });
    }),
);
export type Instrument = z.infer<typeof instrumentSchema>;

/**
 * An instrument as a teacher's device gets it: a knowledge test's answer keys
 * stay on the server, which alone scores a test. Otherwise the keys would be
 * one look at the extension's traffic away, and the score preview one changed
 * answer away.
 */
export const sittingItemSchema = z.discriminatedUnion('kind', [
  likertItemSchema,
  singleChoiceItemSchema.omit({ key: true }),
  multipleChoiceItemSchema.omit({ key: true }),
]);
export const sittingInstrumentSchema = z.object({ ...instrumentFields, items: z.array(sittingItemSchema).min(1) });
export type SittingItem = z.infer<typeof sittingItemSchema>;
export type SittingInstrument = z.infer<typeof sittingInstrumentSchema>;

export function withoutAnswerKeys(instrument: Instrument): SittingInstrument {
  return {
    ...instrument,
    items: instrument.items.map((item) => {
      if (item.kind === 'likert') return item;
      const { key: _, ...rest } = item;
      return rest;
    }),
  };
}
/** What an author or an admin upload writes: defaults not yet applied. */
export type InstrumentInput = z.input<typeof instrumentSchema>;

/** One answer: a 1–5 value for Likert, an option id for single choice, option ids for multiple choice. */
export const answerValueSchema = z.union([z.int(), z.string(), z.array(z.string()).max(50)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
/**
 * Answers by item id. Every submission is parsed with this, so it is written
 * the way zod checks fastest: an object of any keys (a third of the cost of
 * z.record, which runs a schema on every key) with `z.int()` (half the cost
 * of z.number().int()). The keys need no schema of their own: scoring refuses
 * any that is not an item of the instrument (shared/scoring/answers.ts).
 */
export const answersSchema = z.object({}).catchall(answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;
