import { messages } from '../../../extension/messages.ts';
import { importRoster } from '../../../server/features/roster/import-roster.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../../extension/background/worker.ts';
import type { SessionView } from '../../../extension/sync/sessions.ts';
import { memoryStorage } from '../../../extension/testing/memory-storage.ts';
import { type Harness, workerHarness } from '../worker-harness.ts';

describe('the background worker against the real server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workerHarness();
  });
  afterEach(() => h.dispose());

  async function connect(index = 0): Promise<SessionView> {
    const teacher = h.t.demo.teachers[index]!;
    const result = await h.worker.handle({
      type: 'connect',
      code: teacher.code,
      device: 'Тест',
      journalName: teacher.name,
      confirmedName: teacher.name,
      vouched: true,
      pin: '',
      consentAccepted: true,
    });
    if (!result.ok) throw new Error(result.message);
    return result.session;
  }
  const countAttempts = () => (h.t.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;

  it('refuses to connect without consent, and never hands the token to the panel', async () => {
    const teacher = h.t.demo.teachers[0]!;
    const refused = await h.worker.handle({
      type: 'connect',
      code: teacher.code,
      device: 'Тест',
      journalName: teacher.name,
      confirmedName: teacher.name,
      vouched: true,
      pin: '',
      consentAccepted: false,
    });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('согласие') });
    const wrong = await h.worker.handle({
      type: 'connect',
      code: 'AAAA-AAAA',
      device: 'Тест',
      journalName: '',
      confirmedName: 'x',
      vouched: true,
      pin: '',
      consentAccepted: true,
    });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toMatch(/[а-я]/);

    const session = await connect();
    expect(session).not.toHaveProperty('token');
    const state = await h.worker.handle({ type: 'getState', journalName: teacher.name, vouched: true });
    expect(JSON.stringify(state)).not.toMatch(/token/i);
    expect(state.session?.teacher.name).toBe(teacher.name);
  });

  it('opens only the session of the teacher the journal shows', async () => {
    const first = h.t.demo.teachers[0]!;
    const second = h.t.demo.teachers[1]!;
    await connect(0);
    // Case, ё and spacing do not matter.
    expect((await h.worker.handle({ type: 'getState', journalName: `  ${first.name.toUpperCase()} `, vouched: true })).session?.teacher.name).toBe(first.name);
    const other = await h.worker.handle({ type: 'getState', journalName: second.name, vouched: true });
    expect(other).toMatchObject({ session: null, otherTeacherConnected: true });
    await connect(1);
    expect((await h.worker.handle({ type: 'getState', journalName: second.name, vouched: true })).session?.teacher.name).toBe(second.name);
    expect((await h.worker.handle({ type: 'getState', journalName: first.name, vouched: true })).session?.teacher.name).toBe(first.name);
  });

  it('connects Сетевой город’s «Егорова С. М.» to the roster’s «Егорова Сардана Михайловна», and leaves a namesake to the teacher’s choice', async () => {
    const school = h.t.demo.teachers[0]!.school;
    const municipality = (
      h.t.db.prepare('SELECT m.name AS m FROM schools s JOIN municipalities m ON m.id = s.municipality_id WHERE s.name = ?').get(school) as { m: string }
    ).m;
    const roster = [
      'last_name,first_name,middle_name,municipality,school,position,subjects,experience_years',
      `Егорова,Сардана,Михайловна,${municipality},"${school.replace(/"/g, '""')}",Учитель,Математика,12`,
      `Егорова,Светлана,Максимовна,${municipality},"${school.replace(/"/g, '""')}",Учитель,Физика,4`,
    ].join('\n');
    const imported = importRoster(h.t.db, roster);
    expect(imported.invalid).toEqual([]);
    expect(imported.imported).toBe(true);
    const [sardana, svetlana] = imported.created;
    const connectAs = (code: string, journalName: string, confirmedName = journalName) =>
      h.worker.handle({ type: 'connect', code, device: 'Учительская', journalName, confirmedName, consentAccepted: true, vouched: true, pin: '' });

    // A colleague's code under her name is refused: it would open the colleague's profile under her journal login.
    const wrong = await connectAs(svetlana!.code, 'Егорова С. М.', 'Егорова Сардана Михайловна');
    expect(wrong).toEqual({ ok: false, message: expect.stringContaining('выдан другому педагогу') });

    const connected = await connectAs(sardana!.code, 'Егорова С. М.');
    expect(connected.ok && connected.session.teacher.name).toBe('Егорова Сардана Михайловна');
    // As the journal shows her on later loads, spelt a little differently.
    for (const journalName of ['Егорова С. М.', 'Егорова С.М.', 'ЕГОРОВА С. М.', 'Егорова Сардана']) {
      expect((await h.worker.handle({ type: 'getState', journalName, vouched: true })).session?.teacher.name, journalName).toBe('Егорова Сардана Михайловна');
    }
    expect((await h.worker.handle({ type: 'getState', journalName: 'Егорова С. Н.', vouched: true })).session).toBeNull();

    // A namesake with the same initials connects on the same computer: neither opens by a guess.
    const reconnected = await h.worker.handle({
      type: 'connect',
      code: svetlana!.code,
      device: 'Учительская',
      journalName: 'Егорова С. М.',
      confirmedName: 'Егорова С. М.',
      consentAccepted: true,
      vouched: true,
      pin: '',
    });
    expect(reconnected.ok).toBe(true);
    const both = await h.worker.handle({ type: 'getState', journalName: 'Егорова С. М.', vouched: true });
    expect(both.session).toBeNull();
    expect(both.sameName.map((choice) => choice.name).sort()).toEqual(['Егорова Сардана Михайловна', 'Егорова Светлана Максимовна']);
    const chosen = both.sameName.find((choice) => choice.name === 'Егорова Светлана Максимовна')!;
    expect((await h.worker.handle({ type: 'getState', journalName: 'Егорова С. М.', sessionId: chosen.id, vouched: true })).session?.teacher.name).toBe(
      'Егорова Светлана Максимовна',
    );
    // A full name in the journal tells them apart by itself.
    expect((await h.worker.handle({ type: 'getState', journalName: 'Егорова Сардана Михайловна', vouched: true })).session?.teacher.name).toBe(
      'Егорова Сардана Михайловна',
    );
  });

  it('serves the cached copy, with its time, when the server is down', async () => {
    const session = await connect();
    const fresh = await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'instruments' } });
    expect(fresh.kind).toBe('fresh');
    h.offline = true;
    const cached = await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'instruments' } });
    expect(cached).toMatchObject({ kind: 'cached', problem: 'Сервер недоступен.' });
    expect(cached.kind === 'cached' && cached.data).toEqual(fresh.kind === 'fresh' && fresh.data);
    expect(await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'route' } })).toEqual({
      kind: 'error',
      message: 'Сервер недоступен.',
    });
  });

  it('peeks at the copy kept on the device without asking the server, so that the panel opens at once', async () => {
    const session = await connect();
    const fresh = await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'instruments' } });
    const asked = h.fetched;
    const kept = await h.worker.handle({ type: 'peek', sessionId: session.id, resource: { name: 'instruments' } });
    expect(kept).toEqual({ kind: 'kept', data: fresh.kind === 'fresh' && fresh.data, fetchedAt: fresh.kind === 'fresh' && fresh.fetchedAt });
    // Nothing kept yet: nothing to show before the server answers.
    expect(await h.worker.handle({ type: 'peek', sessionId: session.id, resource: { name: 'route' } })).toBeNull();
    expect(h.fetched).toBe(asked);
    // Nobody else's copy: a session this device does not hold is refused, as for `load`.
    await expect(h.worker.handle({ type: 'peek', sessionId: 'no-such-session', resource: { name: 'instruments' } })).rejects.toThrow();
  });

  it('keeps the latest catalogue searches for offline use, not every one ever made', async () => {
    const session = await connect();
    for (let i = 0; i < 23; i++) {
      await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'programs', query: `q=${i}` } });
    }
    const kept = Object.keys(h.storage.dump()).filter((key) => key.includes('cache:programs:'));
    expect(kept).toHaveLength(20);
    expect(kept.some((key) => key.endsWith('q=22'))).toBe(true);
    h.offline = true;
    expect((await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'programs', query: 'q=22' } })).kind).toBe('cached');
  });

  it('gets a knowledge test without its answer keys, so the score of a test comes only from the server', async () => {
    const session = await connect();
    const loaded = await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'instrument', id: 'methodicalTest' } });
    if (loaded.kind !== 'fresh') throw new Error('expected the instrument from the server');
    const items = (loaded.data as { items: { id: string; kind: string; options?: { id: string }[] }[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.every((item) => !('key' in item))).toBe(true);
    const answers = Object.fromEntries(items.map((item) => [item.id, item.kind === 'multiple' ? [item.options![0]!.id] : item.options![0]!.id]));
    const preview = await h.worker.handle({ type: 'preview', sessionId: session.id, instrumentId: 'methodicalTest', answers });
    expect(preview).toEqual({ ok: false, message: messages.sync.scoredOnServer });
  });

  it('keeps an attempt made offline, sends it once when the server is back, and previews its score offline', async () => {
    const session = await connect();
    await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'instrument', id: 'burnoutScreening' } });
    h.offline = true;
    const instrument = await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'instrument', id: 'burnoutScreening' } });
    if (instrument.kind !== 'cached') throw new Error('expected the cached instrument');
    const items = (instrument.data as { items: { id: string }[] }).items;
    const answers = Object.fromEntries(items.map((item) => [item.id, 4]));
    const preview = await h.worker.handle({ type: 'preview', sessionId: session.id, instrumentId: 'burnoutScreening', answers });
    expect(preview.ok && preview.result.areas.wellbeing?.score).toEqual(expect.any(Number));

    const attempt = { id: crypto.randomUUID(), instrumentId: 'burnoutScreening', instrumentVersion: 1, answers, completedAt: new Date().toISOString() };
    const state = await h.worker.handle({ type: 'change', sessionId: session.id, change: { kind: 'attempt', attempt, label: 'Скрининг' } });
    expect(state.entries).toHaveLength(1);
    await h.worker.flush(session.id, true);
    const waiting = (await h.worker.handle({ type: 'getSync', sessionId: session.id })).entries[0]!;
    expect(waiting.state).toBe('pending');
    expect(waiting.tries).toBeGreaterThanOrEqual(1);
    expect(countAttempts()).toBe(0);

    h.offline = false;
    expect((await h.worker.handle({ type: 'sync', sessionId: session.id })).entries).toEqual([]);
    expect(countAttempts()).toBe(1);
    // Sent again (a lost answer, a second browser window): still one.
    await h.worker.handle({ type: 'change', sessionId: session.id, change: { kind: 'attempt', attempt, label: 'Скрининг' } });
    await h.worker.handle({ type: 'sync', sessionId: session.id });
    expect(countAttempts()).toBe(1);
  });

  it('keeps an offer to mentor made offline, the newest in place of one waiting, and sends it once the server is back', async () => {
    const session = await connect(2);
    const offer = (volunteer: boolean, contact: string) => ({ kind: 'mentorOffer' as const, label: 'Наставничество', offer: { volunteer, contact } });
    h.offline = true;
    await h.worker.handle({ type: 'change', sessionId: session.id, change: offer(true, 'каб. 12') });
    const state = await h.worker.handle({ type: 'change', sessionId: session.id, change: offer(true, 'каб. 14, после уроков') });
    expect(state.entries).toHaveLength(1);
    h.offline = false;
    expect((await h.worker.handle({ type: 'sync', sessionId: session.id })).entries).toEqual([]);
    const mine = await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'mentoring' } });
    expect(mine.kind === 'fresh' && (mine.data as { offer: unknown }).offer).toEqual({ volunteer: true, contact: 'каб. 14, после уроков' });
  });

  it('shows a refusal with the server’s sentence and does not send it again', async () => {
    const session = await connect();
    const change = { kind: 'signUp' as const, enrollmentId: crypto.randomUUID(), programId: 'burnout', runId: 'burnout-1', label: 'Выгорание' };
    await h.worker.handle({ type: 'change', sessionId: session.id, change });
    await h.worker.handle({ type: 'sync', sessionId: session.id });
    // A second sign-up for the same run under a new id: the server refuses it with 409.
    await h.worker.handle({ type: 'change', sessionId: session.id, change: { ...change, enrollmentId: crypto.randomUUID() } });
    const state = await h.worker.handle({ type: 'sync', sessionId: session.id });
    expect(state.entries).toEqual([
      expect.objectContaining({ state: 'failed', error: expect.objectContaining({ status: 409, message: expect.stringContaining('Вы уже записаны') }) }),
    ]);
    await h.worker.flushAll();
    expect((await h.worker.handle({ type: 'getSync', sessionId: session.id })).entries[0]!.tries).toBe(1);
    await h.worker.handle({ type: 'discard', sessionId: session.id, entryId: state.entries[0]!.id });
    expect((await h.worker.handle({ type: 'getSync', sessionId: session.id })).entries).toEqual([]);
  });

  it('drops a sign-up that never left the device when it is cancelled', async () => {
    const session = await connect();
    h.offline = true;
    const enrollmentId = crypto.randomUUID();
    await h.worker.handle({
      type: 'change',
      sessionId: session.id,
      change: { kind: 'signUp', enrollmentId, programId: 'burnout', runId: 'burnout-2', label: 'x' },
    });
    const state = await h.worker.handle({ type: 'change', sessionId: session.id, change: { kind: 'cancelEnrollment', enrollmentId, label: 'x' } });
    expect(state.entries).toEqual([]);
  });

  it('signs out by removing everything of the teacher, and erases on the server on request', async () => {
    const session = await connect(0);
    const other = await connect(1);
    await h.worker.handle({ type: 'load', sessionId: session.id, resource: { name: 'me' } });
    await h.worker.handle({
      type: 'saveDraft',
      sessionId: session.id,
      draft: {
        attemptId: crypto.randomUUID(),
        instrumentId: 'selfAssessment',
        instrumentVersion: 1,
        answers: { a: 1 },
        current: 1,
        startedAt: '',
        updatedAt: '',
      },
    });
    const exported = await h.worker.handle({ type: 'exportData', sessionId: session.id });
    expect(exported.ok && JSON.parse(exported.json).teacher.name).toBe(h.t.demo.teachers[0]!.name);

    await h.worker.handle({ type: 'signOut', sessionId: session.id });
    const keys = Object.keys(h.storage.dump());
    expect(keys.filter((key) => key.includes(session.id))).toEqual([]);
    expect(JSON.stringify(h.storage.dump())).not.toContain(h.t.demo.teachers[0]!.name);
    expect(keys.some((key) => key.includes(other.id))).toBe(false); // nothing stored for the other yet but its session
    expect((await h.worker.handle({ type: 'getState', journalName: h.t.demo.teachers[1]!.name, vouched: true })).session?.id).toBe(other.id);

    expect(await h.worker.handle({ type: 'eraseData', sessionId: other.id })).toEqual({ ok: true });
    expect((h.t.db.prepare('SELECT erased_at AS e FROM teachers WHERE id = ?').get(h.t.demo.teachers[1]!.id) as { e: string | null }).e).not.toBeNull();
    expect(h.storage.dump().sessions).toEqual([]);
  });

  it('takes the server address from policy when there is one, and then lets nobody change it', async () => {
    const local = memoryStorage({ serverUrl: 'http://typed.example' });
    const managed = memoryStorage({ serverUrl: 'https://profrost.edu.example.ru/' });
    const worker = createWorker({ local, managed });
    expect(await worker.handle({ type: 'getState', journalName: '', vouched: true })).toMatchObject({
      serverUrl: 'https://profrost.edu.example.ru',
      serverUrlManaged: true,
    });
    expect(await worker.handle({ type: 'setServerUrl', url: 'http://other.example' })).toEqual({
      ok: false,
      message: expect.stringContaining('задан администратором'),
    });

    const free = createWorker({ local: memoryStorage(), managed: { get: () => new Promise(() => undefined) } }); // a managed area that never answers
    expect(await free.handle({ type: 'setServerUrl', url: 'ftp://x' })).toEqual({ ok: false, message: expect.stringContaining('https://') });
    expect(await free.handle({ type: 'setServerUrl', url: 'https://profrost.school.example/' })).toEqual({ ok: true });
    expect(await free.handle({ type: 'getState', journalName: '', vouched: true })).toMatchObject({
      serverUrl: 'https://profrost.school.example',
      serverUrlManaged: false,
    });
  });
});
