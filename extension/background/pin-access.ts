import { messages } from '../messages.ts';
import type { Lock } from '../sync/lock.ts';
import { afterWrongTry, hashPin, isValidPin, type PinHash, readTries, verifyPin } from '../sync/pin.ts';
import { findSession, listSessions, pinTriesKey, type Session, sessionsForJournalName, viewOf } from '../sync/sessions.ts';
import { readKey, type StorageArea } from '../sync/storage-area.ts';
import type { JournalClaim, PanelState, Requests } from './protocol.ts';

const t = messages.pin;

/**
 * Who may open which stored profile (docs/DOMAIN.md, «Журнал ручается»).
 * The journal vouches: the session connected under the name it read opens.
 * It does not (a name typed or confirmed by hand): the session under that
 * name stays locked, and only its PIN opens it, checked here, in the worker,
 * against the salted hash; the panel never sees the hash.
 */
export function createPinAccess({ local, lock, now, pinIterations }: { local: StorageArea; lock: Lock; now: () => number; pinIterations: number }) {
  async function tries(sessionId: string) {
    return readTries(await readKey(local, pinTriesKey(sessionId)));
  }
  const waitIso = (waitUntil: number) => (waitUntil > now() ? new Date(waitUntil).toISOString() : null);

  /**
   * The one session the journal's name can be: the only one whose name agrees
   * with it, or the teacher's choice among several (`sessionId`); none while
   * she has not chosen.
   */
  function chosenSession(sessions: Session[], journalName: string, sessionId: string | undefined) {
    const matching = sessionsForJournalName(sessions, journalName);
    return { matching, found: matching.length === 1 ? matching[0] : matching.find((one) => one.id === sessionId) };
  }

  /** The session (or lock) the panel may show for what the journal claims. */
  async function stateFor(
    claim: JournalClaim & { sessionId?: string },
  ): Promise<Pick<PanelState, 'session' | 'locked' | 'otherTeacherConnected' | 'sameName'>> {
    const sessions = await listSessions(local);
    const { matching, found } = chosenSession(sessions, claim.journalName, claim.sessionId);
    // Two connected teachers agree with the journal's name (the same surname and initials): she chooses, nothing is guessed.
    // Only names and schools are said, which the journal's name already narrows to these.
    if (!found && matching.length > 1) {
      const sameName = matching.map(({ id, teacher }) => ({ id, name: teacher.name, school: teacher.school }));
      return { session: null, locked: null, otherTeacherConnected: false, sameName };
    }
    if (found && claim.vouched) return { session: viewOf(found), locked: null, otherTeacherConnected: false, sameName: [] };
    if (found) {
      const { waitUntil } = await tries(found.id);
      return { session: null, locked: { pinSet: found.pin !== undefined, waitUntil: waitIso(waitUntil) }, otherTeacherConnected: false, sameName: [] };
    }
    return { session: null, locked: null, otherTeacherConnected: sessions.length > 0, sameName: [] };
  }

  async function unlock({ journalName, sessionId, pin }: Requests['unlock']['request']): Promise<Requests['unlock']['response']> {
    const { found } = chosenSession(await listSessions(local), journalName, sessionId);
    // A name with no profile behind it gets the same answer as a wrong PIN: the panel learns nothing from it.
    if (!found?.pin) return { ok: false, message: found ? t.noPin : t.wrong, waitUntil: null };
    const before = await tries(found.id);
    if (before.waitUntil > now()) return { ok: false, message: t.wait, waitUntil: waitIso(before.waitUntil) };
    if (await verifyPin(pin.trim(), found.pin)) {
      await lock(async () => {
        if (await findSession(local, found.id)) await local.remove(pinTriesKey(found.id));
      });
      return { ok: true, session: viewOf(found) };
    }
    const after = await lock(async () => {
      const next = afterWrongTry(await tries(found.id), now());
      if (await findSession(local, found.id)) await local.set({ [pinTriesKey(found.id)]: next });
      return next;
    });
    return { ok: false, message: after.waitUntil ? t.wait : t.wrong, waitUntil: waitIso(after.waitUntil) };
  }

  /** The PIN's hash for a new session, or the sentence why not: required where the journal does not vouch. */
  async function pinForConnect(request: Requests['connect']['request']): Promise<{ pin?: PinHash } | { message: string }> {
    const pin = request.pin.trim();
    if (!pin) return request.vouched ? {} : { message: t.required };
    if (!isValidPin(pin)) return { message: t.invalid };
    return { pin: await hashPin(pin, pinIterations) };
  }

  return { stateFor, unlock, pinForConnect };
}
