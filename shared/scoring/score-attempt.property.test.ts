import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompetency } from '../competencies.ts';
import type { Answers, Instrument, InstrumentInput, Item } from '../schemas/instrument.ts';
import { framework, scale } from '../testing/fixtures.ts';
import { levelFor } from './levels.ts';
import { parseInstrument } from './parse-instrument.ts';
import type { AttemptResult } from './result.ts';
import { scoreAttempt } from './score-attempt.ts';

const competencyIndicators = framework.indicators.filter((i) => isCompetency(i.area)).map((i) => i.id);

const measuresArb = fc
  .uniqueArray(fc.constantFrom(...competencyIndicators), { minLength: 1, maxLength: 3 })
  .chain((indicators) =>
    fc.tuple(...indicators.map((indicator) => fc.record({ indicator: fc.constant(indicator), weight: fc.integer({ min: 1, max: 100 }).map((w) => w / 10) }))),
  );

const optionIds = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);

/** One item of any kind; the id is filled in by the instrument arbitrary. */
const itemArb = fc.oneof(
  fc.record({ kind: fc.constant('likert' as const), reverse: fc.boolean(), measures: measuresArb }),
  fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc.record({
      kind: fc.constant('single' as const),
      options: fc.constant(optionIds(n).map((id) => ({ id, text: id }))),
      key: fc.constantFrom(...optionIds(n)),
      measures: measuresArb,
    }),
  ),
  fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc.record({
      kind: fc.constant('multiple' as const),
      options: fc.constant(optionIds(n).map((id) => ({ id, text: id }))),
      key: fc.subarray(optionIds(n), { minLength: 1 }),
      measures: measuresArb,
    }),
  ),
);

const instrumentArb = fc
  .record({
    items: fc.array(itemArb, { minLength: 1, maxLength: 12 }),
    minAnsweredShare: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
  })
  .map(({ items, minAnsweredShare }): Instrument => {
    const input: InstrumentInput = {
      id: 'prop',
      version: 1,
      kind: 'knowledgeTest',
      title: 'Случайный инструмент',
      description: '',
      scale,
      minAnsweredShare,
      items: items.map((item, index) => ({ ...item, id: `i${index}`, text: `Вопрос ${index}` })),
    };
    return parseInstrument(input, framework);
  });

function answerArb(item: Item): fc.Arbitrary<Answers[string]> {
  switch (item.kind) {
    case 'likert':
      return fc.integer({ min: 1, max: 5 });
    case 'single':
      return fc.constantFrom(...item.options.map((o) => o.id));
    case 'multiple':
      return fc.subarray(item.options.map((o) => o.id));
  }
}

/** An instrument with answers to a random subset of its items. */
const attemptArb = instrumentArb.chain((instrument) =>
  fc.tuple(...instrument.items.map((item) => fc.option(answerArb(item), { nil: undefined }))).map((values) => {
    const answers: Answers = {};
    instrument.items.forEach((item, index) => {
      const value = values[index];
      if (value !== undefined) answers[item.id] = value;
    });
    return { instrument, answers };
  }),
);

const scoreOf = (instrument: Instrument, answers: Answers) =>
  scoreAttempt(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers }, framework);

/** Every strictly better answer to one item than the one given (empty when it is already the best). */
function improvements(item: Item, given: Answers[string]): Answers[string][] {
  switch (item.kind) {
    case 'likert': {
      const value = given as number;
      const better = item.reverse ? [1, 2, 3, 4, 5].filter((v) => v < value) : [1, 2, 3, 4, 5].filter((v) => v > value);
      return better;
    }
    case 'single':
      return given === item.key ? [] : [item.key];
    case 'multiple': {
      const picked = given as string[];
      const addRight = item.key.filter((id) => !picked.includes(id)).map((id) => [...picked, id]);
      const dropWrong = picked.filter((id) => !item.key.includes(id)).map((id) => picked.filter((p) => p !== id));
      return [...addRight, ...dropWrong];
    }
  }
}

function expectConsistent(result: AttemptResult, instrument: Instrument) {
  for (const entry of [...Object.values(result.areas), ...Object.values(result.indicators)]) {
    expect(entry.answered).toBeLessThanOrEqual(entry.total);
    if (entry.score === null) {
      expect(entry.level).toBe('insufficientData');
    } else {
      expect(entry.score).toBeGreaterThanOrEqual(0);
      expect(entry.score).toBeLessThanOrEqual(100);
      expect(Math.round(entry.score * 10)).toBe(entry.score * 10);
      expect(entry.level).toBe(levelFor(entry.score, instrument.bands));
    }
  }
}

describe('scoring properties', () => {
  it('every score is within 0–100 with one decimal, and its level matches the bands', () => {
    fc.assert(
      fc.property(attemptArb, ({ instrument, answers }) => {
        expectConsistent(scoreOf(instrument, answers), instrument);
      }),
      { numRuns: 400 },
    );
  });

  it('improving any single answer never lowers any area or indicator score', () => {
    fc.assert(
      fc.property(attemptArb, fc.nat(), fc.nat(), ({ instrument, answers }, pickItem, pickImprovement) => {
        const answered = instrument.items.filter((item) => answers[item.id] !== undefined);
        fc.pre(answered.length > 0);
        const item = answered[pickItem % answered.length]!;
        const options = improvements(item, answers[item.id]!);
        fc.pre(options.length > 0);
        const better = options[pickImprovement % options.length]!;

        const before = scoreOf(instrument, answers);
        const after = scoreOf(instrument, { ...answers, [item.id]: better });
        for (const [area, was] of Object.entries(before.areas)) {
          const now = after.areas[area as keyof typeof after.areas]!;
          expect(now.answered).toBe(was.answered);
          if (was.score !== null) expect(now.score!).toBeGreaterThanOrEqual(was.score);
        }
        for (const [indicator, was] of Object.entries(before.indicators)) {
          if (was.score !== null) expect(after.indicators[indicator]!.score!).toBeGreaterThanOrEqual(was.score);
        }
        // And a competency never becomes more deficient.
        const severity = { highDeficit: 0, moderateDeficit: 1, noDeficit: 2 } as Record<string, number>;
        for (const [area, was] of Object.entries(before.areas)) {
          if (was.level in severity) {
            expect(severity[after.areas[area as keyof typeof after.areas]!.level]).toBeGreaterThanOrEqual(severity[was.level]!);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the best answer to every item gives 100 in every area, the worst gives 0', () => {
    fc.assert(
      fc.property(instrumentArb, (instrument) => {
        const best: Answers = {};
        const worst: Answers = {};
        for (const item of instrument.items) {
          if (item.kind === 'likert') {
            best[item.id] = item.reverse ? 1 : 5;
            worst[item.id] = item.reverse ? 5 : 1;
          } else if (item.kind === 'single') {
            best[item.id] = item.key;
            worst[item.id] = item.options.find((o) => o.id !== item.key)!.id;
          } else {
            best[item.id] = item.key;
            worst[item.id] = [];
          }
        }
        for (const area of Object.values(scoreOf(instrument, best).areas)) expect(area.score).toBe(100);
        for (const area of Object.values(scoreOf(instrument, worst).areas)) expect(area.score).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('the order of the answer keys does not change the result', () => {
    fc.assert(
      fc.property(attemptArb, ({ instrument, answers }) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(scoreOf(instrument, reversed)).toEqual(scoreOf(instrument, answers));
      }),
      { numRuns: 100 },
    );
  });
});
