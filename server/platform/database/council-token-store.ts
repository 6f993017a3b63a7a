import { hashSecret, newToken } from '../auth/secrets.ts';
import { type Db, now } from './database.ts';
import { prepared } from './statements.ts';

/** Creates a council token and returns it in clear, once; only its hash is stored. */
export function createCouncilToken(db: Db, name: string): string {
  return issueCouncilToken(db, name).token;
}

/** The same, with the new token's id (for the audit log). */
export function issueCouncilToken(db: Db, name: string): { id: number; token: string } {
  const token = newToken();
  const { lastInsertRowid } = db.prepare('INSERT INTO council_tokens (name, token_hash, created_at) VALUES (?, ?, ?)').run(name, hashSecret(token), now());
  return { id: Number(lastInsertRowid), token };
}

/** The live (not revoked) council token with this value, by id and name; undefined otherwise. */
export function findCouncilToken(db: Db, token: string): { id: number; name: string } | undefined {
  return prepared(db, 'SELECT id, name FROM council_tokens WHERE token_hash = ? AND revoked_at IS NULL').get(hashSecret(token)) as
    | { id: number; name: string }
    | undefined;
}

/** Revokes a council token at once; false if there was no live one with this id. */
export function revokeCouncilToken(db: Db, id: number): boolean {
  return db.prepare('UPDATE council_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now(), id).changes > 0;
}

export interface CouncilTokenRow {
  id: number;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** The last summary pulled with it (from the audit log), if any. */
  lastPullAt: string | null;
}

/** Every council token, live or revoked, oldest first; never the token itself. */
export function listCouncilTokens(db: Db): CouncilTokenRow[] {
  return db
    .prepare(
      `SELECT t.id, t.name, t.created_at AS createdAt, t.revoked_at AS revokedAt,
         (SELECT max(a.at) FROM audit_log a WHERE a.action = 'council.pull' AND a.actor = 'council_token:' || t.id) AS lastPullAt
       FROM council_tokens t ORDER BY t.id`,
    )
    .all() as CouncilTokenRow[];
}
