import { type Db, now } from './database.ts';

export type StaffRole = 'methodist' | 'admin';

export function insertStaff(
  db: Db,
  account: { login: string; passwordHash: string; role: StaffRole; municipalityId: number | null },
): number {
  const result = db
    .prepare('INSERT INTO staff (login, password_hash, role, municipality_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(account.login, account.passwordHash, account.role, account.municipalityId, now());
  return Number(result.lastInsertRowid);
}
