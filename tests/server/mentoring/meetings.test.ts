import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignMentor } from '../../../server/features/mentoring/store.ts';
import { uuid } from '../../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { mentorCategory, person, tokenFor } from './mentoring-helpers.ts';

const today = new Date().toISOString().slice(0, 10);

describe('the pair in the panel: meetings, the mentor seen by the mentee, the offer to mentor', () => {
  let t: TestApp;
  let mentee: number;
  let mentor: number;
  let pairId: number;
  let menteeToken: string;
  let mentorToken: string;
  beforeEach(async () => {
    t = await createTestApp();
    mentee = person(t.db, 'Новикова', { experienceYears: 1 });
    mentor = person(t.db, 'Старцева', { category: mentorCategory });
    menteeToken = tokenFor(t.db, mentee);
    mentorToken = tokenFor(t.db, mentor);
    const result = assignMentor(
      t.db,
      { kind: 'admin', staffId: 1 },
      { menteeId: mentee, mentorId: mentor, focus: ['methodical'], startedOn: '2026-01-01', endsOn: null },
      'staff:admin',
    );
    if (result.kind !== 'created') throw new Error(result.kind);
    pairId = result.pairId;
  });
  afterEach(() => t.dispose());

  const meetings = () => (t.db.prepare('SELECT count(*) AS n FROM mentoring_meetings').get() as { n: number }).n;

  it('counts a meeting sent twice once, and refuses the same id with other content', async () => {
    const meeting = { id: uuid(), pairId, heldOn: today, minutes: 45, competency: 'methodical', note: 'Разобрали урок 5 «Б»' };
    const first = await t.json('POST', '/api/v1/mentoring/meetings', meeting, mentorToken);
    expect(first.status).toBe(201);
    const again = await t.json('POST', '/api/v1/mentoring/meetings', meeting, mentorToken);
    expect(again.status).toBe(200);
    expect(await bodyOf(again)).toEqual(await bodyOf(first));
    expect(meetings()).toBe(1);
    const changed = await t.json('POST', '/api/v1/mentoring/meetings', { ...meeting, minutes: 60 }, mentorToken);
    expect(changed.status).toBe(409);
    expect((await bodyOf(changed)).error.message).toContain('другими данными');
    expect(meetings()).toBe(1);
  });

  it('lets only the mentor log, never for a date to come, with Russian sentences for bad input', async () => {
    const meeting = { id: uuid(), pairId, heldOn: today, minutes: 45, competency: 'methodical', note: '' };
    const byMentee = await t.json('POST', '/api/v1/mentoring/meetings', meeting, menteeToken);
    expect(byMentee.status).toBe(404);
    expect((await bodyOf(byMentee)).error.message).toBe('Такой пары наставничества, где вы наставник, нет.');
    const future = await t.json('POST', '/api/v1/mentoring/meetings', { ...meeting, heldOn: '2999-01-01' }, mentorToken);
    expect(future.status).toBe(400);
    expect((await bodyOf(future)).error.message).toContain('ещё не наступила');
    const tooShort = await t.json('POST', '/api/v1/mentoring/meetings', { ...meeting, minutes: 1 }, mentorToken);
    expect(tooShort.status).toBe(400);
    expect((await bodyOf(tooShort)).error.message).toContain('не меньше 5 минут');
    expect(meetings()).toBe(0);
  });

  it('shows the mentee her mentor with the contact the mentor chose, and both of them the note', async () => {
    const offer = await t.json('PUT', '/api/v1/me/mentoring/offer', { volunteer: true, contact: 'каб. 12, по вторникам' }, mentorToken);
    expect(offer.status).toBe(200);
    await t.json(
      'POST',
      '/api/v1/mentoring/meetings',
      { id: uuid(), pairId, heldOn: today, minutes: 30, competency: 'methodical', note: 'Только для нас' },
      mentorToken,
    );
    const forMentee = await bodyOf(await t.json('GET', '/api/v1/me/mentoring', undefined, menteeToken));
    expect(forMentee.asMentee.partner).toEqual({ name: 'Старцева Мария Ивановна', school: 'МБОУ «СОШ № 1 наставничества»', contact: 'каб. 12, по вторникам' });
    expect(forMentee.asMentee.focus).toEqual(['methodical']);
    expect(forMentee.asMentee.meetings[0].note).toBe('Только для нас');
    expect(forMentee.asMentor).toEqual([]);
    const forMentor = await bodyOf(await t.json('GET', '/api/v1/me/mentoring', undefined, mentorToken));
    expect(forMentor.asMentee).toBeNull();
    expect(forMentor.asMentor[0].partner).toEqual({ name: 'Новикова Мария Ивановна', school: 'МБОУ «СОШ № 1 наставничества»', contact: '' });
    expect(forMentor.offer).toEqual({ volunteer: true, contact: 'каб. 12, по вторникам' });
    // A teacher of neither side sees nothing of the pair.
    const stranger = tokenFor(t.db, person(t.db, 'Посторонняя'));
    const forStranger = await bodyOf(await t.json('GET', '/api/v1/me/mentoring', undefined, stranger));
    expect(forStranger).toEqual({ asMentee: null, asMentor: [], offer: { volunteer: false, contact: '' } });
  });

  it('leaves no note and no live pair behind when the mentee erases her data', async () => {
    await t.json(
      'POST',
      '/api/v1/mentoring/meetings',
      { id: uuid(), pairId, heldOn: today, minutes: 30, competency: 'methodical', note: 'Личное' },
      mentorToken,
    );
    expect((await t.json('DELETE', '/api/v1/me', undefined, menteeToken)).status).toBe(204);
    expect(t.db.prepare('SELECT note FROM mentoring_meetings').all()).toEqual([{ note: '' }]);
    const forMentor = await bodyOf(await t.json('GET', '/api/v1/me/mentoring', undefined, mentorToken));
    expect(forMentor.asMentor).toEqual([]);
  });

  it('lets either side ask to end the pair with a reason, and no one else', async () => {
    const stranger = tokenFor(t.db, person(t.db, 'Посторонняя'));
    expect((await t.json('POST', `/api/v1/mentoring/pairs/${pairId}/end-request`, { reason: 'переезд' }, stranger)).status).toBe(404);
    const noReason = await t.json('POST', `/api/v1/mentoring/pairs/${pairId}/end-request`, { reason: '' }, menteeToken);
    expect(noReason.status).toBe(400);
    const asked = await t.json('POST', `/api/v1/mentoring/pairs/${pairId}/end-request`, { reason: 'Перехожу в другую школу' }, menteeToken);
    expect(asked.status).toBe(200);
    expect((await bodyOf(asked)).endRequested).toEqual({ by: 'mentee', reason: 'Перехожу в другую школу' });
  });
});
