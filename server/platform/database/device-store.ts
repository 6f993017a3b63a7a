import { hashSecret, newToken, normalizeConnectionCode } from '../auth/secrets.ts';
import { type Db, now } from './database.ts';
import { prepared } from './statements.ts';

export type RedeemResult = { ok: true; token: string; teacherId: number } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Exchanges a one-time code for a device token, in one transaction so that
 * two devices racing with the same code cannot both get a token.
 */
export function redeemConnectionCode(db: Db, code: string, deviceLabel: string, at: Date = new Date()): RedeemResult {
  return db.transaction((): RedeemResult => {
    const row = db
      .prepare('SELECT id, teacher_id AS teacherId, expires_at AS expiresAt, used_at AS usedAt FROM connection_codes WHERE code_hash = ?')
      .get(hashSecret(normalizeConnectionCode(code))) as { id: number; teacherId: number; expiresAt: string; usedAt: string | null } | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.usedAt) return { ok: false, reason: 'used' };
    if (row.expiresAt <= at.toISOString()) return { ok: false, reason: 'expired' };

    const token = newToken();
    db.prepare('UPDATE connection_codes SET used_at = ? WHERE id = ?').run(at.toISOString(), row.id);
    db.prepare('INSERT INTO devices (teacher_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)').run(
      row.teacherId,
      hashSecret(token),
      deviceLabel,
      at.toISOString(),
    );
    return { ok: true, token, teacherId: row.teacherId };
  })();
}

export interface DeviceIdentity {
  deviceId: number;
  teacherId: number;
}

/** The teacher behind a device token, if the token is known, not revoked, and the teacher not erased. */
export function findDeviceByToken(db: Db, token: string): DeviceIdentity | undefined {
  return prepared(
    db,
    `SELECT d.id AS deviceId, d.teacher_id AS teacherId
       FROM devices d JOIN teachers t ON t.id = d.teacher_id
       WHERE d.token_hash = ? AND d.revoked_at IS NULL AND t.erased_at IS NULL`,
  ).get(hashSecret(token)) as DeviceIdentity | undefined;
}

/** Revokes every device of a teacher (a lost laptop): their tokens stop working at once. Returns how many. */
export function revokeDevices(db: Db, teacherId: number): number {
  return db.prepare('UPDATE devices SET revoked_at = ? WHERE teacher_id = ? AND revoked_at IS NULL').run(now(), teacherId).changes;
}
