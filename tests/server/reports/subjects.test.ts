import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNewTeacherSubjects } from '../../../server/features/subjects/store.ts';
import { summaryOf } from '../../../server/features/summaries/summaries.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { addAttempt, addTeacher, emptyDatabase } from '../../helpers/reports.ts';
import { seedDemoResults } from '../../../server/features/demo/results.ts';
import { signIn } from '../../helpers/admin-client.ts';
import { createTestApp } from '../../helpers/test-app.ts';

const period = '2025-2026';

describe('deficits by subject: the republic’s subjects, a teacher of two under each, small groups hidden', () => {
  let db: Db;
  let dispose: () => void;
  beforeEach(() => {
    ({ db, dispose } = emptyDatabase());
    const teachers: [municipality: string, subjects: string, score: number][] = [
      ['Район 1', 'математика', 50],
      ['Район 1', 'математика', 70],
      ['Район 1', 'математика; физика', 90],
      ['Район 1', 'алгебра и геометрия', 40],
      ['Район 1', 'история', 95],
      ['Район 1', 'история', 85],
      ['Район 1', 'история России', 30],
      ['Район 1', '', 20],
      ['Район 2', 'математика', 90],
      ['Район 2', 'физика', 50],
    ];
    teachers.forEach(([municipality, subjects, score], i) => {
      const id = addTeacher(db, municipality, `Школа ${municipality}`, `П${i}`);
      db.prepare('UPDATE teachers SET subjects = ? WHERE id = ?').run(subjects, id);
      addAttempt(db, id, '2025-10-01T10:00:00+09:00', { methodical: score });
    });
    readNewTeacherSubjects(db);
  });
  afterEach(() => dispose());

  const rows = (minGroup: number, municipalityId?: number) =>
    [...summaryOf(db, { report: 'deficits', by: 'subject', period, minGroup, ...(municipalityId === undefined ? {} : { municipalityId }) }).rows].map(
      (row) => row.values,
    );
  const of = (list: Record<string, unknown>[], subject: string) => list.find((row) => row.subject === subject && row.competencyId === 'methodical');

  it('counts each subject’s teachers as a hand count does', () => {
    const all = rows(1);
    // Mathematics: 50, 70, 90, 40 (алгебра и геометрия) and 90 in Район 2; the teacher of mathematics and physics in both.
    expect(of(all, 'Математика')).toMatchObject({ scored: 5, deficit: 3, highDeficit: 2, moderateDeficit: 1, deficitShare: 60, meanScore: 68 });
    expect(of(all, 'Физика')).toMatchObject({ scored: 2, deficit: 1, highDeficit: 1, moderateDeficit: 0 });
    expect(of(all, 'История')).toMatchObject({ scored: 3, deficit: 1, highDeficit: 1, moderateDeficit: 0 });
    // The teacher without a subject is in no row; the subjects nobody teaches have none.
    expect(all.map((row) => row.subject)).toEqual(['Математика', 'Физика', 'История']);
  });

  it('hides every count of 1 to K−1, and shows the rest as they are', () => {
    const exact = rows(1);
    const shown = rows(3);
    expect(of(shown, 'Физика')!.scored).toBeNull();
    expect(of(shown, 'История')!.deficit).toBeNull();
    expect(of(shown, 'История')!.highDeficit).toBeNull();
    for (const row of shown) {
      const truth = of(exact, String(row.subject))!;
      for (const key of ['scored', 'deficit', 'highDeficit', 'moderateDeficit'] as const) {
        const value = row[key] as number | null;
        if (value !== null) expect(value, `${row.subject} ${key}`).toBe(truth[key]);
        if (value !== null && value > 0) expect(value).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('counts a municipality’s subjects as a hand count does, and the republic’s subject is the sum of the municipalities’', () => {
    const id = (name: string) => db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(name) as number;
    const first = rows(1, id('Район 1'));
    const second = rows(1, id('Район 2'));
    // Район 1: mathematics 50, 70, 90 (and physics), 40; physics 90; history 95, 85, 30. The teacher without a subject is in no row.
    expect(first.map((row) => row.subject)).toEqual(['Математика', 'Физика', 'История']);
    expect(of(first, 'Математика')).toMatchObject({ scored: 4, deficit: 3, highDeficit: 2, moderateDeficit: 1, meanScore: 62.5 });
    expect(of(first, 'Физика')).toMatchObject({ scored: 1, deficit: 0 });
    expect(of(first, 'История')).toMatchObject({ scored: 3, deficit: 1, highDeficit: 1 });
    expect(second.map((row) => row.subject)).toEqual(['Математика', 'Физика']);
    expect(of(second, 'Физика')).toMatchObject({ scored: 1, deficit: 1, highDeficit: 1 });
    for (const row of rows(1)) {
      const parts = [of(first, String(row.subject)), of(second, String(row.subject))];
      expect(
        parts.reduce((sum, part) => sum + Number(part?.scored ?? 0), 0),
        String(row.subject),
      ).toBe(row.scored);
    }
  });

  it('hides a municipality’s small subject counts, and shows no count of 1 to K−1', () => {
    const id = db.prepare("SELECT id FROM municipalities WHERE name = 'Район 2'").pluck().get() as number;
    const shown = rows(3, id);
    expect(of(shown, 'Математика')!.scored).toBeNull();
    expect(of(shown, 'Физика')!.scored).toBeNull();
    for (const row of [...shown, ...rows(3)])
      for (const key of ['scored', 'deficit', 'highDeficit', 'moderateDeficit'])
        if (typeof row[key] === 'number' && (row[key] as number) > 0) expect(row[key] as number).toBeGreaterThanOrEqual(3);
  });
});

describe.each(['overview', 'demand'])('«%s» by subject', (page) => {
  it('shows the regional administrator the republic’s subjects and a methodist her municipality’s, one chosen by the filter', async () => {
    const t = await createTestApp();
    try {
      seedDemoResults(t.db);
      const admin = await signIn(t.app, 'admin', t.demo.admin.password);
      const all = await (await admin.get(`/admin/${page}`)).text();
      expect(all).toContain('Дефициты по предметам');
      const subjectsShown = [...all.matchAll(/<td>(Математика|Физика|Английский язык|Иностранный язык|Литература|Русский язык)<\/td>/g)].map((m) => m[1]);
      expect(subjectsShown.length).toBeGreaterThan(0);
      const chosen = await (await admin.get(`/admin/${page}?subject=physics`)).text();
      expect(chosen).toMatch(/<option value="physics" selected="">Физика<\/option>/);
      const rowsShown = new Set([...chosen.matchAll(/<td>(Математика|Физика|Иностранный язык|Литература|Русский язык|История)<\/td>/g)].map((m) => m[1]));
      expect([...rowsShown].filter((subject) => subject !== 'Физика')).toEqual([]);
      const methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
      const mine = await (await methodist.get(`/admin/${page}`)).text();
      expect(mine).toContain('Дефициты по предметам');
      expect(mine).toContain('<select name="subject">');
      const mineShown = [...mine.matchAll(/<td>(Математика|Физика|Английский язык|Иностранный язык|Литература|Русский язык)<\/td>/g)].map((m) => m[1]);
      expect(mineShown.length).toBeGreaterThan(0);
      expect(mine).not.toContain('публикуются только по республике');
      const mineChosen = await (await methodist.get(`/admin/${page}?subject=physics`)).text();
      const mineRows = new Set([...mineChosen.matchAll(/<td>(Математика|Физика|Иностранный язык|Литература|Русский язык|История)<\/td>/g)].map((m) => m[1]));
      expect([...mineRows].filter((subject) => subject !== 'Физика')).toEqual([]);
    } finally {
      t.dispose();
    }
  });
});
