import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** A skeleton as the extension sends it (extension/report/skeleton.ts makes them; its own test reads a real page). */
const skeleton = {
  path: '/app/school/journal/:id/',
  globals: [{ name: 'appContext', keys: ['user', 'user.id', 'user.name', 'roles[]', 'organizationName'] }],
  dom: { tag: 'body', children: [{ tag: 'header', classes: ['top-bar'], children: [{ tag: 'span', classes: ['user-name'], text: 13 }] }] },
  truncated: 0,
};
const counts = (pagesSeen: number, launcherFailed = 0) => ({
  journal: 'sgo',
  host: 'sgo.e-yakutia.ru',
  pagesSeen,
  identityRead: pagesSeen - 1,
  confirmed: 1,
  corrected: 1,
  launcherFailed,
});

describe('reports and detection counts from the field', () => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await createTestApp();
    token = teacherWithToken(t.db, 1).token;
  });
  afterEach(() => t.dispose());

  const rows = () => t.db.prepare('SELECT * FROM journal_reports').all() as Record<string, unknown>[];
  const report = (id = uuid(), body: Record<string, unknown> = {}) =>
    t.json('POST', '/api/v1/journal-reports', { id, journal: 'sgo', host: 'sgo.e-yakutia.ru', reason: 'noName', skeleton, ...body }, token);

  it('stores a report once, with no teacher beside it', async () => {
    const id = uuid();
    expect(await bodyOf(await report(id))).toEqual({ received: true });
    expect(await bodyOf(await report(id))).toEqual({ received: false });
    expect(rows()).toHaveLength(1);
    expect(Object.keys(rows()[0]!)).toEqual(['id', 'journal', 'host', 'reason', 'skeleton_json', 'received_at']);
  });

  it('refuses text, values and anything but identifiers, with a sentence, and stores nothing', async () => {
    const withText = { ...skeleton, dom: { tag: 'span', text: 'Егорова С. М.' } };
    const withName = { ...skeleton, dom: { tag: 'div', classes: ['Иванова'] } };
    const withValue = { ...skeleton, dom: { tag: 'input', value: 'Поттер' } };
    const withPath = { ...skeleton, path: '/user/Егорова' };
    const withKey = { ...skeleton, globals: [{ name: 'appContext', keys: ['user.name=Егорова'] }] };
    for (const bad of [withText, withName, withValue, withPath, withKey]) {
      const response = await report(uuid(), { skeleton: bad });
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).error.message).toMatch(/[А-Яа-я]/);
    }
    expect((await report(uuid(), { host: 'evil.example/path?x=1' })).status).toBe(400);
    expect((await t.json('POST', '/api/v1/journal-reports', { id: uuid(), journal: 'sgo', host: 'sgo.e-yakutia.ru', reason: 'noName', skeleton })).status).toBe(
      401,
    );
    expect(rows()).toHaveLength(0);
  });

  it('adds the counts of every batch, once each', async () => {
    const first = { id: uuid(), counts: [counts(10, 1)] };
    expect(await bodyOf(await t.json('POST', '/api/v1/journal-health', first, token))).toEqual({ received: true });
    expect(await bodyOf(await t.json('POST', '/api/v1/journal-health', { id: uuid(), counts: [counts(5)] }, token))).toEqual({ received: true });
    expect(await bodyOf(await t.json('POST', '/api/v1/journal-health', first, token))).toEqual({ received: false });
    expect(
      t.db.prepare('SELECT pages_seen AS p, identity_read AS r, confirmed AS c, corrected AS k, launcher_failed AS f FROM journal_detection_counts').all(),
    ).toEqual([{ p: 15, r: 13, c: 2, k: 2, f: 1 }]);
  });

  it('takes at most 20 reports a day from one device, answering the 21st with a sentence to retry later; other devices go on', async () => {
    for (let i = 0; i < 20; i++) expect((await report()).status).toBe(200);
    const over = await report();
    expect(over.status).toBe(429);
    expect((await bodyOf(over)).error.message).toMatch(/^Слишком много попыток\. Повторите через \d+ с\.$/);
    expect(rows()).toHaveLength(20);
    const other = teacherWithToken(t.db, 2).token;
    const fromOther = await t.json(
      'POST',
      '/api/v1/journal-reports',
      { id: uuid(), journal: 'sgo', host: 'sgo.e-yakutia.ru', reason: 'noName', skeleton },
      other,
    );
    expect(fromOther.status).toBe(200);
  });

  describe('on «Журналы»', () => {
    let admin: AdminClient;
    beforeEach(async () => {
      admin = await signIn(t.app, 'admin', t.demo.admin.password);
    });

    it('shows the regional administrator the counts and the reports, and drafts an override that the publish check accepts', async () => {
      await t.json('POST', '/api/v1/journal-health', { id: uuid(), counts: [counts(12, 2)] }, token);
      const id = uuid();
      await report(id);
      const page = await (await admin.get('/admin/journals')).text();
      expect(page).toContain('<a href="/admin/journals" aria-current="page">Журналы</a>');
      expect(page).toMatch(/data-count="pagesSeen">12</);
      expect(page).toMatch(/data-count="launcherFailed">2</);
      expect(page).toContain(`/admin/journals/reports/${id}`);
      expect(page).toContain('/app/school/journal/:id/');

      const detail = await (await admin.get(`/admin/journals/reports/${id}`)).text();
      expect(detail).toContain('Проверка: расширение примет эту поправку.');
      expect(detail).toContain('&quot;global&quot;: &quot;appContext&quot;');
      expect(detail).toContain('span.user-name (13)');
    });

    it('is not for methodists: not in their navigation, and refused', async () => {
      const methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
      expect(await (await methodist.get('/admin/teachers')).text()).not.toContain('/admin/journals');
      expect((await methodist.get('/admin/journals')).status).toBe(403);
      const id = uuid();
      await report(id);
      expect((await methodist.get(`/admin/journals/reports/${id}`)).status).toBe(403);
    });
  });
});
