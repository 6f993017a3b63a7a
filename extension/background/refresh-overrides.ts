import { routes } from '../../shared/api/routes.ts';
import { overrideDocument } from '../../shared/journals/override.ts';
import { OVERRIDE_STORAGE_KEY } from '../journals/override.ts';
import { getServerSetting, type ManagedArea } from '../settings/server-url.ts';
import { callEndpoint, type Fetch } from '../sync/api-client.ts';
import { readKey, type StorageArea } from '../sync/storage-area.ts';

/** When and from which server the overrides were last asked for: `{ serverUrl, at }` (ms). */
export const OVERRIDES_CHECKED_KEY = 'journalAdapterOverridesChecked';

/** Kill switches need not be instant; thousands of teachers' browsers must not ask every minute. */
export const overrideRefreshIntervalMs = 30 * 60_000;

export interface OverrideRefreshDeps {
  local: StorageArea;
  managed?: ManagedArea;
  fetch?: Fetch;
  now?: () => number;
}

/**
 * - `notDue`: asked less than 30 minutes ago (of the same server);
 * - `stored`: the server's document is now the cached one;
 * - `refused`: the server answered something that is not an override document;
 * - `failed`: no answer, or an error status.
 * In the last two cases the cached document stays as it was.
 */
export type RefreshOutcome = 'notDue' | 'stored' | 'refused' | 'failed';

function isDue(checked: unknown, serverUrl: string, now: number): boolean {
  if (typeof checked !== 'object' || checked === null) return true;
  const { serverUrl: checkedUrl, at } = checked as { serverUrl?: unknown; at?: unknown };
  // A new server address, or a clock that went back, means the timestamp says nothing.
  if (checkedUrl !== serverUrl || typeof at !== 'number' || at > now) return true;
  return now - at >= overrideRefreshIntervalMs;
}

/**
 * Fetches the journal-adapter overrides the server publishes
 * (`routes.getJournalOverrides`) and caches them for the content script,
 * at most every 30 minutes. Only a document that passes the extension's own
 * check is stored; the content script checks every entry again before using it,
 * and an override is data, never code.
 */
export function createOverrideRefresher({ local, managed, fetch: fetchImpl = (input, init) => fetch(input, init), now = Date.now }: OverrideRefreshDeps) {
  let running: Promise<RefreshOutcome> | null = null;

  async function refreshOnce(): Promise<RefreshOutcome> {
    const { url } = await getServerSetting(local, managed);
    const at = now();
    if (!isDue(await readKey(local, OVERRIDES_CHECKED_KEY), url, at)) return 'notDue';
    // Counted before asking: a server that is down is asked again in 30 minutes, not on every alarm.
    await local.set({ [OVERRIDES_CHECKED_KEY]: { serverUrl: url, at } });
    // Our own 30 minutes are the limit: the browser revalidates its copy (a 304 when nothing changed) rather than keep it 5 more.
    const outcome = await callEndpoint(url, routes.getJournalOverrides, { cache: 'no-cache' }, fetchImpl);
    if (outcome.kind !== 'ok') return 'failed';
    if (overrideDocument(outcome.body, '').length > 0) return 'refused';
    await local.set({ [OVERRIDE_STORAGE_KEY]: outcome.body });
    return 'stored';
  }

  /** Worker start and the alarm may ask at once: they share one request. */
  return function refreshOverrides(): Promise<RefreshOutcome> {
    running ??= refreshOnce().finally(() => (running = null));
    return running;
  };
}
