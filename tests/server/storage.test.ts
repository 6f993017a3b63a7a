import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase, schemaVersion, StorageError } from '../../server/platform/database/database.ts';
import { migrations } from '../../server/platform/database/migrations.ts';
import { insertTeacher, findTeacher } from '../../server/features/roster/store.ts';
import { hashSecret } from '../../server/platform/auth/secrets.ts';
import { redeemConnectionCode } from '../../server/platform/database/device-store.ts';
import { useTempDataDirs } from '../helpers/test-server.ts';

describe('the SQLite database', () => {
  const freshDir = useTempDataDirs();

  /** A database as an older version left it: migrations up to `version` only, with one teacher. */
  function databaseAtSchema(version: number) {
    const dir = freshDir();
    const raw = new Database(path.join(dir, databaseFileName));
    raw.pragma('foreign_keys = ON');
    for (const migration of migrations.slice(0, version)) raw.exec(migration);
    raw.pragma(`user_version = ${version}`);
    const teacherId = insertTeacher(raw, {
      municipality: 'Район',
      school: 'Школа',
      lastName: 'Иванова',
      firstName: 'Анна',
      middleName: '',
      position: '',
      subjects: '',
      experienceYears: 3,
    });
    return { dir, raw, teacherId };
  }

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

  it('keeps every attempt and its scores when attempts move to an integer key (migration 6)', () => {
    const { dir, raw, teacherId } = databaseAtSchema(5);
    raw.exec(
      `INSERT INTO instruments (id, version, kind, title, definition_json, created_at) VALUES ('self', 1, 'selfAssessment', 'С', '{}', '2026-01-01T00:00:00Z')`,
    );
    const attempt = raw.prepare(
      `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, request_hash, answers_json, result_json)
       VALUES (?, ?, 'self', 1, ?, ?, 'hash', '{"q1":4}', '{"areas":{}}')`,
    );
    const score = raw.prepare('INSERT INTO attempt_scores (attempt_id, area, score, level) VALUES (?, ?, ?, ?)');
    attempt.run('b-second', teacherId, '2026-10-02T10:00:00Z', '2026-10-02T10:00:01Z');
    attempt.run('a-first', teacherId, '2026-10-01T10:00:00Z', '2026-10-01T10:00:01Z');
    score.run('b-second', 'digital', 55, 'highDeficit');
    score.run('b-second', 'methodical', 90, 'noDeficit');
    score.run('a-first', 'digital', 40, 'highDeficit');
    raw.close();

    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(migrations.length);
    const rows = db
      .prepare(
        `SELECT a.seq, a.id, a.answers_json AS answers, s.area, s.score FROM attempts a JOIN attempt_scores s ON s.attempt_seq = a.seq ORDER BY a.seq, s.area`,
      )
      .all();
    expect(rows).toEqual([
      { seq: 1, id: 'b-second', answers: '{"q1":4}', area: 'digital', score: 55 },
      { seq: 1, id: 'b-second', answers: '{"q1":4}', area: 'methodical', score: 90 },
      { seq: 2, id: 'a-first', answers: '{"q1":4}', area: 'digital', score: 40 },
    ]);
    // The scores still go with their attempt, and a new attempt continues the sequence.
    db.prepare("DELETE FROM attempts WHERE id = 'b-second'").run();
    expect(db.prepare('SELECT count(*) FROM attempt_scores').pluck().get()).toBe(1);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json)
         VALUES ('c-third', ?, 'self', 1, '2026-10-03T10:00:00Z', '2026-10-03T10:00:01Z', '{}', '{"areas":{}}')`,
      )
      .run(teacherId);
    expect(lastInsertRowid).toBe(3);
    db.close();
  });

  it('keeps every connection code, used or not, when its table is renamed (migration 8)', () => {
    const { dir, raw, teacherId } = databaseAtSchema(7);
    const code = raw.prepare('INSERT INTO enrollment_codes (teacher_id, code_hash, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)');
    code.run(teacherId, hashSecret('K7QM-3HXD'), '2026-01-01T00:00:00Z', '2999-01-31T00:00:00Z', null);
    code.run(teacherId, hashSecret('AAAA-BBBB'), '2025-01-01T00:00:00Z', '2025-01-31T00:00:00Z', '2025-01-02T00:00:00Z');
    raw.close();

    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%_codes' ORDER BY name").pluck().all()).toEqual(['connection_codes']);
    expect(db.prepare('SELECT used_at FROM connection_codes ORDER BY id').pluck().all()).toEqual([null, '2025-01-02T00:00:00Z']);
    // The unused code still connects a device, once.
    expect(redeemConnectionCode(db, 'k7qm 3hxd', 'ноутбук')).toMatchObject({ ok: true, teacherId });
    expect(redeemConnectionCode(db, 'K7QM-3HXD', 'ноутбук')).toEqual({ ok: false, reason: 'used' });
    db.close();
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
