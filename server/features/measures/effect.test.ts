import { describe, expect, it } from 'vitest';
import { beforeAndAfter, groupEffect, type Scored } from './effect.ts';

const at = (day: string, score: number | null): Scored => ({ completedAt: `${day}T10:00:00.000Z`, score });

describe('a measure’s effect', () => {
  it('takes each teacher’s last value before the start and first after the end, the measure’s own days left out', () => {
    const history = [at('2026-09-10', 40), at('2026-10-01', 50), at('2026-10-15', 55), at('2026-12-20', 70), at('2027-01-10', 90)];
    expect(beforeAndAfter(history, '2026-10-01', '2026-12-20')).toEqual({ before: 40, after: 90 });
    expect(beforeAndAfter(history, '2026-10-02', '2026-12-19')).toEqual({ before: 50, after: 70 });
    expect(beforeAndAfter([at('2026-09-10', 40)], '2026-10-01', '2026-12-20')).toBeNull();
    expect(beforeAndAfter([at('2026-09-10', 40), at('2027-01-10', null)], '2026-10-01', '2026-12-20')).toBeNull();
  });

  it('means the teachers measured both times, beside the group’s size (a hand count)', () => {
    const histories = new Map<number, Scored[]>([
      [1, [at('2026-09-01', 40), at('2027-01-20', 70)]], // +30
      [2, [at('2026-09-05', 60), at('2026-09-20', 50), at('2027-02-01', 65)]], // 50 → 65: +15
      [3, [at('2026-09-05', 80)]], // never measured after: left out
      // 4: never diagnosed
    ]);
    // Before: (40 + 50) / 2 = 45; after: (70 + 65) / 2 = 67.5; change +22.5.
    expect(groupEffect([1, 2, 3, 4], histories, '2026-10-01', '2026-12-31')).toEqual({ teachers: 4, measured: 2, before: 45, after: 67.5, change: 22.5 });
    expect(groupEffect([3, 4], histories, '2026-10-01', '2026-12-31')).toEqual({ teachers: 2, measured: 0, before: null, after: null, change: null });
  });
});
