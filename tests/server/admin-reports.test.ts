import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoResults } from '../../server/features/demo/results.ts';
import { currentPeriod } from '../../server/features/aggregates/period.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

/** Text of a page without tags, for assertions on what a person reads. */
async function textOf(response: Response): Promise<string> {
  return (await response.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

describe('the report pages in the admin (Обзор, Спрос, Эффективность) and the teacher export', () => {
  let t: TestApp;
  let admin: AdminClient;
  let methodist: AdminClient;
  beforeAll(async () => {
    t = await createTestApp();
    seedDemoResults(t.db);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
  });
  afterAll(() => t.dispose());

  it('shows the republic to a regional admin and only their municipality to a methodist, for the running year', async () => {
    const period = currentPeriod();
    const republic = await textOf(await admin.get('/admin/overview'));
    expect(republic).toContain(`Обзор: Вся республика, ${period} учебный год`);
    expect(republic).toContain(zarech);

    const mine = await textOf(await methodist.get('/admin/overview'));
    expect(mine).toContain(`Обзор: ${belo}, ${period} учебный год`);
    expect(mine).not.toContain(zarech);
  });

  it('renders its charts as SVG with a title on every mark, and no inline style the page policy would block', async () => {
    const html = await (await admin.get('/admin/overview')).text();
    expect(html).toMatch(/<svg class="chart/);
    expect(html).toContain('<title>');
    expect(html).not.toMatch(/\sstyle="/);
    for (const path of ['/admin/demand', '/admin/effectiveness']) {
      const page = await admin.get(path);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toMatch(/\sstyle="/);
    }
  });

  it('answers a malformed учебный год with a Russian sentence and status 400', async () => {
    const page = await admin.get('/admin/demand?period=2025-2027');
    expect(page.status).toBe(400);
    expect(await textOf(page)).toContain('учебный год пишется как 2025-2026');
  });

  it('exports the teachers of the staff member’s scope only, with levels and no wellbeing', async () => {
    const period = currentPeriod();
    const csv = await (await methodist.get(`/admin/overview/teachers.csv?period=${period}`)).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.Муниципалитет))).toEqual(new Set([belo]));
    expect(csv).not.toMatch(/выгоран|благополуч/i);

    const all = parse(await (await admin.get(`/admin/overview/teachers.csv?period=${period}`)).text(), { columns: true }) as Record<string, string>[];
    expect(all.length).toBeGreaterThan(rows.length);
  });
});
