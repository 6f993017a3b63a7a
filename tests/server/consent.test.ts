import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Text of a page without tags, for assertions on what a person reads. */
async function textOf(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('consent on the server', () => {
  let t: TestApp;
  let admin: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterEach(() => t.dispose());

  const teacher = () => t.demo.teachers[0]!;
  const consentRows = () =>
    t.db
      .prepare('SELECT version, accepted_at AS acceptedAt, device_label AS deviceLabel, withdrawn_at AS withdrawnAt FROM consents WHERE teacher_id = ?')
      .all(teacher().id);

  it('keeps the edition, the time and the device sent with the connection, and shows them on the teacher’s page', async () => {
    const acceptedAt = new Date(Date.now() - 60_000).toISOString();
    const connected = await t.json('POST', '/api/v1/connect', {
      code: teacher().code,
      device: 'Ноутбук, кабинет 12',
      consent: { version: '2026-12-07', acceptedAt },
    });
    expect(connected.status).toBe(201);
    expect(consentRows()).toEqual([{ version: '2026-12-07', acceptedAt, deviceLabel: 'Ноутбук, кабинет 12', withdrawnAt: null }]);

    const page = await textOf(await admin.get(`/admin/teachers/${teacher().id}`));
    expect(page).toContain('Согласие на обработку персональных данных');
    expect(page).toMatch(/07\.12\.2026 \d\d\.\d\d\.\d{4}, \d\d:\d\d \d\d\.\d\d\.\d{4}, \d\d:\d\d Ноутбук, кабинет 12 действует/);

    // The teacher can see the same record in their own export.
    const { token } = await bodyOf(connected);
    const exported = await bodyOf(await t.json('GET', '/api/v1/me/export', undefined, token));
    expect(exported.consents).toMatchObject([{ version: '2026-12-07', acceptedAt, deviceLabel: 'Ноутбук, кабинет 12', withdrawnAt: null }]);
  });

  it('says so when a teacher connected without sending consent (an older extension)', async () => {
    expect((await t.json('POST', '/api/v1/connect', { code: teacher().code, device: 'ноутбук' })).status).toBe(201);
    expect(consentRows()).toEqual([]);
    expect(await textOf(await admin.get(`/admin/teachers/${teacher().id}`))).toContain('Сервер не получал согласия этого педагога');
  });

  it('refuses a consent dated in the future with a sentence, and the code stays unused', async () => {
    const refused = await t.json('POST', '/api/v1/connect', {
      code: teacher().code,
      device: 'ноутбук',
      consent: { version: '2026-12-07', acceptedAt: '2099-01-01T00:00:00Z' },
    });
    expect(refused.status).toBe(400);
    expect((await bodyOf(refused)).error.message).toMatch(/время согласия позже текущего времени/);
    expect(consentRows()).toEqual([]);
    expect((await t.json('POST', '/api/v1/connect', { code: teacher().code, device: 'ноутбук' })).status).toBe(201);
  });

  it('erases on withdrawal, as DELETE /me does, and keeps the record that consent was given and withdrawn', async () => {
    const acceptedAt = new Date().toISOString();
    const { token } = await bodyOf(
      await t.json('POST', '/api/v1/connect', { code: teacher().code, device: 'Планшет', consent: { version: '2026-12-07', acceptedAt } }),
    );
    const withdrawn = await t.json('DELETE', '/api/v1/me/consent', undefined, token);
    expect(withdrawn.status).toBe(204);

    expect((await t.json('GET', '/api/v1/me', undefined, token)).status).toBe(401);
    const row = t.db.prepare('SELECT last_name AS lastName, erased_at AS erasedAt FROM teachers WHERE id = ?').get(teacher().id) as {
      lastName: string;
      erasedAt: string | null;
    };
    expect(row.lastName).toBe('');
    expect(row.erasedAt).not.toBeNull();
    const [consent] = consentRows() as { withdrawnAt: string | null; deviceLabel: string }[];
    expect(consent).toMatchObject({ version: '2026-12-07', acceptedAt, deviceLabel: '' });
    expect(consent!.withdrawnAt).not.toBeNull();
    const actions = t.db.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id').pluck().all(`teacher:${teacher().id}`);
    expect(actions).toEqual(['consent.withdraw', 'teacher.erase']);

    const journal = await textOf(await admin.get('/admin/audit'));
    expect(journal).toContain(`педагог № ${teacher().id} (данные удалены) педагог отозвал согласие на обработку данных`);
  });

  it('marks consent withdrawn when the teacher erases their data', async () => {
    const { token } = await bodyOf(
      await t.json('POST', '/api/v1/connect', {
        code: teacher().code,
        device: 'Планшет',
        consent: { version: '2026-12-07', acceptedAt: new Date().toISOString() },
      }),
    );
    expect((await t.json('DELETE', '/api/v1/me', undefined, token)).status).toBe(204);
    expect((consentRows() as { withdrawnAt: string | null }[])[0]!.withdrawnAt).not.toBeNull();
  });
});
