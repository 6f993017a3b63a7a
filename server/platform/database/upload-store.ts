import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';

/**
 * What the admin pages keep between two requests of one person: an uploaded
 * file between its preview and the confirmation (so the confirmed file is
 * exactly the previewed one, and the browser need not send it twice), and
 * freshly issued connection codes until they are downloaded. Each record
 * belongs to one session, is read only by it, and is gone after 30 minutes
 * or at logout.
 */

export const uploadLifetimeMs = 30 * 60 * 1000;

export type UploadKind = 'catalogue' | 'roster' | 'codes' | 'schools' | 'events';

export interface KeptUpload {
  name: string;
  content: Buffer;
}

export function keepUpload(db: Db, sessionHash: string, kind: UploadKind, upload: { name: string; content: Uint8Array }, at = new Date()): string {
  const id = randomUUID();
  db.transaction(() => {
    db.prepare('DELETE FROM staff_uploads WHERE expires_at <= ?').run(at.toISOString());
    db.prepare('INSERT INTO staff_uploads (id, session_hash, kind, name, content, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      sessionHash,
      kind,
      upload.name,
      Buffer.from(upload.content),
      at.toISOString(),
      new Date(at.getTime() + uploadLifetimeMs).toISOString(),
    );
  })();
  return id;
}

/** The record, if it exists, is of this kind, belongs to this session and has not expired. */
export function findUpload(db: Db, sessionHash: string, kind: UploadKind, id: string, at = new Date()): KeptUpload | undefined {
  return db
    .prepare('SELECT name, content FROM staff_uploads WHERE id = ? AND session_hash = ? AND kind = ? AND expires_at > ?')
    .get(id, sessionHash, kind, at.toISOString()) as KeptUpload | undefined;
}

export function dropUpload(db: Db, sessionHash: string, id: string): void {
  db.prepare('DELETE FROM staff_uploads WHERE id = ? AND session_hash = ?').run(id, sessionHash);
}
