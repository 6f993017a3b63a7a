import Database from 'better-sqlite3';
import type { Db } from '../../../platform/database/database.ts';

/**
 * A read-only connection of its own for one export. An export iterates a
 * statement across many turns of the event loop; on the server's connection
 * that would block every other statement until it ends ("connection is
 * busy"). Its own read transaction also gives the export one consistent
 * snapshot while writes go on (WAL).
 */
export function openReadOnly(db: Db): Db {
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return reader;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Streams the chunks a generator makes over a fresh read-only connection,
 * one chunk per pull, giving the event loop a turn after each: a client on
 * loopback reads as fast as we write and never applies backpressure, so an
 * export that never yielded would hold the server until it ended. The
 * connection closes when the generator ends, fails, or the client goes away.
 */
export function streamFromReader(db: Db, chunksOf: (reader: Db) => Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let reader: Db | undefined;
  let chunks: Iterator<string> | undefined;
  const close = () => {
    try {
      chunks?.return?.();
    } finally {
      reader?.close();
      reader = undefined;
    }
  };
  return new ReadableStream<Uint8Array>({
    start() {
      reader = openReadOnly(db);
      chunks = chunksOf(reader);
    },
    async pull(controller) {
      try {
        const next = chunks!.next();
        if (next.done) {
          close();
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        close();
        controller.error(error);
        return;
      }
      await yieldToEventLoop();
    },
    cancel() {
      close();
    },
  });
}
