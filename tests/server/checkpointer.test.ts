import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../server/platform/database/checkpointer.ts';
import { databaseFileName, openDatabase } from '../../server/platform/database/database.ts';
import { useTempDataDirs } from '../helpers/test-server.ts';

describe('the WAL checkpointer', () => {
  const freshDir = useTempDataDirs();

  it('copies committed writes into the database file from its own thread, long before the server connection would', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    const file = path.join(dir, databaseFileName);
    const checkpointer = startCheckpointer(db, { everyMs: 20 });
    // Far below the server connection's own threshold: only the worker can have copied these pages.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(8000);
    db.exec('CREATE TABLE filler (data BLOB)');
    const sizeBefore = fs.statSync(file).size;
    const insert = db.prepare('INSERT INTO filler VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run();
    })();
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size < sizeBefore + 500 * 4000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(sizeBefore + 500 * 4000);

    await checkpointer.stop();
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(500);
    db.close();
  });
});
