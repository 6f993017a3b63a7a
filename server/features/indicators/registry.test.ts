import { describe, expect, it } from 'vitest';
import { monitoringIndicators } from './registry.ts';

describe('the monitoring indicators («Показатели»)', () => {
  it('names each once and says in one Russian sentence how it is computed', () => {
    expect(new Set(monitoringIndicators.map((i) => i.id)).size).toBe(monitoringIndicators.length);
    for (const indicator of monitoringIndicators) {
      expect(indicator.name).toMatch(/^[А-ЯЁ]/);
      expect(indicator.howComputed).toMatch(/^[А-ЯЁ][^.]*[^.]\.$/u);
    }
  });
  it('covers every indicator the issue and the seeds ask for', () => {
    expect(monitoringIndicators.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'diagnosed',
        'withDeficit',
        'withRoute',
        'dpoCompleted',
        'earlyCareerWithMentor',
        'methodicalAssociation',
        'competition',
        'competitionAwarded',
        'categories',
        'satisfaction',
      ]),
    );
  });
});
