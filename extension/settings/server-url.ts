import type { StorageArea } from '../sync/storage-area.ts';

const storageKey = 'serverUrl';

/** The part of `storage.managed` we read: what a school's IT pushed by policy (see public/managed_schema.json). */
export interface ManagedArea {
  get(keys: string): Promise<Record<string, unknown>>;
}

export interface ServerSetting {
  url: string;
  /** Set by policy: the teacher cannot change it. */
  managed: boolean;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().replace(/\/+$/, '') : null;
}

/**
 * How long to wait for the managed area when nothing of it is cached yet
 * (once after install). Without a policy it may fail (Firefox) or never
 * answer at all (headless Chromium); both count as empty.
 */
const managedTimeoutMs = 500;

/**
 * The policy's answer as last read, kept in the local area: the worker starts
 * often (the browser stops it when idle) and must not wait for the managed
 * area each time, which may never answer. Read again on every worker start in
 * the background, and when the policy changes (refreshManagedUrl, called on
 * storage.onChanged for the managed area).
 */
export const managedCacheKey = 'managedServerUrl';

interface ManagedCache {
  url: string | null;
}

function isManagedCache(value: unknown): value is ManagedCache {
  return typeof value === 'object' && value !== null && 'url' in value && (typeof value.url === 'string' || value.url === null);
}

/** Reads the policy and caches what it says; a slow answer still lands in the cache when it comes. */
export function refreshManagedUrl(local: StorageArea, managed: ManagedArea): Promise<string | null> {
  const read = Promise.resolve()
    .then(() => managed.get(storageKey))
    .then(
      (items) => nonEmpty(items?.[storageKey]),
      () => null,
    );
  let answered = false;
  const cached = read.then(async (url) => {
    answered = true;
    await local.set({ [managedCacheKey]: { url } satisfies ManagedCache });
    return url;
  });
  // No answer in time counts as no policy, and is cached as such, so that the next start does not wait again.
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => {
      if (answered) return;
      void local.set({ [managedCacheKey]: { url: null } satisfies ManagedCache }).finally(() => resolve(null));
    }, managedTimeoutMs),
  );
  return Promise.race([cached, timeout]);
}

/** Once per worker start (per managed area): the cached answer is used meanwhile. */
const refreshes = new WeakMap<ManagedArea, Promise<string | null>>();

function refreshOnce(local: StorageArea, managed: ManagedArea): Promise<string | null> {
  let refresh = refreshes.get(managed);
  if (!refresh) {
    refresh = refreshManagedUrl(local, managed);
    refreshes.set(managed, refresh);
  }
  return refresh;
}

/**
 * The server this browser talks to: the policy's, else the one set on this
 * device, else the build's default. Waits for the managed area only when it
 * has never been read on this device.
 */
export async function getServerSetting(local: StorageArea, managed?: ManagedArea): Promise<ServerSetting> {
  const items = await local.get([storageKey, managedCacheKey]);
  let fromPolicy: string | null = null;
  if (managed) {
    const cached = items[managedCacheKey];
    const refresh = refreshOnce(local, managed);
    fromPolicy = isManagedCache(cached) ? cached.url : await refresh;
  }
  if (fromPolicy) return { url: fromPolicy, managed: true };
  const stored = nonEmpty(items[storageKey]);
  return { url: stored ?? import.meta.env.WXT_PROFROST_SERVER_URL ?? 'http://localhost:8787', managed: false };
}

/** Checks and stores the address a teacher typed; returns false when it is not an http(s) address. */
export async function setServerUrl(local: StorageArea, url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  await local.set({ [storageKey]: parsed.origin + parsed.pathname.replace(/\/+$/, '') });
  return true;
}
