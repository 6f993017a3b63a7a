import { describe, expect, it } from 'vitest';
import type { MyCampaignsResponse } from '../../shared/api/campaigns.ts';
import type { MyConsultationsResponse } from '../../shared/api/consultations.ts';
import { awaits, combined, markOf, noMark } from './mark.ts';

const campaign = (taken: boolean, reminded = false): MyCampaignsResponse['items'][number] => ({
  id: 1,
  period: '2026-2027',
  opensOn: '2026-12-01',
  closesOn: '2026-12-20',
  competencies: [],
  municipality: null,
  taken,
  reminders: reminded ? [{ sentAt: '2026-12-05T10:00:00Z', text: 'Пройдите, пожалуйста.' }] : [],
});

const consultation = (state: 'upcoming' | 'open' | 'closed', answered: boolean): MyConsultationsResponse['items'][number] => ({
  id: 1,
  title: 'Вопрос совета',
  text: '',
  questions: [],
  opensOn: '2026-12-01',
  closesOn: '2026-12-20',
  state,
  myAnswer: answered ? { answers: [], version: 1, updatedAt: '2026-12-02T10:00:00Z' } : null,
  conclusion: null,
});

describe('what awaits the teacher', () => {
  it('counts open campaigns not taken (reminded among them) and open consultations not answered', () => {
    const mark = markOf(
      { items: [campaign(false, true), campaign(true, true), campaign(false)] },
      { minGroup: 5, items: [consultation('open', false), consultation('open', true), consultation('upcoming', false), consultation('closed', false)] },
    );
    expect(mark).toEqual({ campaigns: 2, reminders: 1, consultations: 1 });
    expect(awaits(mark)).toBe(true);
  });

  it('keeps the part it did not read, and awaits nothing once all is done', () => {
    const before = { campaigns: 1, reminders: 0, consultations: 2 };
    expect(markOf(undefined, { minGroup: 5, items: [] }, before)).toEqual({ campaigns: 1, reminders: 0, consultations: 0 });
    const done = markOf({ items: [campaign(true)] }, { minGroup: 5, items: [] }, before);
    expect(awaits(done)).toBe(false);
    expect(awaits(combined([noMark, done]))).toBe(false);
    expect(awaits(combined([noMark, before]))).toBe(true);
  });
});
