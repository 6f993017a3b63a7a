import { Worker } from 'node:worker_threads';
import { framework } from '../../../shared/content/index.ts';
import type { Db } from '../../platform/database/database.ts';
import { type Preparation, type PrepareSubmission, prepareInThread } from './prepare-submission.ts';

/** A submission to prepare, by the id the answer comes back with. */
export interface ToScorer {
  id: number;
  teacherId: number;
  text: string;
}
/** Each prepared or failed submission by its id; `ready` once, when the thread has loaded and can take submissions. */
export type FromScorer = { id: number; preparation: Preparation } | { id: number; failed: string } | { ready: true };

export interface ScoringWorker {
  prepare: PrepareSubmission;
  /**
   * Settles once the thread can take submissions (loading it takes about
   * 0.6 s on this project's 2-core machine), or has failed to start and they
   * are prepared on the requests' thread: the server listens only then, so
   * that the first submissions after a start do not wait out the thread's loading.
   */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Submissions parsed, validated, scored and serialised on a thread of their
 * own (prepare-submission.ts): about a third of a submission's time, which
 * then runs beside the requests' thread (HTTP, tokens, SQLite) instead of on
 * it. Measured on this project's 2-core machine, with the load generator on
 * the same machine: the requests' thread went from 259-305 to 171-195 µs per
 * submission. Only strings cross between the threads, which copy cheaply.
 *
 * Should the thread fail, the submissions it holds fail with a 500 (the
 * clients send them again; nothing was stored for them) and later ones are
 * prepared on the requests' thread.
 */
export function startScoringWorker(db: Db): ScoringWorker {
  const worker = new Worker(new URL('../../platform/typescript-worker.js', import.meta.url), {
    workerData: { module: new URL('./scoring-thread.ts', import.meta.url).href, file: db.name },
  });
  worker.unref();
  const waiting = new Map<number, { resolve: (preparation: Preparation) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let inThread: PrepareSubmission | undefined;
  let stopping = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  worker.on('message', (reply: FromScorer) => {
    if ('ready' in reply) return markReady();
    const entry = waiting.get(reply.id)!;
    waiting.delete(reply.id);
    if ('failed' in reply) entry.reject(new Error(reply.failed));
    else entry.resolve(reply.preparation);
  });
  worker.on('error', (error) => console.error('scoring thread:', error));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) console.error('scoring thread: stopped; submissions are scored on the requests’ thread from now on');
      inThread = prepareInThread(db, framework);
      markReady();
      for (const { reject } of waiting.values()) reject(new Error('the scoring thread stopped before answering'));
      waiting.clear();
      resolve();
    }),
  );

  return {
    ready,
    prepare(teacherId, text) {
      if (inThread) return inThread(teacherId, text);
      return new Promise<Preparation>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, teacherId, text } satisfies ToScorer);
      });
    },
    stop() {
      stopping = true;
      // Referenced again, so that the process waits for the thread's end instead of leaving this promise unsettled.
      worker.ref();
      void worker.terminate();
      return exited;
    },
  };
}
