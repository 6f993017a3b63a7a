import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db } from '../../../platform/database/database.ts';
import { computeBase } from './base.ts';
import type { FromWarmer, ToWarmer } from './warm.ts';

/**
 * The summaries' warming thread (started by warm.ts): computes the families
 * of the base it is asked for on a read-only connection of its own to the
 * database's file, opened for the one computation and closed after it, and
 * sends them back.
 */
const port = parentPort!;

port.on('message', ({ id, file, scope, names }: ToWarmer) => {
  let reply: FromWarmer;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      reply = { id, computed: computeBase(db as Db, scope, names) };
    } finally {
      db.close();
    }
  } catch (error) {
    reply = { id, failed: String(error) };
  }
  port.postMessage(reply);
});
