import { describe, expect, it } from 'vitest';
import * as shared from './index.ts';

describe('shared barrel', () => {
  it('exposes the domain API and the schemas from one place', () => {
    for (const name of ['parseFramework', 'parseInstrument', 'levelFor', 'scoreAttempt', 'currentProfile', 'growth', 'buildRoute'] as const) {
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test looks every name up in the barrel; nothing here is bundled.
      expect(typeof shared[name]).toBe('function');
    }
    expect(shared.instrumentSchema).toBeDefined();
    expect(shared.programSchema).toBeDefined();
    expect(shared.attemptResultSchema).toBeDefined();
    expect(new shared.AnswersInvalidError([{ path: 'answers.q1', message: 'вопрос «q1»: плохо' }])).toBeInstanceOf(shared.DomainError);
  });
});
