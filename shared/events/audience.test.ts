import { describe, expect, it } from 'vitest';
import { eventKindForRouteItem, subjectFits } from './audience.ts';

describe("an event's audience", () => {
  it('takes a subject among the teacher’s, without case or ё', () => {
    expect(subjectFits('Математика', 'математика, информатика')).toBe(true);
    expect(subjectFits('информатика', 'Математика; Информатика')).toBe(true);
    expect(subjectFits('Химия', 'химия')).toBe(true);
    expect(subjectFits('ёмкость', 'Емкость')).toBe(true);
  });
  it('does not take a subject that is only part of another', () => {
    expect(subjectFits('физика', 'астрофизика')).toBe(false);
    expect(subjectFits('история', 'математика')).toBe(false);
    expect(subjectFits('история', '')).toBe(false);
  });
  it('is for everyone without a subject', () => {
    expect(subjectFits('', 'математика')).toBe(true);
    expect(subjectFits('  ', '')).toBe(true);
  });
  it('links the ИОМ items «МО» and «конкурс» to their kinds of event, and no other', () => {
    expect(eventKindForRouteItem('methodicalAssociation')).toBe('methodicalAssociation');
    expect(eventKindForRouteItem('competition')).toBe('competition');
    expect(eventKindForRouteItem('course')).toBeUndefined();
  });
});
