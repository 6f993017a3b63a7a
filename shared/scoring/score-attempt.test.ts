import { describe, expect, it } from 'vitest';
import type { AreaId } from '../competencies.ts';
import { AnswersInvalidError, InstrumentInvalidError } from '../errors.ts';
import type { Framework } from '../schemas/framework.ts';
import type { Instrument } from '../schemas/instrument.ts';
import { allLikert, framework, knowledgeTest, knowledgeTestInput, screening, selfAssessment, selfAssessmentInput, submission } from '../testing/fixtures.ts';
import { parseInstrument } from './parse-instrument.ts';
import { attemptResultSchema } from './result.ts';
import { scoreAttempt } from './score-attempt.ts';

type Answers = Record<string, number | string | string[]>;

const score = (instrument: Instrument, answers: Answers) => scoreAttempt(instrument, submission(instrument, answers), framework);

/** The worst (or best) Likert answer for each item, taking reverse keys into account. */
function extremeLikert(instrument: Instrument, best: boolean): Answers {
  return Object.fromEntries(instrument.items.map((item) => [item.id, (item.kind === 'likert' && item.reverse) === best ? 1 : 5]));
}

/** area → [score, level] of a result, for compact table rows. */
function summary(instrument: Instrument, answers: Answers): Partial<Record<AreaId, [number | null, string]>> {
  const { areas } = score(instrument, answers);
  return Object.fromEntries(Object.entries(areas).map(([area, r]) => [area, [r.score, r.level]]));
}

