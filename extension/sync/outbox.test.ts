import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import type { ApiOutcome } from './api-client.ts';
import { backoffDelay } from './backoff.ts';
import { createLock } from './lock.ts';
import { createOutbox, type NewOutboxEntry, type OutboxEntry } from './outbox.ts';

const backoff = { baseMs: 1000, maxMs: 60_000, random: () => 1 };

function setup() {
  const area = memoryStorage();
  let clock = 1_000_000;
  const outbox = createOutbox({ area, key: 'outbox', lock: createLock(), now: () => clock, backoff });
  return { area, outbox, advance: (ms: number) => (clock += ms), now: () => clock };
}

let n = 0;
function change(key: string, body: unknown = { n: ++n }): NewOutboxEntry {
  return { id: `entry-${++n}`, key, kind: 'routeItem', label: key, request: { method: 'PUT', path: `/api/v1/${key}`, body } };
}

/** A server that answers from a script, and records what it received. */
function server(...answers: ApiOutcome[]) {
  const received: OutboxEntry['request'][] = [];
  return {
    received,
    send: async (request: OutboxEntry['request']): Promise<ApiOutcome> => {
      received.push(request);
      return answers.shift() ?? { kind: 'ok', status: 200, body: {} };
    },
  };
}

const ok: ApiOutcome = { kind: 'ok', status: 200, body: {} };
const offline: ApiOutcome = { kind: 'network' };
const conflict: ApiOutcome = {
  kind: 'http',
  status: 409,
  code: 'already_enrolled',
  message: 'Вы уже записаны на этот поток (место подтверждено). Повторная запись не нужна.',
};

