import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { datedDemoPrograms } from '../../server/features/demo/catalogue.ts';
import { seedDemo } from '../../server/features/demo/seed.ts';
import { catalogueDay, programSchema } from '../../shared/schemas/program.ts';
import { hashSecret, verifyPassword } from '../../server/platform/auth/secrets.ts';
import { openDatabase } from '../../server/platform/database/database.ts';
import { tempDataDir } from '../helpers/test-server.ts';

describe('demo data and the demo journal', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const freshDb = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return openDatabase(dir);
  };

  it('seeds once, with working codes, passwords and token stored only as hashes', async () => {
    const db = freshDb();
    const demo = await seedDemo(db);
    expect(demo).toBeDefined();
    expect(demo!.teachers.length).toBeGreaterThanOrEqual(5);
    for (const teacher of demo!.teachers) {
      expect(teacher.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      const row = db.prepare('SELECT teacher_id FROM connection_codes WHERE code_hash = ?').get(hashSecret(teacher.code));
      expect(row).toEqual({ teacher_id: teacher.id });
    }
    const staff = db.prepare('SELECT login, password_hash FROM staff WHERE login = ?').get(demo!.methodist.login) as {
      password_hash: string;
    };
    expect(staff.password_hash).not.toContain(demo!.methodist.password);
    expect(await verifyPassword(demo!.methodist.password, staff.password_hash)).toBe(true);
    expect(await verifyPassword('wrong', staff.password_hash)).toBe(false);
    const dump = JSON.stringify(db.prepare('SELECT * FROM council_tokens').all());
    expect(dump).not.toContain(demo!.councilToken);

    // A second seed would have to show new secrets for old data: it does nothing instead.
    expect(await seedDemo(db)).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM teachers').get()).toEqual({ n: demo!.teachers.length });
    db.close();
  });

  it('offers runs still to come, on whatever day the demo is seeded', () => {
    for (const today of [new Date(), new Date('2031-12-31T23:59:00Z'), new Date('2032-02-29T00:00:00Z')]) {
      const day = catalogueDay(today);
      for (const program of datedDemoPrograms(today)) {
        const parsed = programSchema.parse(program);
        for (const run of parsed.runs) {
          expect(run.start <= run.end).toBe(true);
          if (!parsed.archived) expect(run.start > day).toBe(true);
        }
      }
    }
  });

  it('serves health and a journal page that shows the demo teacher', async () => {
    const db = freshDb();
    await seedDemo(db);
    const app = createApp({ db, config: loadConfig({}) });

    const health = await app.request('/api/v1/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', version: expect.any(String) });

    const journal = await app.request('/demo/journal');
    const html = await journal.text();
    expect(journal.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<div class="ej-user__name">Соколова Анна Викторовна</div>');
    expect(html).toContain('Средняя общеобразовательная школа № 1');

    const missing = await app.request('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: expect.stringMatching(/адреса/) } });
    db.close();
  });
});
