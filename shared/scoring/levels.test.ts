import { describe, expect, it } from 'vitest';
import { type Band, defaultDeficitBands } from '../schemas/instrument.ts';
import { levelFor } from './levels.ts';

describe('levelFor with the Р-201 default bands', () => {
  it.each([
    [0, 'highDeficit'],
    [59.9, 'highDeficit'],
    [59.99, 'highDeficit'],
    [60, 'moderateDeficit'],
    [70, 'moderateDeficit'],
    [80, 'moderateDeficit'],
    [80.01, 'noDeficit'],
    [80.1, 'noDeficit'],
    [100, 'noDeficit'],
  ] as const)('%d → %s', (score, level) => {
    expect(levelFor(score, defaultDeficitBands)).toBe(level);
  });
});

describe('levelFor with other bands', () => {
  const risk: Band[] = [
    { level: 'highRisk', upTo: 40, inclusive: true },
    { level: 'moderateRisk', upTo: 70, inclusive: false },
    { level: 'lowRisk', upTo: 100, inclusive: true },
  ];

  it.each([
    [0, 'highRisk'],
    [40, 'highRisk'],
    [40.01, 'moderateRisk'],
    [69.99, 'moderateRisk'],
    [70, 'lowRisk'],
    [100, 'lowRisk'],
  ] as const)('%d → %s', (score, level) => {
    expect(levelFor(score, risk)).toBe(level);
  });

  it('a band ending at 0 inclusive holds only 0', () => {
    const bands: Band[] = [
      { level: 'highDeficit', upTo: 0, inclusive: true },
      { level: 'noDeficit', upTo: 100, inclusive: true },
    ];
    expect(levelFor(0, bands)).toBe('highDeficit');
    expect(levelFor(0.1, bands)).toBe('noDeficit');
  });

  it.each([-0.1, 100.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (score) => {
    expect(() => levelFor(score, defaultDeficitBands)).toThrow(RangeError);
  });

  it('refuses a score no band covers', () => {
    const gap: Band[] = [
      { level: 'highDeficit', upTo: 60, inclusive: false },
      { level: 'noDeficit', upTo: 100, inclusive: false },
    ];
    expect(() => levelFor(100, gap)).toThrow(/не попадает/);
  });
});
