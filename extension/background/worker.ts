import { api, type Endpoint } from '../../shared/api/endpoints.ts';
import { messages } from '../messages.ts';
import { getServerSetting, type ManagedArea, setServerUrl } from '../settings/server-url.ts';
import { type ApiOutcome, type ApiRequest, callApi, callEndpoint, type EndpointInput, type Fetch } from '../sync/api-client.ts';
import { pruneCache, readCache, writeCache } from '../sync/cache.ts';
import { singleFlight } from '../sync/single-flight.ts';
import { createLock } from '../sync/lock.ts';
import { createOutbox } from '../sync/outbox.ts';
import {
  addSession,
  cacheKey,
  draftKey,
  findSession,
  listSessions,
  outboxKey,
  removeSession,
  type Session,
  sessionPrefix,
  sessionsForJournalName,
  viewOf,
} from '../sync/sessions.ts';
import { readKey, type StorageArea } from '../sync/storage-area.ts';
import { outboxEntryFor } from './changes.ts';
import { checkServer } from './check-server.ts';
import { previewScore } from './preview.ts';
import type { Draft, Loaded, Request, Requests, ResponseOf, SyncState } from './protocol.ts';
import { resourceSource } from './resources.ts';

export interface WorkerDeps {
  local: StorageArea;
  managed?: ManagedArea;
  fetch?: Fetch;
  now?: () => number;
  randomId?: () => string;
}

const t = messages.sync;

/** Catalogue searches kept for offline use, the latest first. */
const keptCatalogueSearches = 20;

/**
 * Everything the background worker does, as plain functions over a storage
 * area and `fetch`: the entrypoint wires it to the browser, tests to an
 * in-memory area and the real server.
 */
