import { loadConfig } from '../config.ts';
import { type Db, openDatabase } from '../database/database.ts';

/** Runs a command's work on the configured database, closed afterwards whatever happens. */
export async function withDatabase<T>(work: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(loadConfig().dataDir);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
