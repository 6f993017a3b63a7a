import { describe, expect, it } from 'vitest';
import { InstrumentInvalidError } from '../errors.ts';
import { framework, knowledgeTestInput, screeningInput, selfAssessmentInput } from '../testing/fixtures.ts';
import { parseInstrument } from './parse-instrument.ts';

/** The issues an invalid document is refused with; fails the test if it is accepted. */
function instrumentIssues(input: unknown) {
  try {
    parseInstrument(input, framework);
  } catch (error) {
    expect(error).toBeInstanceOf(InstrumentInvalidError);
    return (error as InstrumentInvalidError).issues;
  }
  throw new Error('инструмент принят, а должен быть отклонён');
}

const clone = <T>(value: T): T => structuredClone(value);

describe('parseInstrument', () => {
  it('accepts the three kinds of instrument and applies defaults', () => {
    const self = parseInstrument(selfAssessmentInput, framework);
    expect(self.minAnsweredShare).toBe(0.5);
    expect(self.bands.map((b) => b.level)).toEqual(['highDeficit', 'moderateDeficit', 'noDeficit']);
    expect(parseInstrument(knowledgeTestInput, framework).items).toHaveLength(4);
    expect(parseInstrument(screeningInput, framework).bands[0]!.level).toBe('highRisk');
  });

  it('names the path of an indicator missing from the framework', () => {
    const input = clone(selfAssessmentInput);
    input.items[3]!.measures[0]!.indicator = 'meth.nonexistent';
    expect(instrumentIssues(input)).toEqual([{ path: 'items.3.measures.0.indicator', message: 'индикатора «meth.nonexistent» нет в рамке компетенций' }]);
  });

  it('refuses a screening that measures a competency', () => {
    const input = clone(screeningInput);
    input.items[1]!.measures[0]!.indicator = 'dig.tools';
    const issues = instrumentIssues(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('items.1.measures.0.indicator');
    expect(issues[0]!.message).toContain('скрининг измеряет только благополучие');
  });

  it('refuses a screening with deficit bands (the default)', () => {
    const { bands: _, ...input } = clone(screeningInput);
    expect(instrumentIssues(input)).toEqual([{ path: 'bands', message: expect.stringContaining('уровни риска') }]);
  });

  it('refuses a self-assessment that measures wellbeing or uses risk bands', () => {
    const input = { ...clone(selfAssessmentInput), bands: screeningInput.bands };
    input.items[0]!.measures[0]!.indicator = 'wb.exhaustion';
    const issues = instrumentIssues(input);
    expect(issues.map((i) => i.path)).toEqual(['items.0.measures.0.indicator', 'bands']);
    expect(issues[0]!.message).toContain('может измерять только скрининг');
  });

  it('refuses a repeated key in a multiple-choice item', () => {
    const input = clone(knowledgeTestInput);
    input.items[2] = { ...input.items[2]!, key: ['a', 'a'] } as (typeof input.items)[2];
    expect(instrumentIssues(input)).toEqual([{ path: 'items.2.key', message: 'в ключе вопроса «t3» варианты повторяются' }]);
  });

  it('reports schema errors by dotted path before any cross-check', () => {
    const input = clone(knowledgeTestInput) as Record<string, unknown>;
    input.title = '';
    (input.items as { measures: { indicator: string }[] }[])[0]!.measures[0]!.indicator = 'meth.nonexistent';
    const issues = instrumentIssues(input);
    expect(issues.map((i) => i.path)).toEqual(['title']);
    expect(issues[0]!.message).toMatch(/[а-яё]/i);
  });

  it('reports the schema refinements too (key not among options)', () => {
    const input = clone(knowledgeTestInput);
    input.items[0]!.key = 'z';
    expect(instrumentIssues(input)).toEqual([{ path: 'items.0.key', message: 'ключ «z» не среди вариантов' }]);
  });

  it('puts the paths into the error message for logs', () => {
    const input = clone(selfAssessmentInput);
    input.items[3]!.measures[0]!.indicator = 'meth.nonexistent';
    expect(() => parseInstrument(input, framework)).toThrow(/items\.3\.measures\.0\.indicator/);
  });
});