export function createWorker({
  local,
  managed,
  fetch: fetchImpl = (input, init) => fetch(input, init),
  now = Date.now,
  randomId = () => crypto.randomUUID(),
}: WorkerDeps) {
  const lock = createLock();
  // Start reading the policy now: the first message need not wait for it.
  void getServerSetting(local, managed);
  const outboxOf = (sessionId: string) => createOutbox({ area: local, key: outboxKey(sessionId), lock, now });
  const unauthorizedKey = (id: string) => `${sessionPrefix(id)}unauthorized`;
  const syncedAtKey = (id: string) => `${sessionPrefix(id)}syncedAt`;

  /** Sends a request as the session's teacher. */
  const send = (session: Session, request: Omit<ApiRequest, 'token'>): Promise<ApiOutcome> =>
    callApi(session.serverUrl, { ...request, token: session.token }, fetchImpl);
  /** Calls an endpoint as the session's teacher. */
  const callAs = <E extends Endpoint>(session: Session, endpoint: E, input: EndpointInput<E>): Promise<ApiOutcome> =>
    callEndpoint(session.serverUrl, endpoint, { ...input, token: session.token }, fetchImpl);

  async function requireSession(id: string): Promise<Session> {
    const session = await findSession(local, id);
    if (!session) throw new Error(t.noSession);
    return session;
  }

  async function syncState(sessionId: string): Promise<SyncState> {
    const stored = await local.get([unauthorizedKey(sessionId), syncedAtKey(sessionId)]);
    const syncedAt = stored[syncedAtKey(sessionId)];
    return {
      entries: await outboxOf(sessionId).entries(),
      unauthorized: stored[unauthorizedKey(sessionId)] === true,
      lastSyncedAt: typeof syncedAt === 'string' ? syncedAt : null,
    };
  }

  async function flushOnce(sessionId: string, force: boolean): Promise<void> {
    const session = await findSession(local, sessionId);
    if (!session) return;
    const result = await outboxOf(sessionId).flush((request) => send(session, request), { force });
    await whileSignedIn(sessionId, async () => {
      if (result.stopped === 'unauthorized') {
        await local.set({ [unauthorizedKey(sessionId)]: true });
      } else if (result.stopped === null) {
        await local.set({ [syncedAtKey(sessionId)]: new Date(now()).toISOString() });
        await local.remove(unauthorizedKey(sessionId));
      }
    });
  }

  /**
   * Writes that follow a request: done only if the teacher did not sign out
   * while it was in flight (sign-out takes the same lock), so that nothing of
   * theirs is left behind on the device.
   */
  function whileSignedIn<T>(sessionId: string, write: () => Promise<T>): Promise<T | undefined> {
    return lock(async () => ((await findSession(local, sessionId)) ? write() : undefined));
  }

  /** Sends a session's outbox; `force` ignores the backoff (the teacher is at the panel). */
  const flush = singleFlight(flushOnce);

  /**
   * Every session's outbox: on the periodic alarm and when the worker wakes,
   * respecting backoff; `force` at the browser's start (or the extension's
   * update), when the network is a new one and waiting out an old backoff
   * would hold a change back for minutes.
   */
  async function flushAll(force = false): Promise<void> {
    for (const session of await listSessions(local)) await flush(session.id, force).catch(() => undefined);
  }

  async function load(sessionId: string, resource: Parameters<typeof resourceSource>[0]): Promise<Loaded> {
    const session = await requireSession(sessionId);
    const source = resourceSource(resource);
    const key = cacheKey(sessionId, source.cacheName);
    const outcome = await send(session, source.request);
    let problem: string;
    if (outcome.kind === 'ok') {
      const parsed = source.schema.safeParse(outcome.body);
      if (parsed.success) {
        const fetchedAt = new Date(now());
        await whileSignedIn(sessionId, async () => {
          await writeCache(local, key, parsed.data, fetchedAt);
          if (resource.name === 'programs') await pruneCache(local, cacheKey(sessionId, 'programs:'), keptCatalogueSearches, key);
          await local.remove(unauthorizedKey(sessionId));
        });
        return { kind: 'fresh', data: parsed.data, fetchedAt: fetchedAt.toISOString() };
      }
      problem = t.badAnswer;
    } else if (outcome.kind === 'network') {
      problem = t.offline;
    } else {
      if (outcome.status === 401) await whileSignedIn(sessionId, () => local.set({ [unauthorizedKey(sessionId)]: true }));
      problem = outcome.message;
    }
    const cached = await readCache(local, key);
    return cached ? { kind: 'cached', data: cached.data, fetchedAt: cached.fetchedAt, problem } : { kind: 'error', message: problem };
  }

  async function connect(request: Requests['connect']['request']): Promise<ResponseOf<typeof request>> {
    if (!request.consentAccepted) return { ok: false, message: t.consentRequired };
    const { url } = await getServerSetting(local, managed);
    // The name she confirmed goes along: the server refuses a colleague's code before using it up.
    const confirmed = request.confirmedName.trim();
    const body = { code: request.code.trim(), device: request.device.trim() || t.defaultDevice, ...(confirmed && { name: confirmed }) };
    const outcome = await callEndpoint(url, api.connectDevice, { body }, fetchImpl);
    if (outcome.kind === 'network') return { ok: false, message: t.connectOffline(url) };
    if (outcome.kind === 'http') return { ok: false, message: outcome.message };
    const parsed = api.connectDevice.response.schema.safeParse(outcome.body);
    if (!parsed.success) return { ok: false, message: t.badAnswer };
    const at = new Date(now()).toISOString();
    const session: Session = {
      id: randomId(),
      serverUrl: url,
      token: parsed.data.token,
      teacher: parsed.data.teacher,
      journalNames: [...new Set([request.journalName.trim(), request.confirmedName.trim()].filter(Boolean))],
      consentAcceptedAt: at,
      connectedAt: at,
    };
    await lock(() => addSession(local, session));
    return { ok: true, session: viewOf(session) };
  }

  async function handle<R extends Request>(request: R): Promise<ResponseOf<R>> {
    return (await dispatch(request)) as ResponseOf<R>;
  }

  async function dispatch(request: Request): Promise<unknown> {
    switch (request.type) {
      case 'checkServer':
        return checkServer((await getServerSetting(local, managed)).url, fetchImpl);
      case 'getState': {
        const [setting, sessions] = await Promise.all([getServerSetting(local, managed), listSessions(local)]);
        const matching = sessionsForJournalName(sessions, request.journalName);
        const session = matching.length === 1 ? matching[0] : matching.find((one) => one.id === request.sessionId);
        return {
          serverUrl: setting.url,
          serverUrlManaged: setting.managed,
          session: session ? viewOf(session) : null,
          otherTeacherConnected: !session && sessions.length > 0,
          sameName: session || matching.length < 2 ? [] : matching.map(({ id, teacher }) => ({ id, name: teacher.name, school: teacher.school })),
        };
      }
      case 'setServerUrl': {
        if ((await getServerSetting(local, managed)).managed) return { ok: false, message: t.serverUrlManaged };
        return (await setServerUrl(local, request.url)) ? { ok: true } : { ok: false, message: t.serverUrlInvalid };
      }
      case 'connect':
        return connect(request);
      case 'load':
        return load(request.sessionId, request.resource);
      case 'change': {
        await requireSession(request.sessionId);
        const outbox = outboxOf(request.sessionId);
        const { change } = request;
        // A sign-up that never left the device is simply dropped when cancelled.
        const waiting = change.kind === 'cancelEnrollment' && (await outbox.entries()).some((e) => e.key === `signUp:${change.enrollmentId}`);
        if (waiting) await outbox.remove((e) => e.key === `signUp:${change.enrollmentId}`);
        else await outbox.add(outboxEntryFor(change, randomId()));
        if (change.kind === 'attempt') await local.remove(draftKey(request.sessionId, change.attempt.instrumentId));
        void flush(request.sessionId, true).catch(() => undefined);
        return syncState(request.sessionId);
      }
      case 'getSync':
        await requireSession(request.sessionId);
        return syncState(request.sessionId);
      case 'sync':
        await requireSession(request.sessionId);
        await flush(request.sessionId, true);
        return syncState(request.sessionId);
      case 'retry':
        await outboxOf(request.sessionId).retry(request.entryId);
        void flush(request.sessionId, true).catch(() => undefined);
        return syncState(request.sessionId);
      case 'discard':
        await outboxOf(request.sessionId).remove((entry) => entry.id === request.entryId && entry.state === 'failed');
        return syncState(request.sessionId);
      case 'getDraft': {
        const draft = await readKey(local, draftKey(request.sessionId, request.instrumentId));
        return isDraft(draft) ? draft : null;
      }
      case 'saveDraft': {
        const saved = await whileSignedIn(request.sessionId, async () => {
          await local.set({ [draftKey(request.sessionId, request.draft.instrumentId)]: request.draft });
          return true;
        });
        return saved ? { ok: true } : { ok: false, message: t.noSession };
      }
      case 'discardDraft':
        await local.remove(draftKey(request.sessionId, request.instrumentId));
        return { ok: true };
      case 'preview':
        return previewScore(local, request.sessionId, request.instrumentId, request.answers);
      case 'exportData': {
        const session = await requireSession(request.sessionId);
        const outcome = await callAs(session, api.exportMyData, {});
        if (outcome.kind !== 'ok') return { ok: false, message: outcome.kind === 'network' ? t.offlineNow : outcome.message };
        const day = new Date(now()).toISOString().slice(0, 10);
        return { ok: true, json: JSON.stringify(outcome.body, null, 2), fileName: `profrost-${session.teacher.id}-${day}.json` };
      }
      case 'eraseData': {
        const session = await requireSession(request.sessionId);
        const outcome = await callAs(session, api.eraseMyData, {});
        if (outcome.kind !== 'ok') return { ok: false, message: outcome.kind === 'network' ? t.offlineNow : outcome.message };
        await lock(() => removeSession(local, session.id));
        return { ok: true };
      }
      case 'signOut':
        await lock(() => removeSession(local, request.sessionId));
        return { ok: true };
    }
  }

  return { handle, flush, flushAll };
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<Draft>;
  return typeof d.attemptId === 'string' && typeof d.instrumentId === 'string' && typeof d.answers === 'object' && typeof d.current === 'number';
}

export type Worker = ReturnType<typeof createWorker>;
