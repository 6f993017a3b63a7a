import { describe, expect, it } from 'vitest';
import { bandLevels } from '../../../shared/competencies.ts';
import { hasDeficit } from '../../../shared/scoring/deficits.ts';
import { deficitLevelsSql } from './levels.ts';

describe('what counts as a deficit', () => {
  it('is the two deficit bands, never «no deficit», a risk level or too few answers', () => {
    const levels = [...bandLevels, 'insufficientData'];
    expect(levels.filter(hasDeficit)).toEqual(['highDeficit', 'moderateDeficit']);
  });

  it('is the same in SQL as in code, so a rebuild counts what the incremental update counts', () => {
    const inSql = [...deficitLevelsSql.matchAll(/'(\w+)'/g)].map((match) => match[1]);
    expect(inSql).toEqual([...bandLevels, 'insufficientData'].filter(hasDeficit));
  });
});
