import { describe, expect, it } from 'vitest';
import { bandLevels, type Level } from '../competencies.ts';
import { deficitsOf, hasDeficit, isDeficitScaleLevel } from './deficits.ts';

const levels: Level[] = [...bandLevels, 'insufficientData'];

describe('the two deficit predicates', () => {
  it('counts as a deficit only high and moderate deficit', () => {
    expect(levels.filter(hasDeficit)).toEqual(['highDeficit', 'moderateDeficit']);
  });

  it('puts the whole deficit scale, noDeficit included, apart from the risk scale and missing data', () => {
    expect(levels.filter(isDeficitScaleLevel)).toEqual(['highDeficit', 'moderateDeficit', 'noDeficit']);
  });

  it('lists as deficits, worst first, the competencies hasDeficit counts', () => {
    const standing = {
      subject: { level: 'moderateDeficit', score: 70 },
      methodical: { level: 'noDeficit', score: 90 },
      digital: { level: 'highDeficit', score: 40 },
      communicative: { level: 'insufficientData', score: null },
    } as const;
    expect(deficitsOf(standing)).toEqual([
      { competency: 'digital', level: 'highDeficit', score: 40 },
      { competency: 'subject', level: 'moderateDeficit', score: 70 },
    ]);
  });
});
