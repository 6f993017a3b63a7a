import { connectGuard } from '../../shared/api/answer-guards.ts';
import { type Route, routes } from '../../shared/api/routes.ts';
import { messages } from '../messages.ts';
import { getServerSetting, type ManagedArea, setServerUrl } from '../settings/server-url.ts';
import { type ApiOutcome, type ApiRequest, callApi, callEndpoint, type EndpointInput, type Fetch } from '../sync/api-client.ts';
import { pruneCache, readCache, writeCache } from '../sync/cache.ts';
import { singleFlight } from '../sync/single-flight.ts';
import { createLock } from '../sync/lock.ts';
import { createOutbox, type OutboxEntry } from '../sync/outbox.ts';
import { defaultPinIterations } from '../sync/pin.ts';
import { addSession, cacheKey, draftKey, findSession, listSessions, outboxKey, removeSession, type Session, sessionPrefix, viewOf } from '../sync/sessions.ts';
import { readKey, type StorageArea } from '../sync/storage-area.ts';
import { outboxEntryFor } from './changes.ts';
import { checkServer } from './check-server.ts';
import { isDetectionEvent } from '../report/detection-counts.ts';
import { createFieldReports, type RequestOrigin } from './field-reports.ts';
import { createPinAccess } from './pin-access.ts';
import { previewScore } from './preview.ts';
import type { Draft, Loaded, MarkView, Request, Requests, ResponseOf, SyncState } from './protocol.ts';
import { resourceSource } from './resources.ts';
import { awaits, combined, isMark, type Mark, markOf, noMark } from './mark.ts';
import type { MyCampaignsResponse } from '../../shared/api/campaigns.ts';
import type { MyConsultationsResponse } from '../../shared/api/consultations.ts';

export interface WorkerDeps {
  local: StorageArea;
  managed?: ManagedArea;
  fetch?: Fetch;
  now?: () => number;
  randomId?: () => string;
  /** PBKDF2 iterations for a new PIN (sync/pin.ts); tests pass fewer. */
  pinIterations?: number;
  /** Reads the skeleton of the page in a tab (report/skeleton.ts, run there by the browser); absent: reports cannot be made. */
  capturePage?: (tabId: number) => Promise<unknown>;
  /** Opens an extension page (a path such as /iom.html?…) in a new tab; the entrypoint gives the browser's. */
  openTab?: (path: string) => Promise<void>;
  /** Whether something awaits a teacher connected here changed: the entrypoint updates the toolbar badge and the launchers. */
  onMarkChanged?: (view: MarkView) => void;
}

/** The mark is asked of the server again when the worker wakes at most this often; after a delivery, at once. */
const markRefreshMs = 10 * 60_000;

