import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/seed.ts';
import { startRouteRefresher } from '../../server/features/route/refresher.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/**
 * The routes noted behind attempts are rebuilt when the writes pause, or once the oldest note has waited too long,
 * so that a peak of submissions is answered first (server/features/route/refresher.ts).
 */
describe('the ИОМ refresher', () => {
  const opened: { db: Db; dir: string }[] = [];
  afterEach(() => {
    for (const { db, dir } of opened.splice(0)) {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** The demo republic with every teacher's route noted, as after a catalogue change. */
  async function notedRepublic(): Promise<Db> {
    const dir = tempDataDir();
    const db = openDatabase(dir);
    opened.push({ db, dir });
    await seedDemo(db);
    db.prepare('INSERT OR IGNORE INTO route_pending (teacher_id) SELECT id FROM teachers').run();
    return db;
  }
  const pending = (db: Db) => db.prepare('SELECT count(*) FROM route_pending').pluck().get() as number;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitUntil = async (done: () => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (!done() && Date.now() < until) await sleep(10);
    return done();
  };

  it('leaves the routes while notes keep coming, and rebuilds them all once they pause', async () => {
    const db = await notedRepublic();
    const noted = pending(db);
    expect(noted).toBeGreaterThan(0);
    const routes = startRouteRefresher(db, { quietMs: 500, maxLagMs: 60_000 });
    for (let i = 0; i < 15; i++) {
      routes.noted();
      await sleep(20);
    }
    expect(pending(db)).toBe(noted);
    expect(await waitUntil(() => pending(db) === 0, 5_000)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM routes').pluck().get()).toBeGreaterThanOrEqual(noted);
  });

  it('under notes that never pause, rebuilds once the oldest has waited its longest', async () => {
    const db = await notedRepublic();
    const routes = startRouteRefresher(db, { quietMs: 100, maxLagMs: 200 });
    let rebuiltWhileNoting = false;
    for (let i = 0; i < 100 && !rebuiltWhileNoting; i++) {
      routes.noted();
      await sleep(20);
      rebuiltWhileNoting = pending(db) === 0;
    }
    expect(rebuiltWhileNoting).toBe(true);
  });
});
