import { describe, expect, it } from 'vitest';
import { FrameworkInvalidError } from '../errors.ts';
import { framework } from '../testing/fixtures.ts';
import { parseFramework } from './parse-framework.ts';

describe('parseFramework', () => {
  it('accepts a valid framework', () => {
    expect(parseFramework(framework).indicators).toHaveLength(8);
  });

  it('lists every problem by path, in Russian', () => {
    const broken = structuredClone(framework);
    broken.indicators.push({ ...broken.indicators[0]! });
    broken.areas = broken.areas.filter((area) => area.id !== 'digital');
    try {
      parseFramework(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FrameworkInvalidError);
      const { issues, code } = error as FrameworkInvalidError;
      expect(code).toBe('framework_invalid');
      expect(issues).toContainEqual({ path: 'indicators.8.id', message: 'индикатор «subj.content» повторяется' });
      expect(issues).toContainEqual({ path: 'areas', message: 'нет описания области «digital»' });
    }
  });

  it('reports zod type errors in Russian without changing the global locale', () => {
    try {
      parseFramework({ areas: 'нет', indicators: [] });
      expect.unreachable();
    } catch (error) {
      const { issues } = error as FrameworkInvalidError;
      expect(issues.map((i) => i.path)).toEqual(['areas', 'indicators']);
      for (const issue of issues) expect(issue.message).toMatch(/[а-яё]/i);
    }
  });
});
