import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { messages } from '../messages.ts';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

/** The database cannot be used by this version of the code; the sentence says why. */
export class StorageError extends Error {
  override name = 'StorageError';
}

export const databaseFileName = 'profrost.db';

/**
 * Opens (creating if needed) the SQLite database in `dataDir` and brings its
 * schema up to date. WAL lets readers go on while a write commits; the busy
 * timeout makes a second process (the CLI beside a running server) wait
 * instead of failing.
 */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, databaseFileName);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StorageError(messages.storage.cannotOpen(file, (error as Error).message));
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // In WAL mode NORMAL loses nothing a committed transaction wrote when the
    // process dies; only a power cut can take the last commits.
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache instead of 2: the lookups of every request (token, attempt id, teacher)
    // land on random pages of indexes that outgrow 2 MiB at a few thousand teachers.
    db.pragma('cache_size = -65536');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new StorageError(messages.storage.tooNew(current, migrations.length));
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function now(): string {
  return new Date().toISOString();
}

/** A check that the database answers, prepared once: the health endpoint runs it on every call. */
export function databasePing(db: Db): () => void {
  const ping = db.prepare('SELECT 1');
  return () => {
    ping.get();
  };
}
