import { describe, expect, it } from 'vitest';
import { isEarlyCareer } from '../../../shared/api/me.ts';
import { earlyCareerBand, experienceBandOf } from './experience.ts';

describe('experience bands', () => {
  it('puts each full year of experience in the band its label names', () => {
    const bands = [0, 2, 3, 10, 11, 20, 21, 45].map((years) => [years, experienceBandOf(years)]);
    expect(bands).toEqual([
      [0, 'early'],
      [2, 'early'],
      [3, 'y3to10'],
      [10, 'y3to10'],
      [11, 'y11to20'],
      [20, 'y11to20'],
      [21, 'y21plus'],
      [45, 'y21plus'],
    ]);
  });

  it('keeps teachers whose experience the roster does not give apart', () => {
    expect(experienceBandOf(null)).toBe('unknown');
  });

  it('makes the first band exactly the молодые педагоги the teacher’s own profile names', () => {
    for (let years = 0; years <= 40; years++) {
      expect(experienceBandOf(years) === earlyCareerBand, `${years} years`).toBe(isEarlyCareer(years));
    }
  });
});
