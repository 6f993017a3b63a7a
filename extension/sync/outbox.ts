import type { ApiOutcome, ApiRequest } from './api-client.ts';
import { isRetryable } from './api-client.ts';
import { type BackoffOptions, backoffDelay, defaultBackoff } from './backoff.ts';
import type { Lock } from './lock.ts';
import { readKey, type StorageArea } from './storage-area.ts';

/**
 * Every change the teacher makes goes here first, on this device, and only
 * then to the server. Entries are sent in the order they were made; one that
 * the server cannot take now (offline, 5xx) is tried again later with
 * backoff and holds back those after it, so that a sign-up is never
 * overtaken by its own cancellation. One that the server refuses for good
 * (409, 422…) is kept, marked failed with the server's sentence, and shown to
 * the teacher; the queue moves on past it.
 */

export type OutboxKind =
  | 'attempt'
  | 'signUp'
  | 'cancelEnrollment'
  | 'routeItem'
  | 'routeSubmission'
  | 'feedback'
  | 'journalReport'
  | 'detectionCounts'
  | 'meeting'
  | 'mentorOffer'
  | 'recommendation'
  | 'eventSignUp'
  | 'cancelEventSignUp'
  | 'eventFeedback'
  | 'consultationAnswer';

export interface OutboxError {
  status: number;
  code: string;
  message: string;
}

export interface OutboxEntry {
  /** Unique per entry. */
  id: string;
  /**
   * What the change is about (`attempt:<uuid>`, `routeItem:<id>`): a new
   * change with the same key replaces one still waiting, in its place.
   */
  key: string;
  kind: OutboxKind;
  request: Omit<ApiRequest, 'token'>;
  /** What the panel says the change is («Самодиагностика…», a programme's title). */
  label: string;
  createdAt: string;
  tries: number;
  /** Epoch ms; the periodic retry leaves the entry alone until then. */
  nextTryAt: number;
  state: 'pending' | 'failed';
  error: OutboxError | null;
}

export type NewOutboxEntry = Pick<OutboxEntry, 'id' | 'key' | 'kind' | 'request' | 'label'>;

export interface FlushResult {
  sent: number;
  failed: number;
  /** Why the flush stopped before the end of the queue, if it did. */
  stopped: 'offline' | 'unauthorized' | null;
}

export interface OutboxOptions {
  area: StorageArea;
  /** Storage key of this teacher's outbox. */
  key: string;
  lock: Lock;
  now?: () => number;
  backoff?: BackoffOptions;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<OutboxEntry>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.key === 'string' &&
    typeof entry.request === 'object' &&
    (entry.state === 'pending' || entry.state === 'failed')
  );
}

/** A new entry as stored: not yet tried, due at once. */
export function storedEntry(entry: NewOutboxEntry, now: number): OutboxEntry {
  return { ...entry, createdAt: new Date(now).toISOString(), tries: 0, nextTryAt: 0, state: 'pending', error: null };
}

/** The entries stored under `key`, as the outbox reads them (for a write that must go with another in one step). */
export async function storedEntries(area: StorageArea, key: string): Promise<OutboxEntry[]> {
  const stored = await readKey(area, key);
  return Array.isArray(stored) ? stored.filter(isEntry) : [];
}

export function createOutbox({ area, key, lock, now = Date.now, backoff = defaultBackoff }: OutboxOptions) {
  const read = () => storedEntries(area, key);
  const write = (entries: OutboxEntry[]) => (entries.length ? area.set({ [key]: entries }) : area.remove(key));

  /** Applies `change` to the stored entries under the lock. */
  const update = (change: (entries: OutboxEntry[]) => OutboxEntry[]) =>
    lock(async () => {
      const entries = change(await read());
      await write(entries);
      return entries;
    });

  return {
    entries: read,

    /** Stores a change; one waiting with the same key is replaced in its place. */
    add(entry: NewOutboxEntry): Promise<OutboxEntry[]> {
      const full = storedEntry(entry, now());
      return update((entries) => {
        const at = entries.findIndex((existing) => existing.key === entry.key);
        if (at === -1) return [...entries, full];
        return entries.map((existing, i) => (i === at ? full : existing));
      });
    },

    /** Removes an entry that was never sent (a sign-up cancelled before it left the device) or a failed one. */
    remove(predicate: (entry: OutboxEntry) => boolean): Promise<OutboxEntry[]> {
      return update((entries) => entries.filter((entry) => !predicate(entry)));
    },

    /** Puts a failed entry back in the queue, to be sent at the next flush. */
    retry(id: string): Promise<OutboxEntry[]> {
      return update((entries) => entries.map((entry) => (entry.id === id ? { ...entry, state: 'pending', error: null, tries: 0, nextTryAt: 0 } : entry)));
    },

    /**
     * Sends what is due, in order, one at a time. `force` (the teacher
     * changed something or opened the panel) ignores the backoff times; the
     * periodic alarm does not. The lock is not held while a request is in
     * flight, so the teacher can keep adding changes meanwhile.
     */
    async flush(send: (request: OutboxEntry['request']) => Promise<ApiOutcome>, options: { force?: boolean } = {}): Promise<FlushResult> {
      const result: FlushResult = { sent: 0, failed: 0, stopped: null };
      for (;;) {
        const next = (await read()).find((entry) => entry.state === 'pending');
        if (!next) return result;
        if (!options.force && next.nextTryAt > now()) {
          result.stopped = 'offline';
          return result;
        }
        const outcome = await send(next.request);
        if (outcome.kind === 'ok') {
          await update((entries) => entries.filter((entry) => entry.id !== next.id));
          result.sent++;
        } else if (outcome.kind === 'http' && outcome.status === 401) {
          // The device was disconnected (or the data erased): keep everything, send nothing more.
          result.stopped = 'unauthorized';
          return result;
        } else if (isRetryable(outcome)) {
          const tries = next.tries + 1;
          await update((entries) =>
            entries.map((entry) => (entry.id === next.id ? { ...entry, tries, nextTryAt: now() + backoffDelay(tries, backoff) } : entry)),
          );
          result.stopped = 'offline';
          return result;
        } else {
          const error: OutboxError =
            outcome.kind === 'http' ? { status: outcome.status, code: outcome.code, message: outcome.message } : { status: 0, code: 'unknown', message: '' };
          await update((entries) => entries.map((entry) => (entry.id === next.id ? { ...entry, state: 'failed', tries: entry.tries + 1, error } : entry)));
          result.failed++;
        }
      }
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