/** The printable ИОМ: an extension page (entrypoints/iom/), opened in a tab of its own so that the browser prints it alone. */
export const printableRoutePath = '/iom.html';

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
  pinIterations = defaultPinIterations,
  capturePage,
  openTab = async () => undefined,
  onMarkChanged = () => undefined,
}: WorkerDeps) {
  const lock = createLock();
  const access = createPinAccess({ local, lock, now, pinIterations });
  const field = createFieldReports({ local, lock, now, randomId, capturePage });
  // Start reading the policy now: the first message need not wait for it.
  void getServerSetting(local, managed);
  const outboxOf = (sessionId: string) => createOutbox({ area: local, key: outboxKey(sessionId), lock, now });
  const unauthorizedKey = (id: string) => `${sessionPrefix(id)}unauthorized`;
  const syncedAtKey = (id: string) => `${sessionPrefix(id)}syncedAt`;
  const markKey = (id: string) => `${sessionPrefix(id)}mark`;
  const markAtKey = (id: string) => `${sessionPrefix(id)}markAt`;
  /** The view last announced, so that the badge and the launchers are told only of a change. */
  let announced: string | null = null;

  /** What awaits any teacher connected here, as the toolbar and the launcher say it (nothing of what). */
  async function markView(): Promise<MarkView> {
    const sessions = await listSessions(local);
    const stored = sessions.length === 0 ? {} : await local.get(sessions.map((s) => markKey(s.id)));
    const mark = combined(sessions.map((s) => stored[markKey(s.id)]).filter(isMark));
    const what = [mark.campaigns > 0 && messages.mark.campaign, mark.consultations > 0 && messages.mark.consultation].filter(Boolean).join('; ');
    return { awaits: awaits(mark), title: awaits(mark) ? messages.mark.awaits(what) : messages.mark.none };
  }

  async function announce(): Promise<void> {
    const view = await markView();
    const key = JSON.stringify(view);
    if (key === announced) return;
    announced = key;
    onMarkChanged(view);
  }

  /** Keeps a session's mark, from whichever of her campaigns and consultations was just read; the other part stays. */
  async function keepMark(sessionId: string, read: { campaigns?: MyCampaignsResponse; consultations?: MyConsultationsResponse }): Promise<void> {
    await whileSignedIn(sessionId, async () => {
      const previous = await readKey(local, markKey(sessionId));
      const mark: Mark = markOf(read.campaigns, read.consultations, isMark(previous) ? previous : noMark);
      await local.set({ [markKey(sessionId)]: mark, [markAtKey(sessionId)]: now() });
    });
    await announce();
  }

  /** Asks the server what awaits the teacher: her open campaigns and consultations. */
  async function refreshMark(sessionId: string): Promise<void> {
    const session = await findSession(local, sessionId);
    if (!session) return;
    const read = async <T>(name: 'campaigns' | 'consultations'): Promise<T | undefined> => {
      const source = resourceSource({ name });
      const outcome = await send(session, source.request);
      if (outcome.kind !== 'ok') return undefined;
      const parsed = source.guard.check(outcome.body);
      return parsed.ok ? (parsed.value as T) : undefined;
    };
    const [campaigns, consultations] = await Promise.all([read<MyCampaignsResponse>('campaigns'), read<MyConsultationsResponse>('consultations')]);
    if (!campaigns && !consultations) return;
    await keepMark(sessionId, { ...(campaigns && { campaigns }), ...(consultations && { consultations }) });
  }

  /** Sends a request as the session's teacher. */
  const send = (session: Session, request: Omit<ApiRequest, 'token'>): Promise<ApiOutcome> =>
    callApi(session.serverUrl, { ...request, token: session.token }, fetchImpl);
  /** Calls an endpoint as the session's teacher. */
  const callAs = <R extends Route>(session: Session, route: R, input: EndpointInput<R>): Promise<ApiOutcome> =>
    callEndpoint(session.serverUrl, route, { ...input, token: session.token }, fetchImpl);

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
    // An attempt or an answer delivered may take the mark away.
    if (result.sent > 0) await refreshMark(sessionId).catch(() => undefined);
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
    // Detection counts ride along in a teacher's outbox, a batch at most every hour.
    await field.batchCounts().catch(() => undefined);
    for (const session of await listSessions(local)) {
      await flush(session.id, force).catch(() => undefined);
      const at = await readKey(local, markAtKey(session.id));
      if (force || typeof at !== 'number' || now() - at >= markRefreshMs) await refreshMark(session.id).catch(() => undefined);
    }
    await announce().catch(() => undefined);
  }

  async function load(sessionId: string, resource: Parameters<typeof resourceSource>[0]): Promise<Loaded> {
    const session = await requireSession(sessionId);
    const source = resourceSource(resource);
    const key = cacheKey(sessionId, source.cacheName);
    const outcome = await send(session, source.request);
    let problem: string;
    if (outcome.kind === 'ok') {
      const parsed = source.guard.check(outcome.body);
      if (parsed.ok) {
        const fetchedAt = new Date(now());
        await whileSignedIn(sessionId, async () => {
          await writeCache(local, key, parsed.value, fetchedAt);
          if (resource.name === 'programs') await pruneCache(local, cacheKey(sessionId, 'programs:'), keptCatalogueSearches, key);
          await local.remove(unauthorizedKey(sessionId));
        });
        if (resource.name === 'campaigns') await keepMark(sessionId, { campaigns: parsed.value as MyCampaignsResponse });
        if (resource.name === 'consultations') await keepMark(sessionId, { consultations: parsed.value as MyConsultationsResponse });
        return { kind: 'fresh', data: parsed.value, fetchedAt: fetchedAt.toISOString() };
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

  /** What `load` falls back to, at once: the panel shows it while `load` asks the server (panel/session.ts, useResource). */
  async function peek(sessionId: string, resource: Parameters<typeof resourceSource>[0]): Promise<Loaded | null> {
    await requireSession(sessionId);
    const cached = await readCache(local, cacheKey(sessionId, resourceSource(resource).cacheName));
    return cached ? { kind: 'kept', data: cached.data, fetchedAt: cached.fetchedAt } : null;
  }

  async function connect(request: Requests['connect']['request']): Promise<ResponseOf<typeof request>> {
    if (!request.consentAccepted) return { ok: false, message: t.consentRequired };
    // Checked before the code is spent: a code is used once.
    const pin = await access.pinForConnect(request);
    if ('message' in pin) return { ok: false, message: pin.message };
    const { url } = await getServerSetting(local, managed);
    // The consent goes with the connection: the edition of the text the panel showed, and when the teacher accepted it.
    const consent = { version: messages.onboarding.consentVersion, acceptedAt: new Date(now()).toISOString() };
    // The name she confirmed goes along: the server refuses a colleague's code before using it up.
    const confirmed = request.confirmedName.trim();
    const body = { code: request.code.trim(), device: request.device.trim() || t.defaultDevice, consent, ...(confirmed && { name: confirmed }) };
    const outcome = await callEndpoint(url, routes.connectDevice, { body }, fetchImpl);
    if (outcome.kind === 'network') return { ok: false, message: t.connectOffline(url) };
    if (outcome.kind === 'http') return { ok: false, message: outcome.message };
    const parsed = connectGuard.check(outcome.body);
    if (!parsed.ok) return { ok: false, message: t.badAnswer };
    const at = new Date(now()).toISOString();
    const session: Session = {
      id: randomId(),
      serverUrl: url,
      token: parsed.value.token,
      teacher: parsed.value.teacher,
      journalNames: [...new Set([request.journalName.trim(), request.confirmedName.trim()].filter(Boolean))],
      consentAcceptedAt: at,
      connectedAt: at,
      ...pin,
    };
    await lock(() => addSession(local, session));
    return { ok: true, session: viewOf(session) };
  }

  /** `from`: the tab the message came from, filled by the background from the sender (never by the page). */
  async function handle<R extends Request>(request: R, from: RequestOrigin = {}): Promise<ResponseOf<R>> {
    return (await dispatch(request, from)) as ResponseOf<R>;
  }

  async function dispatch(request: Request, from: RequestOrigin): Promise<unknown> {
    switch (request.type) {
      case 'countDetection':
        if (isDetectionEvent(request.event)) await field.count(request.event, from);
        return undefined;
      case 'reportPage': {
        await requireSession(request.sessionId);
        const result = await field.report(request.sessionId, request.reason, from);
        if (result.ok) void flush(request.sessionId, true).catch(() => undefined);
        return result;
      }
      case 'getMark':
        return markView();
      case 'checkServer':
        return checkServer((await getServerSetting(local, managed)).url, fetchImpl);
      case 'getState': {
        const [setting, state] = await Promise.all([getServerSetting(local, managed), access.stateFor(request)]);
        return { serverUrl: setting.url, serverUrlManaged: setting.managed, ...state };
      }
      case 'unlock':
        return access.unlock(request);
      case 'setServerUrl': {
        if ((await getServerSetting(local, managed)).managed) return { ok: false, message: t.serverUrlManaged };
        return (await setServerUrl(local, request.url)) ? { ok: true } : { ok: false, message: t.serverUrlInvalid };
      }
      case 'connect':
        return connect(request);
      case 'load':
        return load(request.sessionId, request.resource);
      case 'peek':
        return peek(request.sessionId, request.resource);
      case 'change': {
        await requireSession(request.sessionId);
        const outbox = outboxOf(request.sessionId);
        const { change } = request;
        // A sign-up that never left the device is simply dropped when cancelled.
        // The same for an event's sign-up.
        const isWaitingSignUp = (e: OutboxEntry) =>
          change.kind === 'cancelEnrollment'
            ? e.key === `signUp:${change.enrollmentId}`
            : change.kind === 'cancelEventSignUp' && e.kind === 'eventSignUp' && e.key.endsWith(`:${change.signUpId}`);
        const waiting = (await outbox.entries()).some(isWaitingSignUp);
        if (waiting) await outbox.remove(isWaitingSignUp);
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
        const outcome = await callAs(session, routes.exportMyData, {});
        if (outcome.kind !== 'ok') return { ok: false, message: outcome.kind === 'network' ? t.offlineNow : outcome.message };
        const day = new Date(now()).toISOString().slice(0, 10);
        return { ok: true, json: JSON.stringify(outcome.body, null, 2), fileName: `profrost-${session.teacher.id}-${day}.json` };
      }
      case 'eraseData': {
        const session = await requireSession(request.sessionId);
        // Withdrawing consent: the server notes it and erases, as eraseMyData does.
        const outcome = await callAs(session, routes.withdrawConsent, {});
        if (outcome.kind !== 'ok') return { ok: false, message: outcome.kind === 'network' ? t.offlineNow : outcome.message };
        await lock(() => removeSession(local, session.id));
        await announce();
        return { ok: true };
      }
      case 'signOut':
        await lock(() => removeSession(local, request.sessionId));
        await announce();
        return { ok: true };
      case 'openPrintableRoute': {
        await requireSession(request.sessionId);
        await openTab(`${printableRoutePath}?session=${encodeURIComponent(request.sessionId)}`);
        return { ok: true };
      }
    }
  }

  return { handle, flush, flushAll, batchCounts: field.batchCounts, markView };
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<Draft>;
  return typeof d.attemptId === 'string' && typeof d.instrumentId === 'string' && typeof d.answers === 'object' && typeof d.current === 'number';
}

export type Worker = ReturnType<typeof createWorker>;
