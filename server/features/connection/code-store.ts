import { hashSecret, newConnectionCode } from '../../platform/auth/secrets.ts';
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