describe('the outbox', () => {
  it('keeps changes on the device and sends them in the order they were made', async () => {
    const { outbox, area } = setup();
    await outbox.add(change('a'));
    await outbox.add(change('b'));
    await outbox.add(change('c'));
    expect((await outbox.entries()).map((e) => e.key)).toEqual(['a', 'b', 'c']);
    expect(area.dump().outbox).toHaveLength(3);

    const s = server();
    expect(await outbox.flush(s.send)).toEqual({ sent: 3, failed: 0, stopped: null });
    expect(s.received.map((r) => r.path)).toEqual(['/api/v1/a', '/api/v1/b', '/api/v1/c']);
    expect(await outbox.entries()).toEqual([]);
    expect(area.dump()).not.toHaveProperty('outbox');
  });

  it('replaces a waiting change with the same key in its place instead of sending both', async () => {
    const { outbox } = setup();
    await outbox.add(change('route-1', { status: 'accepted' }));
    await outbox.add(change('route-2', { status: 'accepted' }));
    await outbox.add(change('route-1', { status: 'done' }));
    const entries = await outbox.entries();
    expect(entries.map((e) => [e.key, e.request.body])).toEqual([
      ['route-1', { status: 'done' }],
      ['route-2', { status: 'accepted' }],
    ]);
    const s = server();
    await outbox.flush(s.send);
    expect(s.received).toHaveLength(2);
  });

  it('stops at the first change the server cannot take now, keeps it and everything after, and backs off', async () => {
    const { outbox, advance } = setup();
    await outbox.add(change('a'));
    await outbox.add(change('b'));

    const down = server(offline);
    expect(await outbox.flush(down.send)).toEqual({ sent: 0, failed: 0, stopped: 'offline' });
    expect(down.received).toHaveLength(1); // b waits behind a: never overtakes it
    const [a] = await outbox.entries();
    expect(a).toMatchObject({ key: 'a', tries: 1, state: 'pending' });

    // The periodic retry waits for the backoff…
    const early = server();
    advance(backoffDelay(1, backoff) - 1);
    expect(await outbox.flush(early.send)).toMatchObject({ sent: 0, stopped: 'offline' });
    expect(early.received).toHaveLength(0);

    // …and each failure doubles the wait.
    advance(1);
    const stillDown = server(offline);
    await outbox.flush(stillDown.send);
    expect(stillDown.received).toHaveLength(1);
    const retried = (await outbox.entries())[0]!;
    expect(retried.tries).toBe(2);
    expect(retried.nextTryAt - (1_000_000 + backoffDelay(1, backoff))).toBe(backoffDelay(2, backoff));
    expect(backoffDelay(2, backoff)).toBe(2 * backoffDelay(1, backoff));

    // The teacher opening the panel or changing something sends at once, whatever the backoff.
    const up = server();
    expect(await outbox.flush(up.send, { force: true })).toEqual({ sent: 2, failed: 0, stopped: null });
    expect(up.received.map((r) => r.path)).toEqual(['/api/v1/a', '/api/v1/b']);
  });

  it('retries server errors and rate limits, but not a refusal', async () => {
    const { outbox } = setup();
    for (const status of [500, 502, 503, 429, 408]) {
      await outbox.add(change(`s${status}`));
      const s = server({ kind: 'http', status, code: 'x', message: 'Ошибка' });
      expect(await outbox.flush(s.send, { force: true })).toMatchObject({ stopped: 'offline', failed: 0 });
      await outbox.flush(server().send, { force: true });
      expect(await outbox.entries()).toEqual([]);
    }
  });

  it('marks a change the server refuses (409, 422, 400) as failed with its Russian sentence, once, and moves on', async () => {
    const { outbox } = setup();
    await outbox.add(change('signUp'));
    await outbox.add(change('next'));
    await outbox.add(change('invalid'));
    const s = server(conflict, ok, { kind: 'http', status: 422, code: 'invalid', message: 'Ответы не подходят к этой версии диагностики.' });
    expect(await outbox.flush(s.send)).toEqual({ sent: 1, failed: 2, stopped: null });
    const entries = await outbox.entries();
    expect(entries.map((e) => [e.key, e.state, e.error?.status, e.error?.message])).toEqual([
      ['signUp', 'failed', 409, conflict.kind === 'http' && conflict.message],
      ['invalid', 'failed', 422, 'Ответы не подходят к этой версии диагностики.'],
    ]);

    // Flushing again sends nothing: a failed change does not loop.
    const again = server();
    expect(await outbox.flush(again.send, { force: true })).toEqual({ sent: 0, failed: 0, stopped: null });
    expect(again.received).toEqual([]);

    // The teacher may try it again, or drop it.
    await outbox.retry(entries[0]!.id);
    const retried = server();
    expect(await outbox.flush(retried.send)).toMatchObject({ sent: 1 });
    await outbox.remove((e) => e.id === entries[1]!.id);
    expect(await outbox.entries()).toEqual([]);
  });

  it('keeps everything and sends nothing more when the server no longer accepts the device', async () => {
    const { outbox } = setup();
    await outbox.add(change('a'));
    await outbox.add(change('b'));
    const s = server({ kind: 'http', status: 401, code: 'unauthorized', message: 'Токен недействителен.' });
    expect(await outbox.flush(s.send)).toEqual({ sent: 0, failed: 0, stopped: 'unauthorized' });
    expect(s.received).toHaveLength(1);
    expect((await outbox.entries()).map((e) => e.state)).toEqual(['pending', 'pending']);
  });

  it('loses no change added while a request is in flight', async () => {
    const { outbox } = setup();
    await outbox.add(change('a'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const flushing = outbox.flush(async () => {
      await gate;
      return ok;
    });
    await outbox.add(change('b'));
    await outbox.add(change('c'));
    release();
    expect(await flushing).toMatchObject({ sent: 3 });
    expect(await outbox.entries()).toEqual([]);
  });

  it('skips stored garbage instead of failing', async () => {
    const area = memoryStorage({ outbox: [{ nonsense: true }, 42] });
    const outbox = createOutbox({ area, key: 'outbox', lock: createLock() });
    expect(await outbox.entries()).toEqual([]);
  });
});
