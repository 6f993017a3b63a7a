import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { messages } from '../messages.ts';
import { type Db, databaseFileName, StorageError } from './database.ts';
import { migrations } from './migrations.ts';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/**
 * Writes a consistent copy of the live database with SQLite's online backup:
 * the server goes on serving while it runs, and the copy is one moment's state.
 */
export async function backupDatabase(db: Db, file: string, onProgress?: (progress: BackupProgress) => void): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new StorageError(messages.backup.exists(target));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  await db.backup(partial, {
    progress(info) {
      onProgress?.(info);
      return 256; // pages per step: small steps let the server's requests in between
    },
  });
  fs.renameSync(partial, target);
}

/** Checks that a file is a whole ПрофРост database this version can open. */
export function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new StorageError(messages.backup.missing(file));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('quick_check', { simple: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasTeachers = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'teachers'").get();
    if (ok !== 'ok' || !hasTeachers) throw new StorageError(messages.backup.notProfrost(file));
    if (version > migrations.length) throw new StorageError(messages.storage.tooNew(version, migrations.length));
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(messages.backup.notProfrost(file));
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database in `dataDir` with a backup. The server must be
 * stopped. The replaced database is kept beside it, so a restore of the
 * wrong file loses nothing. Returns the path of that kept copy, if any.
 */
export function restoreDatabase(dataDir: string, file: string, at: Date = new Date()): string | undefined {
  checkBackup(path.resolve(file));
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, databaseFileName);
  const incoming = `${live}.restoring`;
  fs.copyFileSync(file, incoming);

  let kept: string | undefined;
  if (fs.existsSync(live)) {
    // Fold the WAL into the old file first, so the kept copy is complete on its own.
    const old = new Database(live);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    kept = `${live}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(live, kept);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
  fs.renameSync(incoming, live);
  return kept;
}
