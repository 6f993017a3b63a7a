import { describe, expect, it } from 'vitest';
import { bandsSchema } from './instrument.ts';

describe('bandsSchema', () => {
  // Found by the guard-agreement property (extension/background/resources.test.ts): an instrument with no bands made
  // the refinement throw, so a bad answer became an exception instead of a refusal.
  it('refuses no bands, one band, and holes with issues instead of throwing', () => {
    for (const bands of [[], [{ level: 'noDeficit', upTo: 100, inclusive: true }], [undefined, undefined], [{}, {}]]) {
      const parsed = bandsSchema.safeParse(bands);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.length).toBeGreaterThan(0);
    }
  });

  it('still says why increasing bounds and the last band are wrong', () => {
    const parsed = bandsSchema.safeParse([
      { level: 'highDeficit', upTo: 60, inclusive: false },
      { level: 'noDeficit', upTo: 50, inclusive: false },
    ]);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['границы уровней должны возрастать', 'последний уровень должен включать 100']);
  });
});
