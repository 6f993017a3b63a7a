import type { PinHash } from './pin.ts';
import { namesAgree } from '../../shared/journals/teacher-name.ts';
import { keysWithPrefix, readKey, type StorageArea } from './storage-area.ts';

/**
 * A teacher connected on this browser. A school computer may be shared, so
 * there may be several; each has its own token and its own data under its
 * own key prefix, and the panel only ever opens the one whose name the
 * journal shows as logged in.
 */
export interface Session {
  id: string;
  serverUrl: string;
  /** The device token. Read only by the background worker, never sent to the page. */
  token: string;
  teacher: { id: number; name: string; school: string; municipality: string };
  /**
   * The names under which the journal may show this teacher: as it read it,
   * and as the teacher confirmed or corrected it when connecting.
   */
  journalNames: string[];
  consentAcceptedAt: string;
  connectedAt: string;
  /**
   * The hash of the PIN she chose when connecting (pin.ts): it opens her
   * profile where the journal does not vouch for who is signed in. Absent on
   * sessions connected without one (the journal vouched, or an earlier version).
   */
  pin?: PinHash;
}

/** What the panel may know about a session: everything but the token and the PIN's hash. */
export type SessionView = Omit<Session, 'token' | 'pin'>;

const sessionsKey = 'sessions';

export const sessionPrefix = (sessionId: string) => `s:${sessionId}:`;
export const outboxKey = (sessionId: string) => `${sessionPrefix(sessionId)}outbox`;
export const cacheKey = (sessionId: string, resource: string) => `${sessionPrefix(sessionId)}cache:${resource}`;
/** The wrong PIN tries and the wait they imposed (pin.ts), kept so that a reload does not reset them. */
export const pinTriesKey = (sessionId: string) => `${sessionPrefix(sessionId)}pinTries`;
export const draftKey = (sessionId: string, instrumentId: string) => `${sessionPrefix(sessionId)}draft:${instrumentId}`;

/** A session as stored by an earlier version, which called the moment of connecting `enrolledAt`. */
type StoredSession = Session | (Omit<Session, 'connectedAt'> & { enrolledAt: string });

function isSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Session>;
  return (
    typeof s.id === 'string' &&
    typeof s.token === 'string' &&
    typeof s.serverUrl === 'string' &&
    typeof s.teacher?.name === 'string' &&
    Array.isArray(s.journalNames)
  );
}

/** The session in today's shape; storage keeps the old one until the list is next written. */
function upgraded(stored: StoredSession): Session {
  if ('connectedAt' in stored) return stored;
  const { enrolledAt, ...rest } = stored;
  return { ...rest, connectedAt: enrolledAt };
}

export async function listSessions(area: StorageArea): Promise<Session[]> {
  const stored = await readKey(area, sessionsKey);
  return Array.isArray(stored) ? stored.filter(isSession).map(upgraded) : [];
}

export async function findSession(area: StorageArea, id: string): Promise<Session | undefined> {
  return (await listSessions(area)).find((session) => session.id === id);
}

/** Adds a session; an older one of the same teacher on the same server is replaced (and its data dropped). */
export async function addSession(area: StorageArea, session: Session): Promise<void> {
  const sessions = await listSessions(area);
  const replaced = sessions.filter((s) => s.serverUrl === session.serverUrl && s.teacher.id === session.teacher.id);
  for (const old of replaced) await removeSessionData(area, old.id);
  await area.set({ [sessionsKey]: [...sessions.filter((s) => !replaced.includes(s)), session] });
}

async function removeSessionData(area: StorageArea, id: string): Promise<void> {
  const keys = await keysWithPrefix(area, sessionPrefix(id));
  if (keys.length) await area.remove(keys);
}

/** Signs a teacher out of this browser: their token, cache, drafts and unsent changes are removed. */
export async function removeSession(area: StorageArea, id: string): Promise<void> {
  await removeSessionData(area, id);
  const sessions = await listSessions(area);
  await area.set({ [sessionsKey]: sessions.filter((s) => s.id !== id) });
}

/** For comparing names: case, ё and spacing do not matter. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * The sessions whose teacher the journal's name may be: those whose roster
 * name agrees with it — «Егорова С. М.» with «Егорова Сардана Михайловна»
 * (shared/journals/teacher-name.ts) — or, when none does, those with the same
 * name stored as the journal showed it or the teacher confirmed it (a journal
 * may show something that is not a name). More than one is an ambiguity (two
 * teachers with the same surname and initials on one computer): the teacher
 * chooses, nothing is guessed.
 */
export function sessionsForJournalName(sessions: Session[], journalName: string): Session[] {
  const wanted = normalizeName(journalName);
  if (!wanted) return [];
  const same = (name: string) => normalizeName(name) === wanted || namesAgree(journalName, name);
  const byRoster = sessions.filter((s) => same(s.teacher.name));
  return byRoster.length > 0 ? byRoster : sessions.filter((s) => s.journalNames.some(same));
}

/** The session of the teacher the journal shows, if exactly one connected here can be her. */
export function sessionForJournalName(sessions: Session[], journalName: string): Session | undefined {
  const matching = sessionsForJournalName(sessions, journalName);
  return matching.length === 1 ? matching[0] : undefined;
}

export function viewOf({ token: _, pin: __, ...view }: Session): SessionView {
  return view;
}
