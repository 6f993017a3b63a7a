import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageOf } from '../../server/features/audit/store.ts';
import { writeAudit } from '../../server/platform/database/audit-store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The journal pages by key (after or before an entry) and answers what paging by offset answered: no entry twice, none left out. */
describe('the audit journal paged by key', () => {
  let t: TestApp;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 130; i++) {
      writeAudit(t.db, { actor: 'staff:admin', action: i % 3 ? 'code.reissue' : 'roster.import', target: `teacher:${i}`, details: {} });
    }
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterAll(() => t.dispose());

  it('walks forwards and back through the same pages as offsets give', () => {
    const scope = { kind: 'admin' as const, staffId: 1 };
    for (const action of [null, 'code.reissue']) {
      const all = auditPageOf(t.db, scope, { action, actor: null, from: null, to: null }, { limit: 1000, offset: 0 }).rows.map((row) => row.id);
      expect(all.length).toBeGreaterThan(80);
      const pages: number[][] = [];
      let page = auditPageOf(t.db, scope, { action, actor: null, from: null, to: null }, { limit: 20, offset: 0 }).rows.map((row) => row.id);
      while (page.length) {
        pages.push(page);
        page = auditPageOf(t.db, scope, { action, actor: null, from: null, to: null }, { limit: 20, after: page.at(-1)! }).rows.map((row) => row.id);
      }
      expect(pages.flat()).toEqual(all);
      for (let i = pages.length - 1; i > 0; i--) {
        expect(auditPageOf(t.db, scope, { action, actor: null, from: null, to: null }, { limit: 20, before: pages[i]![0]! }).rows.map((row) => row.id)).toEqual(
          pages[i - 1],
        );
        expect(auditPageOf(t.db, scope, { action, actor: null, from: null, to: null }, { limit: 20, offset: 20 * i }).rows.map((row) => row.id)).toEqual(
          pages[i],
        );
      }
    }
  });

  it('links «Вперёд» to the entries after the page', async () => {
    const first = await (await admin.get('/admin/audit')).text();
    const next = /href="([^"]*after=\d+[^"]*)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/page=2/);
    const second = await (await admin.get(next!)).text();
    expect(second).toContain('Страница 2 из');
    expect(second).toContain('педагог №');
  });
});
