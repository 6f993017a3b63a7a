import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { addProgram } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The catalogue's pages are kept between requests (catalogue/program-store.ts,
 * listPrograms): whatever changes what a page shows must show at the next
 * request, also when another process (the CLI's import, an admin's edit on
 * another server process) writes to the database.
 */
describe('the catalogue as the panel lists it, after changes', () => {
  let t: TestApp;
  let token: string;
  let other: Db;
  beforeEach(async () => {
    t = await createTestApp();
    token = (await bodyOf(await t.json('POST', '/api/v1/connect', { code: t.demo.teachers[0]!.code, device: 'ноутбук' }))).token;
    // A second connection to the same file, as the CLI opens one.
    other = openDatabase(t.dataDir);
  });
  afterEach(() => {
    other.close();
    t.dispose();
  });

  const list = async (query = '?municipality=all&limit=100') => bodyOf(await t.json('GET', `/api/v1/programs${query}`, undefined, token));
  const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

  it('shows a programme added, edited and archived by another connection at the next request', async () => {
    const before = await list();
    expect(titles(before)).not.toContain('Тестовая программа late');

    addProgram(other, 'late', 5);
    const added = await list();
    expect(added.total).toBe(before.total + 1);
    expect(titles(added)).toContain('Тестовая программа late');

    addProgram(other, 'late', 5, { title: 'Переименованная программа' });
    expect(titles(await list())).toContain('Переименованная программа');

    other.prepare("UPDATE programs SET archived = 1 WHERE id = 'late'").run();
    const archived = await list();
    expect(archived.total).toBe(before.total);
    expect(titles(archived)).not.toContain('Переименованная программа');
  });

  it('shows a municipality renamed by another connection on its programmes', async () => {
    addProgram(other, 'local', 5, { municipality: 'Городской округ Белоозёрск' });
    expect((await list()).items.find((item: { id: string }) => item.id === 'local').municipality).toBe('Городской округ Белоозёрск');
    other.prepare("UPDATE municipalities SET name = 'Городской округ Белоозёрск (новый)' WHERE name = 'Городской округ Белоозёрск'").run();
    expect((await list()).items.find((item: { id: string }) => item.id === 'local').municipality).toBe('Городской округ Белоозёрск (новый)');
  });

  it('counts a sign-up made on another connection in the run’s seats', async () => {
    const { runId } = addProgram(t.db, 'small', 2);
    const seatsTaken = async () => (await list()).items.find((item: { id: string }) => item.id === 'small').runs[0].seatsTaken;
    expect(await seatsTaken()).toBe(0);
    const teacherId = (other.prepare('SELECT id FROM teachers ORDER BY id LIMIT 1 OFFSET 1').get() as { id: number }).id;
    other
      .prepare(
        `INSERT INTO enrollments (id, teacher_id, run_id, status, queued_seq, request_hash, created_at, updated_at)
         VALUES ('e-1', ?, ?, 'confirmed', 1, 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(teacherId, runId);
    expect(await seatsTaken()).toBe(1);
  });
});
