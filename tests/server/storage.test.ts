import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase, schemaVersion, StorageError } from '../../server/storage/database.ts';
import { migrations } from '../../server/storage/migrations.ts';
import { insertTeacher, findTeacher } from '../../server/storage/roster.ts';
import { tempDataDir } from '../helpers/test-server.ts';

describe('the SQLite database', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('is created and migrated on first open, in WAL mode with foreign keys on', () => {
    const dir = path.join(freshDir(), 'nested', 'data');
    const db = openDatabase(dir);
    expect(fs.existsSync(path.join(dir, databaseFileName))).toBe(true);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps its data when opened again', () => {
    const dir = freshDir();
    const first = openDatabase(dir);
    const id = insertTeacher(first, {
      municipality: 'Заречный район',
      school: 'Заречная школа',
      lastName: 'Павлова',
      firstName: 'Сардаана',
      middleName: 'Ивановна',
      position: 'учитель',
      subjects: 'начальные классы',
      experienceYears: 1,
    });
    first.close();
    const second = openDatabase(dir);
    expect(findTeacher(second, id)).toMatchObject({ lastName: 'Павлова', school: 'Заречная школа', municipality: 'Заречный район' });
    second.close();
  });

  it('refuses a database written by a newer version, with a sentence saying what to do', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const raw = new Database(path.join(dir, databaseFileName));
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(dir)).toThrow(StorageError);
    expect(() => openDatabase(dir)).toThrow(/более новой версией ПрофРоста.*Обновите ПрофРост/);
  });
});
