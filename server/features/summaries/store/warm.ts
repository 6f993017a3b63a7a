import { readNewTeacherSubjects } from '../../subjects/store.ts';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../../platform/database/database.ts';
import type { FamilyName } from '../base.ts';
import { type ComputedBase, isFamilyKept, keepComputedBase, type SummaryBase, summaryBase, warmedFamilies } from './base.ts';

type Scope = { period: string; minGroup: number };
type Family = Exclude<FamilyName, 'programs'>;

/** A computation of the base for the warming thread. */
export interface ToWarmer {
  id: number;
  file: string;
  scope: Scope;
  names: Family[];
}
export type FromWarmer = { id: number; computed: ComputedBase } | { id: number; failed: string };

/**
 * One thread for the process, started at the first warm and unreferenced (it
 * keeps no process alive); every database of the process is warmed on it, one
 * computation at a time.
 */
let thread: { worker: Worker; waiting: Map<number, (reply: FromWarmer) => void> } | undefined;
let nextId = 0;

function warmingThread() {
  if (thread) return thread;
  const worker = new Worker(new URL('../../../platform/typescript-worker.js', import.meta.url), {
    workerData: { module: new URL('./warm-thread.ts', import.meta.url).href },
  });
  worker.unref();
  const waiting = new Map<number, (reply: FromWarmer) => void>();
  const started = { worker, waiting };
  worker.on('message', (reply: FromWarmer) => {
    const answer = waiting.get(reply.id);
    waiting.delete(reply.id);
    answer?.(reply);
  });
  worker.on('error', (error) => console.error('summaries warming thread:', error));
  worker.once('exit', () => {
    if (thread === started) thread = undefined;
    for (const answer of waiting.values()) answer({ id: -1, failed: 'the warming thread stopped' });
    waiting.clear();
  });
  thread = started;
  return started;
}

/** Warms in flight, by database: a second warm asked meanwhile follows the first instead of running beside it. */
const inFlight = new WeakMap<Db, Promise<void>>();

/**
 * Computes the base's families ahead of the first page that asks (the
 * aggregates refresher calls it when it has applied its notes), on a thread
 * of its own: on a republic of 100,000 teachers a family costs 0.3–0.8 s of
 * CPU (its SQL over the roster and the ИОМ, then the suppression), which on
 * the requests' thread would hold every request meanwhile. The thread reads
 * the database's file with a connection of its own, in one read transaction;
 * the result is kept only if the database has not changed since (else the
 * next warm, after that change, computes it again). A database without a file
 * (in memory) is warmed on the requests' thread, a family a turn.
 * Resolves when the warm has ended, whatever became of it.
 */
export function warmSummaryBase(db: Db, scope: Scope): Promise<void> {
  const previous = inFlight.get(db);
  const run = (previous ?? Promise.resolve()).then(() => warmOnce(db, scope));
  const tracked = run.finally(() => {
    if (inFlight.get(db) === tracked) inFlight.delete(db);
  });
  inFlight.set(db, tracked);
  return tracked;
}

/**
 * The base of the server's connection for a page or summary, its families
 * computed on the warming thread if they are not kept yet (the request waits
 * for the thread, not the other requests for it). Should the database change
 * while the thread computes, what it computed is dropped and a family still
 * missing is computed on first use, on the requests' thread: a rare case,
 * which keeps the answer of this moment.
 */
export async function readySummaryBase(db: Db, { period, minGroup }: Scope): Promise<SummaryBase> {
  const scope = { period, minGroup };
  // The levels' subjects read teacher_subjects: first the subjects of rosters changed since (a change moves the generation).
  readNewTeacherSubjects(db);
  if (warmedFamilies.some((name) => !isFamilyKept(db, name, scope))) await warmSummaryBase(db, scope);
  return summaryBase(db, scope);
}

async function warmOnce(db: Db, scope: Scope): Promise<void> {
  if (!db.open) return;
  const names = warmedFamilies.filter((name) => !isFamilyKept(db, name, scope));
  if (names.length === 0) return;
  if (db.memory || !db.name) return warmInTurns(db, scope, names);
  let started: NonNullable<typeof thread>;
  try {
    started = warmingThread();
  } catch (error) {
    // No thread here (a module loaded from elsewhere than a file, as under a bundler's test runner): the families
    // are computed on the requests' thread, a family a turn, rather than not at all.
    console.error('summaries warming thread:', error);
    return warmInTurns(db, scope, names);
  }
  const reply = await new Promise<FromWarmer>((resolve) => {
    const { worker, waiting } = started;
    const id = nextId++;
    waiting.set(id, resolve);
    worker.postMessage({ id, file: db.name, scope, names } satisfies ToWarmer);
  });
  if (!db.open) return;
  if ('failed' in reply) {
    console.error('summaries warming thread:', reply.failed);
    return;
  }
  keepComputedBase(db, scope, reply.computed);
}

function warmInTurns(db: Db, scope: Scope, names: Family[]): Promise<void> {
  return new Promise((resolve) => {
    const next = (i: number) => {
      if (i >= names.length || !db.open) return resolve();
      summaryBase(db, scope).family(names[i]!);
      setImmediate(() => next(i + 1));
    };
    next(0);
  });
}
