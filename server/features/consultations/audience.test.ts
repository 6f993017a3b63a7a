import { describe, expect, it } from 'vitest';
import { inAudience, stateOn } from './audience.ts';

const teacher = { municipalityId: 2, subjects: 'Русский язык, литература', experienceYears: 2, erased: false };

describe('who a consultation asks', () => {
  it('asks everyone, one municipality, a subject named anywhere in the subjects, or the early-career', () => {
    expect(inAudience({ kind: 'all' }, teacher)).toBe(true);
    expect(inAudience({ kind: 'municipality', municipalityId: 2, municipality: 'М' }, teacher)).toBe(true);
    expect(inAudience({ kind: 'municipality', municipalityId: 3, municipality: 'Н' }, teacher)).toBe(false);
    expect(inAudience({ kind: 'subject', subject: 'ЛИТЕРАТУРА' }, teacher)).toBe(true);
    expect(inAudience({ kind: 'subject', subject: 'математика' }, teacher)).toBe(false);
    expect(inAudience({ kind: 'subject', subject: 'ёлка' }, { ...teacher, subjects: 'елка' })).toBe(true);
    expect(inAudience({ kind: 'earlyCareer' }, teacher)).toBe(true);
    expect(inAudience({ kind: 'earlyCareer' }, { ...teacher, experienceYears: 3 })).toBe(false);
    expect(inAudience({ kind: 'earlyCareer' }, { ...teacher, experienceYears: null })).toBe(false);
  });

  it('asks no erased teacher', () => {
    expect(inAudience({ kind: 'all' }, { ...teacher, erased: true })).toBe(false);
  });

  it('is open from its first day through its last', () => {
    const c = { opensOn: '2026-03-01', closesOn: '2026-03-10' };
    expect(stateOn(c, '2026-02-28')).toBe('upcoming');
    expect(stateOn(c, '2026-03-01')).toBe('open');
    expect(stateOn(c, '2026-03-10')).toBe('open');
    expect(stateOn(c, '2026-03-11')).toBe('closed');
  });
});
