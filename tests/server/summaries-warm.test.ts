import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentPeriod } from '../../server/features/aggregates/period.ts';
import { computeBase, isFamilyKept, keepComputedBase, summaryBase, warmedFamilies } from '../../server/features/summaries/store/base.ts';
import { warmSummaryBase } from '../../server/features/summaries/store/warm.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { addAttempt, addTeacher, emptyDatabase } from '../helpers/reports.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The summaries' base is computed on a thread of its own after a change
 * (summaries/store/warm.ts), so that no request waits behind it; what the
 * thread computed is what the requests' thread would have, and a base computed
 * before a change is never kept after it. (How long the requests' thread is
 * held meanwhile is the bench's to measure: `BENCH_ONLY=reports`.)
 */
describe('warming the summaries’ base on its thread', () => {
  let db: Db;
  let dispose: () => void;
  const scope = { period: currentPeriod(), minGroup: 5 };
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();

  beforeEach(() => {
    ({ db, dispose } = emptyDatabase());
    // A medium republic: 3 municipalities of 6 schools, 4–11 teachers each, most with a self-assessment.
    let n = 0;
    for (let m = 0; m < 3; m++) {
      for (let s = 0; s < 6; s++) {
        for (let t = 0; t < 4 + ((m * 6 + s) % 8); t++, n++) {
          const teacher = addTeacher(db, `Район ${m + 1}`, `Школа ${m + 1}-${s + 1}`, `Учитель${n}`, (n * 7) % 30);
          if (n % 5 !== 0)
            addAttempt(db, teacher, yesterday, { subject: 40 + ((n * 13) % 60), methodical: 50 + ((n * 17) % 50), digital: 30 + ((n * 11) % 70) });
        }
      }
    }
  });
  afterEach(() => dispose());

  it('keeps every family the thread computed, equal to what the requests’ thread computes', async () => {
    expect(warmedFamilies.some((name) => isFamilyKept(db, name, scope))).toBe(false);
    await warmSummaryBase(db, scope);
    for (const name of warmedFamilies) expect(isFamilyKept(db, name, scope)).toBe(true);

    const here = computeBase(db, scope, [...warmedFamilies]);
    const base = summaryBase(db, scope);
    for (const [name, family] of here.families) expect(base.family(name)).toEqual(family);
    expect(base.names()).toEqual(here.names);
    // Someone in deficit was counted: the comparison is not of empty families.
    expect([...base.family('levels').rows.get('methodical')!.values()].some((row) => row.counts.deficit! > 0)).toBe(true);
  });

  it('never keeps a base computed before a change, and warms the changed one', async () => {
    // What the thread sends back, computed before a teacher joins.
    const before = computeBase(db, scope, [...warmedFamilies]);
    addTeacher(db, 'Район 1', 'Школа 1-1', 'Новенькая');
    expect(keepComputedBase(db, scope, before)).toBe(false);
    expect(warmedFamilies.some((name) => isFamilyKept(db, name, scope))).toBe(false);

    await warmSummaryBase(db, scope);
    expect(isFamilyKept(db, 'participation', scope)).toBe(true);
    const school = (db.prepare("SELECT id FROM schools WHERE name = 'Школа 1-1'").get() as { id: number }).id;
    expect(summaryBase(db, scope).family('participation').rows.get('*')!.get(`s${school}`)?.counts.roster).toBe(5);
  });
});

describe('the council’s summaries read the kept base', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('computes the base once, on the server’s connection, where the staff pages and the next summary find it', async () => {
    const scope = { period: '2025-2026', minGroup: loadConfig({}).minGroup };
    for (let i = 0; i < 6; i++)
      addAttempt(t.db, addTeacher(t.db, 'Район совета', 'Школа совета', `Педагог ${i}`), '2025-10-10T10:00:00+09:00', { digital: 30 + i });
    expect(isFamilyKept(t.db, 'levels', scope)).toBe(false);
    const get = (path: string) => t.app.request(path, { headers: { authorization: `Bearer ${t.demo.councilToken}` } });

    const first = await get('/api/v1/reports/deficits.csv?by=school&period=2025-2026');
    expect(first.status).toBe(200);
    const csv = await first.text();
    expect(csv).toContain('Школа совета');
    for (const name of warmedFamilies) expect(isFamilyKept(t.db, name, scope)).toBe(true);
    // The same rows again, from the kept base.
    expect(await (await get('/api/v1/reports/deficits.csv?by=school&period=2025-2026')).text()).toBe(csv);
  });
});
