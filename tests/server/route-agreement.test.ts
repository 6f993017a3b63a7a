import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteResponse } from '../../shared/api/route.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { teacherWithToken } from '../helpers/catalogue.ts';
import { sendSitting } from '../helpers/diagnostics.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('согласование of a ИОМ with the methodist', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterEach(() => t.dispose());

  const route = async (token: string): Promise<RouteResponse> => bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
  const audit = () => (t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'route.%' ORDER BY id").all() as { action: string }[]).map((r) => r.action);

  it('the teacher sends it, the methodist comments, confirms a document and agrees; the teacher sees it all', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    await sendSitting(t, token, 'burnoutScreening', 'weak');
    const first = await route(token);
    const course = first.items.find((item) => item.kind === 'course' && !item.private)!;
    const privateItem = first.items.find((item) => item.private)!;
    expect(privateItem).toBeDefined();
    await t.json('PUT', `/api/v1/me/route/items/${course.id}`, { status: 'accepted' }, token);
    const evidence = { kind: 'certificate', number: '7720-118', provider: 'АНО ДПО «Академия»', hours: 72, date: '2026-10-01' };
    await t.json('PUT', `/api/v1/me/route/items/${course.id}`, { status: 'done', evidence }, token);
    await t.json('PUT', `/api/v1/me/route/items/${privateItem.id}`, { status: 'accepted' }, token);

    const sent = await t.json('PUT', '/api/v1/me/route/agreement', { submit: true }, token);
    expect((await bodyOf(sent)).agreement.state).toBe('submitted');

    const page = await (await methodist.get(`/admin/teachers/${teacherId}/route`)).text();
    expect(page).toContain('на согласовании');
    expect(page).toContain('7720-118');
    // The private suggestion is never shown to staff.
    expect(page).not.toContain(privateItem.id);
    expect(page).not.toContain('видите только вы');
    const detail = await (await methodist.get(`/admin/teachers/${teacherId}`)).text();
    expect(detail).toContain(`/admin/teachers/${teacherId}/route`);
    expect(detail).not.toContain('видите только вы');

    const mentoring = first.items.find((item) => item.kind === 'mentoring')!;
    expect(
      (await methodist.post(`/admin/teachers/${teacherId}/route/items/${mentoring.id}/comment`, { comment: 'Наставник — Иванова И. И., школа № 3.' })).status,
    ).toBe(303);
    // A private item cannot be commented on: staff cannot even name it.
    expect((await methodist.post(`/admin/teachers/${teacherId}/route/items/${privateItem.id}/comment`, { comment: 'x' })).status).toBe(404);
    expect((await methodist.post(`/admin/teachers/${teacherId}/route/items/${course.id}/confirm`)).status).toBe(303);
    // The regional administrator sees the ИОМ but does not agree it.
    expect((await admin.get(`/admin/teachers/${teacherId}/route`)).status).toBe(200);
    expect((await admin.post(`/admin/teachers/${teacherId}/route/agree`)).status).toBe(403);
    expect((await methodist.post(`/admin/teachers/${teacherId}/route/agree`)).status).toBe(303);

    const seen = await route(token);
    expect(seen.agreement).toMatchObject({ state: 'agreed', agreedVersion: seen.version, agreedAt: expect.any(String) });
    expect(seen.items.find((item) => item.id === mentoring.id)?.comment?.text).toBe('Наставник — Иванова И. И., школа № 3.');
    expect(seen.items.find((item) => item.id === course.id)?.evidence).toMatchObject({ ...evidence, confirmedAt: expect.any(String) });
    expect(audit()).toEqual(expect.arrayContaining(['route.item.update', 'route.submit', 'route.comment', 'route.evidence.confirm', 'route.agree']));
    // The teacher's decision on the private item is not in the audit log either.
    expect(JSON.stringify(t.db.prepare('SELECT details_json FROM audit_log').all())).not.toContain(privateItem.id);
  });

  it('is refused to a methodist of another municipality', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 2, 'Заречный муниципальный район');
    await sendSitting(t, token, 'selfAssessment', 'weak');
    expect((await methodist.get(`/admin/teachers/${teacherId}/route`)).status).toBe(403);
    expect((await methodist.post(`/admin/teachers/${teacherId}/route/agree`)).status).toBe(403);
    expect((await route(token)).agreement.state).toBe('draft');
  });
});
