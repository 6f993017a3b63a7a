import { routes } from '../../shared/api/routes.ts';
import { detectionEvents } from '../../shared/api/detection-events.ts';
import type { DetectionCounts, DetectionEvent } from '../../shared/api/journal-reports.ts';
import { endpointRequest } from '../sync/api-client.ts';
import type { Lock } from '../sync/lock.ts';
import { storedEntries, storedEntry } from '../sync/outbox.ts';
import { readKey, type StorageArea } from '../sync/storage-area.ts';

/**
 * Detection health (docs/DOMAIN.md, «счётчики распознавания»): how often a
 * journal's teacher pages were seen, the name read, confirmed or corrected by
 * the teacher, and the launcher failed, per journal and host. Nothing else:
 * no path, no name, no teacher. Counted in this browser's storage and moved,
 * every `batchEveryMs`, into a connected teacher's outbox as one batch with an
 * id, in the same storage write that clears the counts, so that every count
 * reaches the server exactly once (the server ignores a batch id it has).
 */

export const countsKey = 'health:counts';
export const batchedAtKey = 'health:batchedAt';
export const batchEveryMs = 60 * 60_000;
const maxPairs = 200;

type CountsMap = Record<string, DetectionCounts>;

const zero = (journal: string, host: string): DetectionCounts => ({
  journal,
  host,
  pagesSeen: 0,
  identityRead: 0,
  confirmed: 0,
  corrected: 0,
  launcherFailed: 0,
});

function readCounts(value: unknown): CountsMap {
  return typeof value === 'object' && value !== null ? (value as CountsMap) : {};
}

export function isDetectionEvent(value: unknown): value is DetectionEvent {
  return (detectionEvents as readonly unknown[]).includes(value);
}

/** Adds one to `event` of the journal and host. */
export function countDetection(area: StorageArea, lock: Lock, journal: string, host: string, event: DetectionEvent): Promise<void> {
  return lock(async () => {
    const counts = readCounts(await readKey(area, countsKey));
    const pair = `${journal} ${host}`;
    if (!counts[pair] && Object.keys(counts).length >= maxPairs) return;
    const entry = counts[pair] ?? zero(journal, host);
    counts[pair] = { ...entry, [event]: entry[event] + 1 };
    await area.set({ [countsKey]: counts });
  });
}

/**
 * Moves what was counted into the outbox under `outboxKey` as one batch, if
 * there is anything and the last batch is older than `batchEveryMs` (or
 * `force`). Returns whether a batch was made.
 */
export function batchDetectionCounts(
  area: StorageArea,
  lock: Lock,
  { outboxKey, id, now, force = false }: { outboxKey: string; id: string; now: number; force?: boolean },
): Promise<boolean> {
  return lock(async () => {
    const stored = await area.get([countsKey, batchedAtKey]);
    const counts = Object.values(readCounts(stored[countsKey])).filter((c) => detectionEvents.some((event) => c[event] > 0));
    const batchedAt = typeof stored[batchedAtKey] === 'number' ? stored[batchedAtKey] : 0;
    if (counts.length === 0 || (!force && now - batchedAt < batchEveryMs)) return false;
    const entry = storedEntry(
      {
        id,
        key: `detectionCounts:${id}`,
        kind: 'detectionCounts',
        label: 'Счётчики распознавания страниц журнала (без личных данных)',
        request: endpointRequest(routes.sendDetectionCounts, { body: { id, counts } }),
      },
      now,
    );
    // One write: the counts leave storage exactly when the batch enters the outbox.
    await area.set({ [outboxKey]: [...(await storedEntries(area, outboxKey)), entry], [countsKey]: {}, [batchedAtKey]: now });
    return true;
  });
}
