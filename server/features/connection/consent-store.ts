import type { Consent } from '../../../shared/api/connect.ts';
import { type Db, now } from '../../platform/database/database.ts';

/**
 * Consent on the server: which edition of the consent text a teacher
 * accepted, when (the device's clock and the server's) and on which device.
 * Withdrawal and erasure keep the record that it was given and withdrawn,
 * without the device's label.
 */

export interface ConsentRecord {
  version: string;
  acceptedAt: string;
  receivedAt: string;
  deviceId: number | null;
  deviceLabel: string;
  withdrawnAt: string | null;
}

/** Writes the consent sent with a connection; call in the connection's transaction, with the device it created. */
export function recordConsent(db: Db, teacherId: number, deviceId: number, deviceLabel: string, consent: Consent, at: string = now()): void {
  db.prepare('INSERT INTO consents (teacher_id, device_id, device_label, version, accepted_at, received_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    teacherId,
    deviceId,
    deviceLabel,
    consent.version,
    consent.acceptedAt,
    at,
  );
}

/** The device a connection has just created: the newest of the teacher's. */
export function newestDeviceOf(db: Db, teacherId: number): number | undefined {
  const row = db.prepare('SELECT id FROM devices WHERE teacher_id = ? ORDER BY id DESC LIMIT 1').get(teacherId) as { id: number } | undefined;
  return row?.id;
}

/** Every consent a teacher gave, newest first. */
export function consentsOf(db: Db, teacherId: number): ConsentRecord[] {
  return db
    .prepare(
      `SELECT version, accepted_at AS acceptedAt, received_at AS receivedAt, device_id AS deviceId, device_label AS deviceLabel,
         withdrawn_at AS withdrawnAt
       FROM consents WHERE teacher_id = ? ORDER BY id DESC`,
    )
    .all(teacherId) as ConsentRecord[];
}

/** Marks the teacher's consents withdrawn and forgets the devices' labels; returns how many were live. */
export function withdrawConsents(db: Db, teacherId: number, at: string = now()): number {
  return db.prepare("UPDATE consents SET withdrawn_at = coalesce(withdrawn_at, ?), device_label = '' WHERE teacher_id = ?").run(at, teacherId).changes;
}
