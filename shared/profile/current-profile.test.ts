import { describe, expect, it } from 'vitest';
import type { AreaId } from '../competencies.ts';
import type { AreaResult, AttemptResult } from '../scoring/result.ts';
import { scoreAttempt } from '../scoring/score-attempt.ts';
import { framework, knowledgeTest, resultWith, screening, selfAssessment, submission } from '../testing/fixtures.ts';
import { currentProfile } from './current-profile.ts';
import { growth } from './growth.ts';
import { type ScoredAttempt, scoredAttemptSchema } from './scored-attempt.ts';

const area = (score: number | null, answered = 2, total = 2): AreaResult => ({
  score,
  level: score === null ? 'insufficientData' : score < 60 ? 'highDeficit' : score <= 80 ? 'moderateDeficit' : 'noDeficit',
  answered,
  total,
});

function attempt(result: AttemptResult, completedAt: string, attemptId?: string): ScoredAttempt {
  return {
    ...(attemptId === undefined ? {} : { attemptId }),
    instrumentId: result.instrumentId,
    instrumentVersion: result.instrumentVersion,
    completedAt,
    result,
  };
}

const march = '2026-03-10T09:00:00Z';
const may = '2026-05-20T09:00:00Z';
const october = '2026-10-15T09:00:00Z';

describe('currentProfile', () => {
  it('takes every competency from a single attempt; unmeasured ones lack data', () => {
    const result = scoreAttempt(selfAssessment, submission(selfAssessment, { s1: 4, s2: 3, m1: 1, m2: 5, c1: 5, c2: 5 }), framework);
    const profile = currentProfile([attempt(result, march, 'a1')]);
    expect(profile.competencies.subject).toEqual({
      score: 62.5,
      level: 'moderateDeficit',
      answered: 2,
      sources: [{ instrumentId: 'self', instrumentVersion: 1, attemptId: 'a1', completedAt: march, score: 62.5, answered: 2 }],
    });
    expect(profile.competencies.methodical).toMatchObject({ score: 0, level: 'highDeficit' });
    expect(profile.competencies.communicative).toMatchObject({ score: 100, level: 'noDeficit' });
    expect(profile.competencies.digital).toEqual({ score: null, level: 'insufficientData', answered: 0, sources: [] });
    expect(profile.wellbeing).toEqual({ score: null, level: 'insufficientData', answered: 0, sources: [] });
    expect(profile.deficits).toEqual([
      { competency: 'methodical', level: 'highDeficit', score: 0 },
      { competency: 'subject', level: 'moderateDeficit', score: 62.5 },
    ]);
  });

  it('uses the latest attempt of an instrument, whatever order the attempts come in', () => {
    const older = attempt(resultWith('self', 1, { methodical: area(40) }), march);
    const newer = attempt(resultWith('self', 1, { methodical: area(85) }), may);
    expect(currentProfile([older, newer]).competencies.methodical).toMatchObject({ score: 85, level: 'noDeficit' });
    expect(currentProfile([newer, older])).toEqual(currentProfile([older, newer]));
  });

  it('compares completion times as instants, not as strings', () => {
    // 10:00 in Moscow is 07:00Z: earlier than 08:30Z although it sorts later as text.
    const moscow = attempt(resultWith('self', 1, { digital: area(30) }), '2026-03-01T10:00:00+03:00');
    const utc = attempt(resultWith('self', 1, { digital: area(90) }), '2026-03-01T08:30:00Z');
    expect(currentProfile([utc, moscow]).competencies.digital.score).toBe(90);
  });

  it('breaks a tie in completion time by attempt id', () => {
    const a = attempt(resultWith('self', 1, { digital: area(30) }), march, 'attempt-a');
    const b = attempt(resultWith('self', 1, { digital: area(90) }), march, 'attempt-b');
    expect(currentProfile([b, a]).competencies.digital.score).toBe(90);
    expect(currentProfile([a, b]).competencies.digital.score).toBe(90);
  });

  it('lets the newest sitting decide: too few answers now means no data, not the older score', () => {
    const older = attempt(resultWith('self', 1, { methodical: area(40) }), march);
    const newer = attempt(resultWith('self', 1, { methodical: area(null, 0) }), may);
    expect(currentProfile([older, newer]).competencies.methodical).toEqual({
      score: null,
      level: 'insufficientData',
      answered: 0,
      sources: [],
    });
  });

  it('keeps an area a newer version stopped measuring from the latest attempt that did measure it', () => {
    const v1 = attempt(resultWith('self', 1, { methodical: area(40), digital: area(70) }), march);
    const v2 = attempt(resultWith('self', 2, { methodical: area(90) }), may);
    const profile = currentProfile([v1, v2]);
    expect(profile.competencies.methodical).toMatchObject({ score: 90 });
    expect(profile.competencies.digital).toMatchObject({ score: 70, sources: [{ instrumentVersion: 1 }] });
  });

  it('combines instruments measuring one competency as a mean weighted by answered items', () => {
    const self = attempt(resultWith('self', 1, { methodical: area(50, 2) }), may);
    const test = attempt(resultWith('test', 2, { methodical: area(100, 1, 2) }, 'knowledgeTest'), march);
    const { methodical } = currentProfile([self, test]).competencies;
    expect(methodical.score).toBe(66.7); // (50·2 + 100·1) / 3
    expect(methodical.level).toBe('moderateDeficit');
    expect(methodical.answered).toBe(3);
    expect(methodical.sources.map((s) => s.instrumentId)).toEqual(['self', 'test']);
  });

  it('levels a combined score with the bands of the most recent contributing attempt', () => {
    const strictBands: AttemptResult['bands'] = [
      { level: 'highDeficit', upTo: 70, inclusive: false },
      { level: 'moderateDeficit', upTo: 90, inclusive: true },
      { level: 'noDeficit', upTo: 100, inclusive: true },
    ];
    const usual = (at: string) => attempt(resultWith('self', 1, { subject: area(60, 1) }), at);
    const strict = (at: string) => attempt({ ...resultWith('test', 1, { subject: area(70, 1) }), bands: strictBands }, at);
    // Both combine to 65.
    expect(currentProfile([usual(march), strict(may)]).competencies.subject).toMatchObject({ score: 65, level: 'highDeficit' });
    expect(currentProfile([usual(may), strict(march)]).competencies.subject).toMatchObject({ score: 65, level: 'moderateDeficit' });
  });

  it('keeps wellbeing apart: a risk level, never a deficit', () => {
    const result = scoreAttempt(screening, submission(screening, { w1: 5, w2: 5, w3: 1 }), framework);
    const profile = currentProfile([attempt(result, march)]);
    expect(profile.wellbeing).toMatchObject({ score: 0, level: 'highRisk', answered: 3 });
    expect(profile.deficits).toEqual([]);
    expect(Object.keys(profile.competencies)).not.toContain('wellbeing');
  });

  it('is empty but complete with no attempts', () => {
    const profile = currentProfile([]);
    expect(Object.values(profile.competencies).every((s) => s.level === 'insufficientData')).toBe(true);
    expect(profile.deficits).toEqual([]);
  });

  it('accepts real scored attempts through the stored-attempt schema', () => {
    const result = scoreAttempt(knowledgeTest, submission(knowledgeTest, { t1: 'b', t2: 'a', t4: 'c' }), framework);
    const stored = scoredAttemptSchema.parse(JSON.parse(JSON.stringify(attempt(result, october, 'x'))));
    expect(currentProfile([stored]).competencies.subject.score).toBe(100);
    expect(() => scoredAttemptSchema.parse({ ...stored, instrumentVersion: 3 })).toThrow(/другого инструмента или версии/);
  });
});

