import { hashSecret, newConnectionCode, normalizeConnectionCode } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/database.ts';

export const codeLifetimeDays = 30;

/**
 * Issues a fresh one-time code for a teacher and withdraws any unused one,
 * so that only the newest code handed out works. Returns the code in clear:
 * this is the only moment it exists outside the teacher's hands.
 */
export function issueConnectionCode(db: Db, teacherId: number, at: Date = new Date()): string {
  const code = newConnectionCode();
  const expires = new Date(at.getTime() + codeLifetimeDays * 24 * 3600 * 1000);
  db.transaction(() => {
    db.prepare('DELETE FROM connection_codes WHERE teacher_id = ? AND used_at IS NULL').run(teacherId);
    db.prepare('INSERT INTO connection_codes (teacher_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      teacherId,
      hashSecret(code),
      at.toISOString(),
      expires.toISOString(),
    );
  })();
  return code;
}

/** The teacher a code was issued to, whether or not it can still be used; undefined for an unknown code. */
export function teacherOfCode(db: Db, code: string): number | undefined {
  const row = db.prepare('SELECT teacher_id AS teacherId FROM connection_codes WHERE code_hash = ?').get(hashSecret(normalizeConnectionCode(code))) as
    | { teacherId: number }
    | undefined;
  return row?.teacherId;
}
