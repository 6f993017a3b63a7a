import { describe, expect, it } from 'vitest';
import { resultWith } from '../testing/fixtures.ts';
import type { AttemptResult } from '../scoring/result.ts';
import { weakestIndicators } from './weak-indicators.ts';

const ind = (area: 'methodical' | 'digital' | 'wellbeing', score: number | null, level: AttemptResult['indicators'][string]['level']) => ({
  area,
  score,
  level,
  answered: 2,
  total: 2,
});

describe('the weakest indicators of each competency', () => {
  it('lists those at a deficit level, lowest first, at most three, from the latest sitting that scored each', () => {
    const older = {
      ...resultWith('self', 1, {}),
      indicators: { 'methodical.a': ind('methodical', 20, 'highDeficit'), 'methodical.b': ind('methodical', 30, 'highDeficit') },
    };
    const newer = {
      ...resultWith('self', 1, {}),
      indicators: {
        // a is better now: it drops out.
        'methodical.a': ind('methodical', 90, 'noDeficit'),
        'methodical.c': ind('methodical', 70, 'moderateDeficit'),
        'methodical.d': ind('methodical', 50, 'highDeficit'),
        'methodical.e': ind('methodical', 50, 'highDeficit'),
        'digital.x': ind('digital', null, 'insufficientData'),
        'wb.tired': ind('wellbeing', 10, 'highRisk'),
      },
    };
    const weakest = weakestIndicators([
      { attemptId: '1', instrumentId: 'self', instrumentVersion: 1, completedAt: '2026-10-01T10:00:00Z', result: older },
      { attemptId: '2', instrumentId: 'self', instrumentVersion: 1, completedAt: '2026-11-01T10:00:00Z', result: newer },
    ]);
    expect(weakest.methodical.map((i) => i.id)).toEqual(['methodical.b', 'methodical.d', 'methodical.e']);
    expect(weakest.digital).toEqual([]);
    expect(Object.keys(weakest)).not.toContain('wellbeing');
  });
});
