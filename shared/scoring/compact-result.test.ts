import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { framework, instruments } from '../content/index.ts';
import type { Answers, Instrument } from '../schemas/instrument.ts';
import { decodeResult, encodeResult } from './compact-result.ts';
import { scoreAttempt } from './score-attempt.ts';

/** Any answer to any subset of the items: partial sittings give insufficientData levels and null scores. */
function answersArb(instrument: Instrument) {
  const entries = instrument.items.map((item) => {
    const value =
      item.kind === 'likert'
        ? fc.integer({ min: 1, max: 5 })
        : item.kind === 'single'
          ? fc.constantFrom(...item.options.map((o) => o.id))
          : fc.subarray(
              item.options.map((o) => o.id),
              { minLength: 1 },
            );
    return fc.option(
      value.map((v) => [item.id, v] as const),
      { nil: undefined },
    );
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined)) as Answers);
}

describe('the stored form of a result', () => {
  it.each(instruments.map((i) => [i.id, i] as const))('gives back exactly the result of any %s sitting', (_, instrument) => {
    fc.assert(
      fc.property(answersArb(instrument), (answers) => {
        const result = scoreAttempt(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers }, framework);
        const decoded = decodeResult(encodeResult(result));
        expect(decoded).toStrictEqual(result);
        // Key order too: a retry is answered with the same bytes as the first submission.
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(result));
      }),
      { numRuns: 200 },
    );
  });

  it('is less than half the size of the plain JSON, so an attempt row fits one database page', () => {
    const instrument = instruments.find((i) => i.id === 'selfAssessment')!;
    const answers = Object.fromEntries(
      instrument.items.map((item) => [item.id, item.kind === 'likert' ? 3 : item.kind === 'single' ? item.options[0]!.id : [item.options[0]!.id]]),
    );
    const result = scoreAttempt(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers }, framework);
    expect(encodeResult(result).length).toBeLessThan(JSON.stringify(result).length / 2);
  });

  it('reads results stored as plain JSON before the compact form', () => {
    const instrument = instruments[0]!;
    const answers = Object.fromEntries(
      instrument.items.slice(0, 3).map((item) => [item.id, item.kind === 'likert' ? 4 : item.kind === 'single' ? item.options[0]!.id : [item.options[0]!.id]]),
    );
    const result = scoreAttempt(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers }, framework);
    expect(decodeResult(JSON.stringify(result))).toStrictEqual(result);
  });
});
