import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { messages } from '../messages.ts';
import { type Db, databaseFileName, StorageError } from './database.ts';
import { migrations } from './migrations.ts';

export interface BackupOptions {
  /** The copy and its check must end within this; past it the unfinished file is removed and the backup fails. */
  timeoutMs?: number;
}

/**
 * The copying process's whole program, plain CommonJS so that it needs no
 * TypeScript loader. `VACUUM INTO` reads the live database inside one read
 * transaction: in WAL mode that is one moment's snapshot, writers go on
 * beside it (only checkpoints wait to pass it), and nothing they write makes
 * it start over, unlike the online backup API, which restarts whenever
 * another connection writes between its steps. The copy is then checked page
 * by page before it is called a backup.
 */
const copySource = `
const [driver, source, target] = process.argv.slice(1);
const Database = require(driver);
const live = new Database(source, { fileMustExist: true });
live.pragma('busy_timeout = 5000');
live.prepare('VACUUM INTO ?').run(target);
live.close();
const copy = new Database(target, { readonly: true, fileMustExist: true });
const result = copy.pragma('integrity_check', { simple: true });
copy.close();
process.stdout.write(String(result));
`;

/**
 * Writes a consistent, checked copy of the live database at `file`. The copy
 * runs in a process of its own, so that a deadline can end it whatever SQLite
 * is doing; the server goes on serving while it runs.
 */
export async function backupDatabase(db: Db, file: string, { timeoutMs = 30 * 60_000 }: BackupOptions = {}): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new StorageError(messages.backup.exists(target));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const result = await runCopy(db.name, partial, timeoutMs);
    if (result !== 'ok') throw new StorageError(messages.backup.damaged(result));
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

function runCopy(source: string, target: string, timeoutMs: number): Promise<string> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', copySource, driver, source, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new StorageError(messages.backup.timedOut(Math.round(timeoutMs / 1000))));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output.trim());
      else reject(new StorageError(messages.backup.failed(lastLine(errors))));
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines.find((line) => /Error:/.test(line)) ?? lines.at(-1) ?? '').trim();
}

/** The name a backup gets in a folder: the time in UTC, so that names sort as the copies were made. */
export function backupFileName(at: Date = new Date()): string {
  return `profrost-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.db`;
}

const backupNamePattern = /^profrost-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

/**
 * Keeps the newest `keep` backups of a folder and removes the older ones.
 * Only files named as `backupFileName` names them are touched. Returns the removed paths.
 */
export function rotateBackups(folder: string, keep: number): string[] {
  const copies = fs
    .readdirSync(folder)
    .filter((name) => backupNamePattern.test(name))
    .sort();
  const old = copies.slice(0, Math.max(0, copies.length - keep)).map((name) => path.join(folder, name));
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
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
