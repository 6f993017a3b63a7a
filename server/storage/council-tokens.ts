import { hashSecret, newToken } from '../security/secrets.ts';
import { type Db, now } from './database.ts';

/** Creates a council token and returns it in clear, once; only its hash is stored. */
export function createCouncilToken(db: Db, name: string): string {
  const token = newToken();
  db.prepare('INSERT INTO council_tokens (name, token_hash, created_at) VALUES (?, ?, ?)').run(name, hashSecret(token), now());
  return token;
}
