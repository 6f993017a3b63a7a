import { describe, expect, it } from 'vitest';
import { applyPendingStandings } from '../../../server/features/aggregates/store/pending.ts';
import { deficitsSummary } from '../../../server/features/summaries/store/deficits.ts';
import { participationSummary } from '../../../server/features/summaries/store/participation.ts';
import { routesSummary } from '../../../server/features/summaries/store/routes.ts';
import type { SummaryRow } from '../../../server/features/summaries/summary.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { revokeDevices } from '../../../server/platform/database/device-store.ts';
import { addAttempt, addTeacher } from '../../helpers/reports.ts';
import { eachSmallRepublic, n1, n2, north, s1, south } from './fixture.ts';

const period = '2025-2026';
const all = 1;
const values = (rows: Iterable<SummaryRow>) => [...rows].map((row) => row.values);
const bySchool = (db: Db, minGroup = all) => values(deficitsSummary(db, { period, by: 'school', minGroup }).rows);
const participation = (db: Db) => values(participationSummary(db, { period, by: 'school', minGroup: all }).rows);
const idOf = (db: Db, sql: string) => (db.prepare(sql).get() as { id: number }).id;

/** The suppressed base is kept between requests: every change a summary shows must show at once, never the kept one. */
describe('the kept summaries’ base', () => {
  let db: Db;
  eachSmallRepublic((fresh) => (db = fresh));

  it('counts a new attempt as soon as the aggregates have it', () => {
    const before = bySchool(db).find((r) => r.school === s1);
    expect(before).toMatchObject({ scored: 5 });
    const teacher = addTeacher(db, south, s1, 'Б7', 4);
    addAttempt(db, teacher, '2025-11-01T09:00:00+09:00', { methodical: 20 });
    applyPendingStandings(db);
    expect(bySchool(db).find((r) => r.school === s1)).toMatchObject({ scored: 6, highDeficit: 1 });
  });

  it('moves a teacher with the roster, and renames a school', () => {
    bySchool(db);
    const teacher = idOf(db, `SELECT id FROM teachers WHERE last_name = 'А1'`);
    const south = idOf(db, `SELECT id FROM schools WHERE name = '${s1}'`);
    expect(participation(db).find((r) => r.school === s1)).toMatchObject({ roster: 6 });
    db.prepare('UPDATE teachers SET school_id = ? WHERE id = ?').run(south, teacher);
    // The roster counts where the teacher is now at once.
    expect(participation(db).find((r) => r.school === s1)).toMatchObject({ roster: 7 });
    // Diagnosis follows when the aggregates are refreshed (a changed experience notes the teacher's standings).
    db.prepare('UPDATE teachers SET experience_years = 20 WHERE id = ?').run(teacher);
    applyPendingStandings(db);
    expect(bySchool(db).find((r) => r.school === s1)).toMatchObject({ scored: 6 });
    db.prepare(`UPDATE schools SET name = 'Школа имени Пушкина' WHERE name = ?`).run(n2);
    expect(bySchool(db).map((r) => r.school)).toContain('Школа имени Пушкина');
    expect(bySchool(db).map((r) => r.school)).not.toContain(n2);
  });

  it('counts a connection and its removal in participation', () => {
    const connected = () => participation(db).find((r) => r.school === n1)?.connected;
    expect(connected()).toBe(4);
    db.prepare(`DELETE FROM devices WHERE teacher_id = (SELECT id FROM teachers WHERE last_name = 'А1')`).run();
    expect(connected()).toBe(3);
    const teacher = addTeacher(db, north, n1, 'А9', 3);
    expect(participation(db).find((r) => r.school === n1)).toMatchObject({ roster: 7, connected: 3 });
    db.prepare(`INSERT INTO devices (teacher_id, token_hash, label, created_at) VALUES (?, 'x', 'ноутбук', '2025-10-01')`).run(teacher);
    expect(connected()).toBe(4);
    // A teacher whose only device was revoked (she withdrew it, or staff did) is no longer connected.
    revokeDevices(db, teacher);
    expect(connected()).toBe(3);
  });

  it('keeps one base per K: a stricter K hides what a lenient one shows', () => {
    expect(bySchool(db, 1).find((r) => r.school === n2)).toMatchObject({ scored: 2 });
    expect(bySchool(db, 5).find((r) => r.school === n2)?.scored).not.toBe(2);
    expect(bySchool(db, 1).find((r) => r.school === n2)).toMatchObject({ scored: 2 });
  });

  it('counts a ИОМ agreed and an item done in the routes summary at once', () => {
    const routes = () => values(routesSummary(db, { period, by: 'school', minGroup: all }).rows).find((r) => r.school === s1);
    const before = routes();
    const teacher = idOf(db, `SELECT t.id FROM teachers t JOIN schools s ON s.id = t.school_id WHERE s.name = '${s1}' LIMIT 1`);
    db.prepare(`INSERT INTO routes (teacher_id, version, built_at, built_day, catalogue_generation, diagnosed, agreement)
      VALUES (?, 1, '2025-11-01T00:00:00Z', '2025-11-01', 0, 1, 'agreed')
      ON CONFLICT (teacher_id) DO UPDATE SET diagnosed = 1, agreement = 'agreed'`).run(teacher);
    expect(routes()).toMatchObject({ withRoute: Number(before!.withRoute) + 1, agreed: Number(before!.agreed) + 1 });
  });

  it('does not recount for a change no summary shows', () => {
    const before = deficitsSummary(db, { period, by: 'school', minGroup: all });
    const generation = () => (db.prepare('SELECT generation FROM summary_generation').get() as { generation: number }).generation;
    const kept = generation();
    db.prepare(`UPDATE teachers SET last_name = 'А1-новая' WHERE last_name = 'А1'`).run();
    db.prepare(`UPDATE devices SET label = 'планшет'`).run();
    expect(generation()).toBe(kept);
    expect(values(deficitsSummary(db, { period, by: 'school', minGroup: all }).rows)).toEqual(values(before.rows));
  });
});
