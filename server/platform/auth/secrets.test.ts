import { describe, expect, it } from 'vitest';
import { normalizeEnrollmentCode } from './secrets.ts';

describe('enrolment codes', () => {
  it('reads codes the way people type them', () => {
    expect(normalizeEnrollmentCode(' k7qm 3hxd ')).toBe('K7QM-3HXD');
    expect(normalizeEnrollmentCode('k7qm-3hxd')).toBe('K7QM-3HXD');
  });
});