describe('growth', () => {
  const self = (version: number, areas: Partial<Record<AreaId, AreaResult>>, at: string, id?: string) => attempt(resultWith('self', version, areas), at, id);

  it('is the latest minus the previous attempt of the same instrument', () => {
    const result = growth([self(1, { methodical: area(62.5), digital: area(66.7) }, march), self(1, { methodical: area(75), digital: area(33.3) }, may)]);
    expect(result.competencies.methodical).toEqual([
      {
        instrumentId: 'self',
        previous: { instrumentVersion: 1, completedAt: march, score: 62.5 },
        latest: { instrumentVersion: 1, completedAt: may, score: 75 },
        delta: 12.5,
      },
    ]);
    expect(result.competencies.digital[0]!.delta).toBe(-33.4);
    expect(result.competencies.subject).toEqual([]);
  });

  it('compares only the two latest attempts, in time order whatever the input order', () => {
    const attempts = [self(1, { subject: area(90) }, october), self(1, { subject: area(20) }, march), self(1, { subject: area(50) }, may)];
    expect(growth(attempts).competencies.subject[0]!.delta).toBe(40);
    expect(growth([...attempts].reverse())).toEqual(growth(attempts));
  });

  it('has nothing to say after a single attempt, or between different instruments', () => {
    const test = attempt(resultWith('test', 2, { subject: area(90) }, 'knowledgeTest'), may);
    const result = growth([self(1, { subject: area(20) }, march), test]);
    expect(result.competencies.subject).toEqual([]);
  });

  it('compares different versions where both measure the competency, and says why not elsewhere', () => {
    const v1 = self(1, { subject: area(50), methodical: area(40), digital: area(70) }, march, 'v1');
    const v2 = self(2, { subject: area(55), methodical: area(null, 0), communicative: area(80) }, may, 'v2');
    const result = growth([v2, v1]);
    expect(result.competencies.subject).toMatchObject([{ delta: 5, previous: { instrumentVersion: 1 }, latest: { instrumentVersion: 2 } }]);
    expect(result.competencies.methodical).toMatchObject([{ delta: null, notComparable: 'insufficientData' }]);
    expect(result.competencies.digital).toMatchObject([{ delta: null, notComparable: 'notMeasuredNow', latest: { score: null } }]);
    expect(result.competencies.communicative).toMatchObject([{ delta: null, notComparable: 'notMeasuredBefore' }]);
    expect(result.competencies.psychoPedagogical).toEqual([]);
  });

  it('lists one entry per instrument, sorted by instrument id', () => {
    const attempts = [
      attempt(resultWith('zeta', 1, { subject: area(10) }), march),
      attempt(resultWith('zeta', 1, { subject: area(30) }), may),
      attempt(resultWith('alpha', 1, { subject: area(70) }), march),
      attempt(resultWith('alpha', 1, { subject: area(60) }), may),
    ];
    expect(growth(attempts).competencies.subject.map((e) => [e.instrumentId, e.delta])).toEqual([
      ['alpha', -10],
      ['zeta', 20],
    ]);
  });

  it('reports wellbeing separately from the competencies', () => {
    const screen = (score: number, at: string) =>
      attempt(resultWith('burnout', 1, { wellbeing: { score, level: 'moderateRisk', answered: 3, total: 3 } }, 'screening'), at);
    const result = growth([screen(45, march), screen(60, may)]);
    expect(result.wellbeing).toMatchObject([{ instrumentId: 'burnout', delta: 15 }]);
    expect(Object.values(result.competencies).every((entries) => entries.length === 0)).toBe(true);
  });
});
