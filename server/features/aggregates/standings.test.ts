import { describe, expect, it } from 'vitest';
import type { Band } from '../../../shared/schemas/instrument.ts';
import { defaultDeficitBands } from '../../../shared/schemas/instrument.ts';
import { encodeResult } from '../../../shared/scoring/compact-result.ts';
import { levelFor } from '../../../shared/scoring/levels.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { type AttemptForStanding, standingsByPeriod } from './standings.ts';

const riskBands: Band[] = [
  { level: 'highRisk', upTo: 40, inclusive: false },
  { level: 'moderateRisk', upTo: 70, inclusive: true },
  { level: 'lowRisk', upTo: 100, inclusive: true },
];

let nextId = 1;

/** A stored attempt with these scores per area (null: measured, too few answers), as scoring would have stored it. */
function attempt(completedAt: string, scores: Record<string, number | null>, instrumentId = 'selfAssessment'): AttemptForStanding {
  const bands = instrumentId === 'burnoutScreening' ? riskBands : defaultDeficitBands;
  const areas = Object.fromEntries(
    Object.entries(scores).map(([area, score]) => [
      area,
      { score, level: score === null ? 'insufficientData' : levelFor(score, bands), answered: score === null ? 0 : 10, total: 10 },
    ]),
  );
  const kind = instrumentId === 'burnoutScreening' ? 'screening' : 'selfAssessment';
  const result = { instrumentId, instrumentVersion: 1, instrumentKind: kind, bands, areas, indicators: {}, deficits: [] } as AttemptResult;
  return { id: `a${nextId++}`, instrumentId, instrumentVersion: 1, completedAt, resultJson: encodeResult(result) };
}

describe('standings by учебный год', () => {
  it('counts each attempt in the year of its date, and never carries a standing into the next year', () => {
    const standings = standingsByPeriod([attempt('2025-05-10T09:00:00Z', { subject: 50, digital: 90 }), attempt('2025-10-10T09:00:00Z', { subject: 85 })]);
    expect(standings).toEqual([
      { period: '2024-2025', area: 'subject', score: 50, level: 'highDeficit' },
      { period: '2024-2025', area: 'digital', score: 90, level: 'noDeficit' },
      { period: '2025-2026', area: 'subject', score: 85, level: 'noDeficit' },
    ]);
  });

  it('takes the latest attempt of an instrument within the year', () => {
    const standings = standingsByPeriod([attempt('2025-09-15T09:00:00Z', { methodical: 40 }), attempt('2026-04-01T09:00:00Z', { methodical: 70 })]);
    expect(standings).toEqual([{ period: '2025-2026', area: 'methodical', score: 70, level: 'moderateDeficit' }]);
  });

  it('gives a competency measured with too few answers a row without a score', () => {
    expect(standingsByPeriod([attempt('2026-02-01T09:00:00Z', { communicative: null })])).toEqual([
      { period: '2025-2026', area: 'communicative', score: null, level: 'insufficientData' },
    ]);
  });

  it('leaves the burnout screening out of every standing', () => {
    const standings = standingsByPeriod([
      attempt('2026-02-01T09:00:00Z', { wellbeing: 20 }, 'burnoutScreening'),
      attempt('2024-02-01T09:00:00Z', { wellbeing: 20, digital: 75 }),
    ]);
    expect(standings).toEqual([{ period: '2023-2024', area: 'digital', score: 75, level: 'moderateDeficit' }]);
  });

  it('computes only the year asked for', () => {
    const attempts = [attempt('2025-05-10T09:00:00Z', { subject: 50 }), attempt('2025-10-10T09:00:00Z', { subject: 85 })];
    expect(standingsByPeriod(attempts, '2025-2026')).toEqual([{ period: '2025-2026', area: 'subject', score: 85, level: 'noDeficit' }]);
    expect(standingsByPeriod(attempts, '2019-2020')).toEqual([]);
  });
});
