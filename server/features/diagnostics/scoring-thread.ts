import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { framework } from '../../../shared/content/index.ts';
import { useRussianValidationMessages } from '../../../shared/schemas/locale.ts';
import { prepareSubmission } from './prepare-submission.ts';
import type { FromScorer, ToScorer } from './scoring-worker.ts';

/**
 * The scoring thread (started by scoring-worker.ts): prepares each
 * submission it is sent, with a read-only connection of its own for the
 * instrument versions, and sends back the outcome.
 */
useRussianValidationMessages();
const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
const port = parentPort!;

port.on('message', ({ id, teacherId, text }: ToScorer) => {
  let reply: FromScorer;
  try {
    reply = { id, preparation: prepareSubmission(db, framework, teacherId, text) };
  } catch (error) {
    reply = { id, failed: String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies FromScorer);