describe('scoreAttempt: self-assessment (Likert)', () => {
  it.each<[string, Answers, Partial<Record<AreaId, [number | null, string]>>]>([
    [
      'worst answers everywhere (1 on normal items, 5 on reverse ones)',
      extremeLikert(selfAssessment, false),
      {
        subject: [0, 'highDeficit'],
        methodical: [0, 'highDeficit'],
        psychoPedagogical: [0, 'highDeficit'],
        communicative: [0, 'highDeficit'],
        digital: [0, 'highDeficit'],
      },
    ],
    [
      'best answers everywhere',
      extremeLikert(selfAssessment, true),
      {
        subject: [100, 'noDeficit'],
        methodical: [100, 'noDeficit'],
        psychoPedagogical: [100, 'noDeficit'],
        communicative: [100, 'noDeficit'],
        digital: [100, 'noDeficit'],
      },
    ],
    [
      'all 1: reverse-keyed items count as the best answer',
      allLikert(selfAssessment, 1),
      {
        subject: [0, 'highDeficit'],
        methodical: [50, 'highDeficit'],
        psychoPedagogical: [50, 'highDeficit'],
        communicative: [0, 'highDeficit'],
        digital: [0, 'highDeficit'],
      },
    ],
    [
      'all 5: reverse-keyed items count as the worst answer',
      allLikert(selfAssessment, 5),
      {
        subject: [100, 'noDeficit'],
        methodical: [50, 'highDeficit'],
        psychoPedagogical: [50, 'highDeficit'],
        communicative: [100, 'noDeficit'],
        digital: [100, 'noDeficit'],
      },
    ],
    [
      'mixed answers land in each band',
      { s1: 4, s2: 3, m1: 5, m2: 2, p1: 2, p2: 4, c1: 4, c2: 5, d1: 4, d2: 4 },
      {
        subject: [62.5, 'moderateDeficit'], // (0.75 + 0.5) / 2
        methodical: [87.5, 'noDeficit'], // (1 + 0.75) / 2, m2 reverse
        psychoPedagogical: [25, 'highDeficit'], // (0.25 + 0.25) / 2, p2 reverse
        communicative: [87.5, 'noDeficit'],
        digital: [75, 'moderateDeficit'],
      },
    ],
    [
      'half of the items answered is still enough (default share 0.5); none is not',
      { s1: 5, m1: 3, m2: 3, c1: 1 },
      {
        subject: [100, 'noDeficit'],
        methodical: [50, 'highDeficit'],
        psychoPedagogical: [null, 'insufficientData'],
        communicative: [0, 'highDeficit'],
        digital: [null, 'insufficientData'],
      },
    ],
  ])('%s', (_, answers, expected) => {
    expect(summary(selfAssessment, answers)).toEqual(expected);
  });

  it('counts answered and total items per area', () => {
    const { areas } = score(selfAssessment, { s1: 5, m1: 3, m2: 3 });
    expect(areas.subject).toEqual({ score: 100, level: 'noDeficit', answered: 1, total: 2 });
    expect(areas.digital).toEqual({ score: null, level: 'insufficientData', answered: 0, total: 2 });
    expect(areas.wellbeing).toBeUndefined(); // not measured by this instrument
  });

  it('marks an area insufficientData below minAnsweredShare, and never as a deficit', () => {
    const strict = parseInstrument({ ...selfAssessmentInput, minAnsweredShare: 0.75 }, framework);
    const result = score(strict, { s1: 1, m1: 1, m2: 5 });
    expect(result.areas.subject).toEqual({ score: null, level: 'insufficientData', answered: 1, total: 2 });
    expect(result.areas.methodical).toEqual({ score: 0, level: 'highDeficit', answered: 2, total: 2 });
    expect(result.deficits.map((d) => d.competency)).toEqual(['methodical']);
  });

  it('gives no score to an area with no answers even when the share allows 0', () => {
    const lenient = parseInstrument({ ...selfAssessmentInput, minAnsweredShare: 0 }, framework);
    expect(score(lenient, { s1: 5 }).areas.digital).toEqual({ score: null, level: 'insufficientData', answered: 0, total: 2 });
  });

  it('scores each indicator separately', () => {
    const { indicators } = score(selfAssessment, { m1: 5, m2: 5 });
    expect(indicators['meth.planning']).toEqual({ area: 'methodical', score: 100, level: 'noDeficit', answered: 1, total: 1 });
    expect(indicators['meth.assessment']).toEqual({ area: 'methodical', score: 0, level: 'highDeficit', answered: 1, total: 1 });
    expect(indicators['dig.tools']).toEqual({ area: 'digital', score: null, level: 'insufficientData', answered: 0, total: 2 });
    expect(Object.keys(indicators)).not.toContain('wb.exhaustion');
  });

  it('lists deficits worst first: high before moderate, lower score first, then the competency order', () => {
    // subject 25 high, methodical 50 high, psycho 0 high, communicative 62.5 moderate, digital 25 high
    const result = score(selfAssessment, { s1: 2, s2: 2, m1: 1, m2: 1, p1: 1, p2: 5, c1: 4, c2: 3, d1: 2, d2: 2 });
    expect(result.deficits).toEqual([
      { competency: 'psychoPedagogical', level: 'highDeficit', score: 0 },
      { competency: 'subject', level: 'highDeficit', score: 25 },
      { competency: 'digital', level: 'highDeficit', score: 25 },
      { competency: 'methodical', level: 'highDeficit', score: 50 },
      { competency: 'communicative', level: 'moderateDeficit', score: 62.5 },
    ]);
  });

  it('records the instrument id, version, kind and bands, and matches the stored result schema', () => {
    const result = score(selfAssessment, allLikert(selfAssessment, 3));
    expect(result).toMatchObject({ instrumentId: 'self', instrumentVersion: 1, instrumentKind: 'selfAssessment' });
    expect(result.bands).toEqual(selfAssessment.bands);
    expect(attemptResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });
});

describe('scoreAttempt: knowledge test (choices, weights)', () => {
  it.each<[string, Answers, Partial<Record<AreaId, [number | null, string]>>]>([
    [
      'every key chosen',
      { t1: 'b', t2: 'a', t3: ['a', 'c'], t4: 'c' },
      { subject: [100, 'noDeficit'], methodical: [100, 'noDeficit'], digital: [100, 'noDeficit'] },
    ],
    [
      'every answer wrong',
      { t1: 'a', t2: 'b', t3: ['b', 'd'], t4: 'a' },
      { subject: [0, 'highDeficit'], methodical: [0, 'highDeficit'], digital: [0, 'highDeficit'] },
    ],
    [
      'weight 2 item right, weight 1 item wrong: 2/3',
      { t1: 'b', t2: 'b', t3: ['a', 'c'], t4: 'c' },
      { subject: [66.7, 'moderateDeficit'], methodical: [100, 'noDeficit'], digital: [100, 'noDeficit'] },
    ],
    [
      'weight 2 item wrong, weight 1 item right: 1/3',
      { t1: 'c', t2: 'a', t4: 'c' },
      { subject: [33.3, 'highDeficit'], methodical: [100, 'noDeficit'], digital: [100, 'noDeficit'] },
    ],
    [
      'multiple choice: half the key, nothing wrong → 0.5',
      { t3: ['a'], t4: 'a' },
      { subject: [null, 'insufficientData'], methodical: [25, 'highDeficit'], digital: [0, 'highDeficit'] },
    ],
    [
      'multiple choice: the key plus one wrong → (2 − 1)/2',
      { t3: ['a', 'b', 'c'], t4: 'c' },
      { subject: [null, 'insufficientData'], methodical: [75, 'moderateDeficit'], digital: [100, 'noDeficit'] },
    ],
    [
      'multiple choice: every box ticked earns nothing, never below 0',
      { t3: ['a', 'b', 'c', 'd'], t4: 'c' },
      { subject: [null, 'insufficientData'], methodical: [50, 'highDeficit'], digital: [100, 'noDeficit'] },
    ],
    [
      'multiple choice: an empty list is an answer with nothing chosen',
      { t3: [], t4: 'c' },
      { subject: [null, 'insufficientData'], methodical: [50, 'highDeficit'], digital: [100, 'noDeficit'] },
    ],
  ])('%s', (_, answers, expected) => {
    expect(summary(knowledgeTest, answers)).toEqual(expected);
  });

  it('an item measuring two areas counts once in each', () => {
    const { areas } = score(knowledgeTest, { t4: 'c' });
    expect(areas.methodical).toMatchObject({ answered: 1, total: 2 });
    expect(areas.digital).toMatchObject({ answered: 1, total: 1 });
  });

  it('takes the level from the rounded score, so the number shown and the level agree', () => {
    const narrow = parseInstrument(
      {
        ...knowledgeTestInput,
        items: [
          {
            id: 'x1',
            kind: 'single',
            text: 'Вопрос x1',
            options: [
              { id: 'a', text: 'a' },
              { id: 'b', text: 'b' },
            ],
            key: 'a',
            measures: [{ indicator: 'subj.content', weight: 1.4999 }],
          },
          {
            id: 'x2',
            kind: 'single',
            text: 'Вопрос x2',
            options: [
              { id: 'a', text: 'a' },
              { id: 'b', text: 'b' },
            ],
            key: 'a',
            measures: [{ indicator: 'subj.content', weight: 1.0001 }],
          },
        ],
      },
      framework,
    );
    // raw 59.996 %
    expect(score(narrow, { x1: 'a', x2: 'b' }).areas.subject).toMatchObject({ score: 60, level: 'moderateDeficit' });
  });
});

describe('scoreAttempt: wellbeing screening', () => {
  it.each<[string, Answers, [number | null, string]]>([
    ['worst answers', extremeLikert(screening, false), [0, 'highRisk']],
    ['middle answers', allLikert(screening, 3), [50, 'moderateRisk']],
    ['best answers', extremeLikert(screening, true), [100, 'lowRisk']],
  ])('%s: a risk level, never a deficit', (_, answers, [expectedScore, level]) => {
    const result = score(screening, answers);
    expect(result.areas.wellbeing).toMatchObject({ score: expectedScore, level });
    expect(result.deficits).toEqual([]);
  });
});

describe('scoreAttempt: invalid answers are refused, naming the item', () => {
  it.each<[string, Instrument, Answers, RegExp]>([
    ['unknown item', selfAssessment, { zz: 3 }, /вопроса «zz» нет в инструменте «self» версии 1/],
    ['Likert above 5', selfAssessment, { s1: 6 }, /вопрос «s1»: ответ по шкале — целое число от 1 до 5, получено 6/],
    ['Likert 0', selfAssessment, { m2: 0 }, /вопрос «m2».*от 1 до 5/],
    ['Likert not an integer', selfAssessment, { s2: 2.5 }, /вопрос «s2».*получено 2.5/],
    ['Likert as text', selfAssessment, { d1: 'a' }, /вопрос «d1».*получено «a»/],
    ['option not among the options', knowledgeTest, { t1: 'z' }, /вопрос «t1»: варианта «z» нет среди вариантов ответа/],
    ['a list for single choice', knowledgeTest, { t2: ['a'] }, /вопрос «t2»: нужен один вариант ответа, получено список/],
    ['not a list for multiple choice', knowledgeTest, { t3: 'a' }, /вопрос «t3»: нужен список вариантов ответа/],
    ['a repeated option', knowledgeTest, { t3: ['a', 'a'] }, /вопрос «t3»: варианты ответа повторяются/],
    ['an unknown option in a list', knowledgeTest, { t3: ['a', 'q'] }, /вопрос «t3»: варианта «q» нет/],
    ['a number for single choice', knowledgeTest, { t4: 3 }, /вопрос «t4»: нужен один вариант ответа, получено 3/],
  ])('%s', (_, instrument, answers, message) => {
    expect(() => score(instrument, answers)).toThrow(AnswersInvalidError);
    expect(() => score(instrument, answers)).toThrow(message);
  });

  it('lists every bad answer with its path, not just the first', () => {
    try {
      score(knowledgeTest, { t1: 'b', t2: ['a'], t3: 'a', zz: 'a' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AnswersInvalidError);
      const { issues, code } = error as AnswersInvalidError;
      expect(code).toBe('answers_invalid');
      expect(issues.map((i) => i.path)).toEqual(['answers.t2', 'answers.t3', 'answers.zz']);
    }
  });

  it('lists the bad answers in item order whatever the order of the keys', () => {
    try {
      score(knowledgeTest, { zz: 'a', t3: 'a', t1: 'b', t2: ['a'] });
      expect.unreachable();
    } catch (error) {
      expect((error as AnswersInvalidError).issues.map((i) => i.path)).toEqual(['answers.t2', 'answers.t3', 'answers.zz']);
      expect((error as AnswersInvalidError).message).toMatch(/«t2».*«t3».*«zz»/);
    }
  });

  it('refuses answers given for another version', () => {
    const v3 = parseInstrument({ ...knowledgeTestInput, version: 3 }, framework);
    const given = { instrumentId: 'test', instrumentVersion: 2, answers: { t1: 'b' } };
    expect(() => scoreAttempt(v3, given, framework)).toThrow(AnswersInvalidError);
    expect(() => scoreAttempt(v3, given, framework)).toThrow('ответы даны для версии 2, а инструмент — версии 3');
    // The same answers with the version they were given for score fine.
    expect(scoreAttempt(knowledgeTest, given, framework).instrumentVersion).toBe(2);
  });

  it('refuses answers given for another instrument', () => {
    const given = { instrumentId: 'self', instrumentVersion: 2, answers: {} };
    expect(() => scoreAttempt(knowledgeTest, given, framework)).toThrow('ответы даны для инструмента «self», а не «test»');
  });

  it('refuses to score an instrument that does not fit the framework', () => {
    const smaller: Framework = { ...framework, indicators: framework.indicators.filter((i) => i.id !== 'dig.tools') };
    expect(() => score(selfAssessment, allLikert(selfAssessment, 3))).not.toThrow();
    expect(() => scoreAttempt(selfAssessment, submission(selfAssessment, {}), smaller)).toThrow(InstrumentInvalidError);
  });

  it('accepts no answers at all: every area lacks data', () => {
    const result = score(selfAssessment, {});
    expect(Object.values(result.areas).every((a) => a.level === 'insufficientData')).toBe(true);
    expect(result.deficits).toEqual([]);
  });
});
