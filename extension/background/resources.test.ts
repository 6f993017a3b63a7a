import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api/endpoints.ts';
import { instruments } from '../../shared/content/index.ts';
import { withoutAnswerKeys } from '../../shared/schemas/instrument.ts';
import { checkAgreement } from '../../shared/testing/guard-agreement.ts';
import { answerGuards } from './resources.ts';

/** Real answers where the project has them: the shipped instruments as a teacher's device gets them. */
const examples: Partial<Record<keyof typeof answerGuards, unknown[]>> = { getInstrument: instruments.map(withoutAnswerKeys) };

describe("the worker's answer checks", () => {
  it.each(Object.keys(answerGuards) as (keyof typeof answerGuards)[])(
    "%s: agree with the endpoint's answer schema in the contract, on generated answers and their mutations",
    { timeout: 30_000 },
    (name) => {
      const { accepted } = checkAgreement(answerGuards[name], api[name].response.schema, { examples: examples[name] ?? [] });
      // Generated answers must be good ones often enough for the mutations of them to test something.
      expect(accepted).toBeGreaterThan(0);
    },
  );
});
