import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import { addSession, listSessions, type Session } from './sessions.ts';

const teacher = { id: 7, name: 'Иванова Анна Петровна', school: 'Школа № 1', municipality: 'Район' };

function session(id: string, at: string): Session {
  return { id, serverUrl: 'https://profrost.example', token: `token-${id}`, teacher, journalNames: [teacher.name], consentAcceptedAt: at, connectedAt: at };
}

/** A session as the extension stored it before `enrolledAt` was renamed `connectedAt`. */
function storedByEarlierVersion(id: string, at: string) {
  const { connectedAt: _, ...rest } = session(id, at);
  return { ...rest, enrolledAt: at };
}

describe('the sessions in browser storage', () => {
  it('reads when a session stored by an earlier version connected, from its enrolledAt', async () => {
    const area = memoryStorage({ sessions: [storedByEarlierVersion('old', '2025-09-01T08:00:00.000Z')] });
    const [read] = await listSessions(area);
    expect(read).toEqual(session('old', '2025-09-01T08:00:00.000Z'));
    expect(read).not.toHaveProperty('enrolledAt');
  });

  it('writes an earlier session back in the new shape when the list changes', async () => {
    const area = memoryStorage({ sessions: [storedByEarlierVersion('old', '2025-09-01T08:00:00.000Z')] });
    const other = { ...session('new', '2026-02-01T08:00:00.000Z'), teacher: { ...teacher, id: 8, name: 'Петров Иван' } };
    await addSession(area, other);
    expect(area.dump().sessions).toEqual([session('old', '2025-09-01T08:00:00.000Z'), other]);
  });

  it('keeps connectedAt of a session stored in the new shape', async () => {
    const area = memoryStorage({ sessions: [session('new', '2026-02-01T08:00:00.000Z')] });
    expect(await listSessions(area)).toEqual([session('new', '2026-02-01T08:00:00.000Z')]);
  });
});
