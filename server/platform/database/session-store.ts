import { hashSecret, newToken } from '../auth/secrets.ts';
import type { Db } from './database.ts';
import { prepared } from './statements.ts';

/**
 * Staff sessions of the admin pages. The browser holds a random id in a
 * cookie; the database keeps only its hash, so a copy of the database
 * opens no session. A session lasts one working day from sign-in and ends
 * earlier on logout, which deletes it (and with it the uploads it kept).
 */

export const sessionLifetimeMs = 8 * 3600 * 1000;

export interface StaffSession {
  idHash: string;
  staffId: number;
  /** Sent back in a hidden field of every form; see csrf.ts. */
  csrfToken: string;
}

/** Starts a session; returns the id in clear for the cookie. */
export function createSession(db: Db, staffId: number, at: Date = new Date()): { id: string; session: StaffSession } {
  const id = newToken();
  const session = { idHash: hashSecret(id), staffId, csrfToken: newToken() };
  db.transaction(() => {
    // Sessions that ended are removed whenever someone signs in, so the table stays small.
    db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?').run(at.toISOString());
    db.prepare('INSERT INTO staff_sessions (id_hash, staff_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      session.idHash,
      staffId,
      session.csrfToken,
      at.toISOString(),
      new Date(at.getTime() + sessionLifetimeMs).toISOString(),
    );
  })();
  return { id, session };
}

/** The live session with this id, if any. */
export function findSession(db: Db, id: string, at: Date = new Date()): StaffSession | undefined {
  return prepared(db, 'SELECT id_hash AS idHash, staff_id AS staffId, csrf_token AS csrfToken FROM staff_sessions WHERE id_hash = ? AND expires_at > ?').get(
    hashSecret(id),
    at.toISOString(),
  ) as StaffSession | undefined;
}

export function deleteSession(db: Db, idHash: string): void {
  db.prepare('DELETE FROM staff_sessions WHERE id_hash = ?').run(idHash);
}

/** A one-line notice shown on the next page the session opens (after a POST and its redirect). */
export function setFlash(db: Db, idHash: string, text: string): void {
  db.prepare('UPDATE staff_sessions SET flash = ? WHERE id_hash = ?').run(text, idHash);
}

/** The notice left for this page, removed as it is read. */
export function takeFlash(db: Db, idHash: string): string | null {
  return db.transaction(() => {
    const row = prepared(db, 'SELECT flash FROM staff_sessions WHERE id_hash = ?').get(idHash) as { flash: string | null } | undefined;
    if (!row?.flash) return null;
    db.prepare('UPDATE staff_sessions SET flash = NULL WHERE id_hash = ?').run(idHash);
    return row.flash;
  })();
}
