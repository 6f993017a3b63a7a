import { type Db, now } from './database.ts';
import { prepared } from './statements.ts';

/**
 * `council`: a member of the expert council (issue 23), who sees the council's pages only; `coordinator`: a school's
 * координатор наставничества (issue 20), who sees «Наставничество» for her school only.
 */
export type StaffRole = 'methodist' | 'admin' | 'council' | 'coordinator';

export function insertStaff(
  db: Db,
  account: { login: string; passwordHash: string; role: StaffRole; municipalityId: number | null; schoolId?: number | null },
): number {
  const result = db
    .prepare('INSERT INTO staff (login, password_hash, role, municipality_id, school_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(account.login, account.passwordHash, account.role, account.municipalityId, account.schoolId ?? null, now());
  return Number(result.lastInsertRowid);
}

export interface StaffAccount {
  id: number;
  login: string;
  role: StaffRole;
  municipalityId: number | null;
  /** The municipality's name; null for a regional admin. */
  municipality: string | null;
  /** A coordinator's school (and its name); null for every other role. */
  schoolId: number | null;
  school: string | null;
}

interface StaffSecrets extends StaffAccount {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  disabledAt: string | null;
}

const accountColumns = `st.id, st.login, st.role, st.municipality_id AS municipalityId, m.name AS municipality,
  st.school_id AS schoolId, sc.name AS school
  FROM staff st LEFT JOIN municipalities m ON m.id = st.municipality_id LEFT JOIN schools sc ON sc.id = st.school_id`;

/** Whether an account with this login exists. */
export function isLoginTaken(db: Db, login: string): boolean {
  return db.prepare('SELECT 1 FROM staff WHERE login = ?').get(login) !== undefined;
}

export function findStaff(db: Db, id: number): StaffAccount | undefined {
  return prepared(db, `SELECT ${accountColumns} WHERE st.id = ?`).get(id) as StaffAccount | undefined;
}

/** The account with its password hash and lockout state, for signing in. */
export function findStaffForLogin(db: Db, login: string): StaffSecrets | undefined {
  return db
    .prepare(
      `SELECT st.id, st.login, st.role, st.municipality_id AS municipalityId, m.name AS municipality,
         st.school_id AS schoolId, sc.name AS school,
         st.password_hash AS passwordHash, st.failed_logins AS failedLogins, st.locked_until AS lockedUntil,
         st.disabled_at AS disabledAt
       FROM staff st LEFT JOIN municipalities m ON m.id = st.municipality_id LEFT JOIN schools sc ON sc.id = st.school_id WHERE st.login = ?`,
    )
    .get(login) as StaffSecrets | undefined;
}

/**
 * Counts a failed sign-in; at `limit` failures in a row the account is
 * locked until `lockUntil` and the count starts again.
 */
export function recordFailedLogin(db: Db, id: number, limit: number, lockUntil: string): void {
  db.transaction(() => {
    const { failed } = db.prepare('UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins AS failed').get(id) as {
      failed: number;
    };
    if (failed >= limit) db.prepare('UPDATE staff SET failed_logins = 0, locked_until = ? WHERE id = ?').run(lockUntil, id);
  }).immediate();
}

export function clearFailedLogins(db: Db, id: number): void {
  db.prepare('UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
}

/** Disables an account: it signs in no more, and its sessions end. Returns the sessions ended, or undefined when there was no live account. */
export function disableStaff(db: Db, id: number, at: string = now()): number | undefined {
  if (db.prepare('UPDATE staff SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL').run(at, id).changes === 0) return undefined;
  return db.prepare('DELETE FROM staff_sessions WHERE staff_id = ?').run(id).changes;
}

/** A new password for an account: the lockout is lifted and every session ends. Returns the sessions ended. */
export function resetStaffPassword(db: Db, id: number, passwordHash: string): number {
  db.prepare('UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(passwordHash, id);
  return db.prepare('DELETE FROM staff_sessions WHERE staff_id = ?').run(id).changes;
}

/** The account with this login, whether it is disabled; undefined when there is none. */
export function findStaffByLogin(db: Db, login: string): { id: number; login: string; disabled: boolean } | undefined {
  const row = db.prepare('SELECT id, login, disabled_at IS NOT NULL AS disabled FROM staff WHERE login = ?').get(login) as
    | { id: number; login: string; disabled: number }
    | undefined;
  return row && { ...row, disabled: row.disabled === 1 };
}
